//! Several collections in one invocation (`postgate run a.json b.json`) and
//! `--parallel-iterations`: each collection (each iteration) starts from its
//! own copy of the inputs, reports come out in the order named, and the work
//! really overlaps on the server while `--jobs` still caps it.

use std::path::Path;

use serde_json::Value;

use crate::conformance::normalise;
use crate::support::*;

fn path_of(name: &str) -> String {
    collection(name).to_string_lossy().into_owned()
}

/// `postgate run <collections…> --env-var baseUrl=<base> --color off <extra…>`
/// in `dir`.
fn run_in(dir: &Path, base: &str, collections: &[&str], extra: &[&str]) -> Run {
    postgate()
        .arg("run")
        .args(collections.iter().map(|c| path_of(c)))
        .args(["--env-var", &format!("baseUrl={base}"), "--color", "off"])
        .args(extra)
        .current_dir(dir)
        .output()
        .expect("the postgate binary runs")
        .into()
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("no report at {}: {e}", path.display()));
    serde_json::from_str(&text).expect("the report is JSON")
}

/// CLI output without what depends on timing: request lines lose their
/// duration, and the summary tables (whose widths follow the timings) go;
/// their counts are compared through the JSON reports.
fn timeless(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        if line.starts_with(['┌', '├', '│', '└']) {
            continue;
        }
        // "[200 OK, 434B, 2ms]" → "[200 OK, 434B]"
        let line = match (line.rfind(", "), line.ends_with(']')) {
            (Some(i), true) if line.contains(" [") => format!("{}]", &line[..i]),
            _ => line.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The assertion names of a JSON report, execution by execution.
fn assertion_names(report: &Value) -> Vec<String> {
    report["run"]["executions"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|e| e["assertions"].as_array().cloned().unwrap_or_default())
        .filter_map(|a| a["assertion"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn two_collections_together_report_as_each_does_alone() {
    let base = server().url();
    let dir = temp_dir();
    let (a, b) = (
        "tests/flow.postman_collection.json",
        "tests/http.postman_collection.json",
    );
    let alone_a = run_in(
        dir.path(),
        &base,
        &[a],
        &["-r", "cli,json", "--reporter-json-export", "a.json"],
    );
    let alone_b = run_in(
        dir.path(),
        &base,
        &[b],
        &["-r", "cli,json", "--reporter-json-export", "b.json"],
    );
    let together = run_in(
        dir.path(),
        &base,
        &[a, b],
        &[
            "-r",
            "cli,json,junit",
            "--reporter-json-export",
            "out/both.json",
            "--reporter-junit-export",
            "out/both.xml",
        ],
    );
    assert_eq!(alone_a.code, 0, "{alone_a:?}");
    assert_eq!(alone_b.code, 0, "{alone_b:?}");
    assert_eq!(together.code, 0, "{together:?}");

    // One Newman-shaped JSON file per collection, numbered in named order.
    let (ja, jb) = (
        read_json(&dir.path().join("out/both-1.json")),
        read_json(&dir.path().join("out/both-2.json")),
    );
    assert!(!dir.path().join("out/both.json").exists());
    assert_eq!(ja["collection"]["info"]["name"], "Flow");
    assert_eq!(jb["collection"]["info"]["name"], "HTTP");
    assert_eq!(
        normalise(&read_json(&dir.path().join("a.json"))),
        normalise(&ja)
    );
    assert_eq!(
        normalise(&read_json(&dir.path().join("b.json"))),
        normalise(&jb)
    );

    // The CLI prints each collection's run whole, in the order named, then
    // one overall line.
    let expected = format!(
        "{}{}\npostgate: 2 collections, all passed\n",
        timeless(&alone_a.stdout),
        timeless(&alone_b.stdout)
    );
    assert_eq!(timeless(&together.stdout), expected);

    // One JUnit file with the suites of both, the first collection's first.
    let xml = std::fs::read_to_string(dir.path().join("out/both.xml")).expect("junit written");
    let suites: Vec<&str> = xml
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("<testsuite name=\""))
        .filter_map(|l| l.split('"').next())
        .collect();
    let flow = suites.iter().filter(|s| s.starts_with("Flow / ")).count();
    let http = suites.iter().filter(|s| s.starts_with("HTTP / ")).count();
    assert!(flow > 0 && http > 0, "{xml}");
    assert_eq!(flow + http, suites.len(), "{xml}");
    assert!(
        suites[..flow].iter().all(|s| s.starts_with("Flow / ")),
        "{xml}"
    );
}

#[test]
fn collections_overlap_on_the_server_and_jobs_caps_them_all() {
    // A server of its own, so other tests do not disturb the counts.
    let server = FixtureServer::start().expect("server");
    let dir = temp_dir();
    let (a, b) = (
        "tests/multi-a.postman_collection.json",
        "tests/multi-b.postman_collection.json",
    );
    // Every request of these writes a variable: alone, one at a time.
    server.reset_stats();
    let run = run_in(dir.path(), &server.url(), &[a], &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(server.in_flight_max(), 1, "{run:?}");

    server.reset_stats();
    let run = run_in(dir.path(), &server.url(), &[a, b], &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(server.request_count(), 6);
    assert_eq!(
        server.in_flight_max(),
        2,
        "both collections' requests were in flight together"
    );

    server.reset_stats();
    let run = run_in(dir.path(), &server.url(), &[a, b], &["--jobs", "1"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(server.in_flight_max(), 1, "--jobs caps every collection");
}

#[test]
fn a_broken_second_collection_fails_before_any_request() {
    let server = FixtureServer::start().expect("server");
    let dir = temp_dir();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ \"info\": ").expect("write");
    let missing = dir.path().join("missing.json");
    for bad in [&broken, &missing] {
        server.reset_stats();
        let run: Run = postgate()
            .arg("run")
            .arg(collection("tests/multi-a.postman_collection.json"))
            .arg(bad)
            .args(["--env-var", &format!("baseUrl={}", server.url())])
            .args(["-r", "cli,junit", "--reporter-junit-export", "j.xml"])
            .current_dir(dir.path())
            .output()
            .expect("runs")
            .into();
        assert_eq!(run.code, 1, "{run:?}");
        let name = bad.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        assert!(run.stderr.contains(name), "{run:?}");
        assert_eq!(server.request_count(), 0, "no request was sent: {run:?}");
        assert!(!dir.path().join("j.xml").exists());
    }

    // A --folder one of them lacks stops everything too, naming the file.
    server.reset_stats();
    let run = run_in(
        dir.path(),
        &server.url(),
        &[
            "tests/multi-a.postman_collection.json",
            "tests/flow.postman_collection.json",
        ],
        &["--folder", "a step 1"],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("flow.postman_collection.json"),
        "{run:?}"
    );
    assert_eq!(server.request_count(), 0, "{run:?}");
}

#[test]
fn exit_code_fails_when_any_collection_fails() {
    let base = server().url();
    let dir = temp_dir();
    let (good, bad) = (
        "tests/flow.postman_collection.json",
        "tests/failures.postman_collection.json",
    );
    let run = run_in(dir.path(), &base, &[good, bad], &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("postgate: 2 collections, 1 failed: ")
            && run
                .stdout
                .trim_end()
                .ends_with("failures.postman_collection.json"),
        "{run:?}"
    );
    let run = run_in(dir.path(), &base, &[good, bad], &["-x"]);
    assert_eq!(run.code, 0, "{run:?}");
    let run = run_in(dir.path(), &base, &[good, good], &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .ends_with("\npostgate: 2 collections, all passed\n"),
        "{run:?}"
    );
}

#[test]
fn bail_in_one_collection_stops_the_others() {
    let base = server().url();
    let dir = temp_dir();
    let run = run_in(
        dir.path(),
        &base,
        &[
            "tests/multi-a.postman_collection.json",
            "tests/failures.postman_collection.json",
        ],
        &[
            "--bail",
            "-r",
            "cli,json",
            "--reporter-json-export",
            "r.json",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    // The failing collection bails on its first item (a fast one) while the
    // slow one is still at its first or second request.
    let slow = read_json(&dir.path().join("r-1.json"));
    let done = slow["run"]["executions"].as_array().map_or(0, Vec::len);
    assert!(done < 3, "the slow collection was stopped: {done} ran");
}

#[test]
fn parallel_iterations_start_from_the_same_variables() {
    let base = server().url();
    let dir = temp_dir();
    let counter = "tests/counter.postman_collection.json";
    let json = |extra: &[&str], out: &str| {
        let run = run_in(
            dir.path(),
            &base,
            &[counter],
            &[
                &["-n", "3", "-r", "cli,json", "--reporter-json-export", out],
                extra,
            ]
            .concat(),
        );
        assert_eq!(run.code, 0, "{run:?}");
        (run, read_json(&dir.path().join(out)))
    };
    // Newman: each iteration sees what the one before left.
    let (_, seq) = json(&[], "seq.json");
    assert_eq!(
        assertion_names(&seq),
        [
            "counter is 1",
            "seen 1",
            "counter is 2",
            "seen 12",
            "counter is 3",
            "seen 123"
        ]
    );
    // Side by side: each starts from the collection's and environment's values.
    let (run, par) = json(&["--parallel-iterations"], "par.json");
    assert_eq!(
        assertion_names(&par),
        [
            "counter is 1",
            "seen 1",
            "counter is 1",
            "seen 1",
            "counter is 1",
            "seen 1"
        ]
    );
    // Reports list the iterations in order.
    let iterations: Vec<u64> = par["run"]["executions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["cursor"]["iteration"].as_u64())
        .collect();
    assert_eq!(iterations, [0, 1, 2]);
    assert!(
        found_in_order(&run.stdout, (1..=3).map(|i| format!("Iteration {i}/3"))),
        "{run:?}"
    );
}

#[test]
fn parallel_iterations_overlap_within_jobs() {
    let server = FixtureServer::start().expect("server");
    let dir = temp_dir();
    let counter = "tests/counter.postman_collection.json";
    server.reset_stats();
    let run = run_in(dir.path(), &server.url(), &[counter], &["-n", "4"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(server.in_flight_max(), 1, "one iteration after another");

    server.reset_stats();
    let run = run_in(
        dir.path(),
        &server.url(),
        &[counter],
        &["-n", "4", "--parallel-iterations"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(server.in_flight_max(), 4, "iterations overlapped");

    server.reset_stats();
    let run = run_in(
        dir.path(),
        &server.url(),
        &[counter],
        &["-n", "4", "--parallel-iterations", "--jobs", "2"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(server.in_flight_max(), 2, "--jobs caps the iterations");
}
