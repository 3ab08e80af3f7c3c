//! Concurrency cannot change the verdict: the default mode and `--jobs 1`
//! give identical reports for collections that mix reads, writes, cookie
//! logins, setNextRequest and variable chaining, while reads between
//! barriers really overlap on the server.

use crate::conformance::normalise;
use crate::support::*;

fn json_report(coll: &str, base: &str, extra: &[&str]) -> (Run, serde_json::Value) {
    let dir = temp_dir();
    let out = dir.path().join("r.json");
    let run: Run = postgate()
        .arg("run")
        .arg(collection(coll))
        .args([
            "--env-var",
            &format!("baseUrl={base}"),
            "--color",
            "off",
            "-r",
            "cli,json",
        ])
        .arg("--reporter-json-export")
        .arg(&out)
        .args(extra)
        .current_dir(repo_root())
        .output()
        .expect("runs")
        .into();
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("no report ({e}): {run:?}"));
    (run, serde_json::from_str(&text).expect("json"))
}

/// CLI output without the parts that depend on timing.
fn timeless(s: &str) -> String {
    let mut out = String::new();
    // The summary table's width follows the timings; its counts are compared
    // through the JSON report.
    let s = s.split('┌').next().unwrap_or(s);
    for line in s.lines() {
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

#[track_caller]
fn same_in_both_modes(coll: &str, extra: &[&str]) {
    let url = server().url();
    let (seq_run, seq) = json_report(coll, &url, &[&["--jobs", "1"], extra].concat());
    let (par_run, par) = json_report(coll, &url, extra);
    assert_eq!(normalise(&seq), normalise(&par), "{seq_run:?}\n{par_run:?}");
    assert_eq!(timeless(&seq_run.stdout), timeless(&par_run.stdout));
    assert_eq!(seq_run.code, par_run.code);
}

#[test]
fn default_mode_and_jobs_1_report_the_same_for_mixed_collections() {
    same_in_both_modes("tests/concurrency.postman_collection.json", &[]);
    same_in_both_modes("tests/flow.postman_collection.json", &[]);
    same_in_both_modes("tests/http.postman_collection.json", &[]);
    same_in_both_modes("tests/auth.postman_collection.json", &["-n", "2"]);
    let data = fixture("data/users.csv");
    same_in_both_modes(
        "tests/data.postman_collection.json",
        &["-d", data.to_str().unwrap_or_default()],
    );
}

#[test]
fn concurrent_mode_passes_the_mixed_collection() {
    let run = run_collection("tests/concurrency.postman_collection.json", &[]);
    assert_all_passed(&run, 17);
    // Console output of concurrent items is printed whole, in collection order.
    assert!(
        found_in_order(&run.stdout, (0..6).map(|i| format!("│ 'read', '{i}'"))),
        "{run:?}"
    );
}

#[test]
fn reads_between_barriers_overlap_and_jobs_1_does_not() {
    // A server of its own, so other tests do not disturb the counts.
    let server = FixtureServer::start().expect("server");
    let base = format!("baseUrl={}", server.url());
    let run_with = |extra: &[&str]| -> Run {
        postgate()
            .arg("run")
            .arg(collection("tests/concurrency.postman_collection.json"))
            .args(["--env-var", &base, "--color", "off"])
            .args(extra)
            .output()
            .expect("runs")
            .into()
    };
    server.reset_stats();
    let run = run_with(&["--jobs", "1"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        server.in_flight_max(),
        1,
        "--jobs 1 sends one request at a time"
    );

    server.reset_stats();
    let run = run_with(&[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        server.in_flight_max() >= 4,
        "reads overlapped: {} in flight at most",
        server.in_flight_max()
    );

    server.reset_stats();
    let run = run_with(&["--jobs", "2"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(server.in_flight_max(), 2, "--jobs caps what is in flight");
}
