//! Faulty servers: every misbehaviour of the fixture's `/faulty/…`
//! endpoints (and a 50 MB response) ends as a recorded request error in
//! Newman's wording or as a judged response, within the timeouts; the run
//! goes on to the next request, and the JSON and JUnit reports are written.
//!
//! The helpers here ([`run_items`], [`Report`]) are shared with the
//! isolation and bounds tests: they write a collection into a temporary
//! directory, run the binary with `-r cli,json,junit`, and read the reports.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::*;

/// A collection item: GET `url` (with `{{baseUrl}}` available) and scripts.
pub(crate) fn item(name: &str, url: &str, prerequest: &str, test: &str) -> Value {
    let mut events = Vec::new();
    for (listen, exec) in [("prerequest", prerequest), ("test", test)] {
        if !exec.is_empty() {
            events.push(json!({
                "listen": listen,
                "script": {"exec": exec.lines().collect::<Vec<_>>()}
            }));
        }
    }
    json!({"name": name, "request": {"method": "GET", "url": url}, "event": events})
}

/// The item every scenario ends with: it must run and pass after whatever
/// went wrong before it.
pub(crate) fn after_item() -> Value {
    item(
        "after",
        "{{baseUrl}}/get?after=1",
        "",
        "pm.test('the run went on', function () { pm.response.to.have.status(200); });",
    )
}

/// One run's outputs.
pub(crate) struct Report {
    pub run: Run,
    pub json: Value,
    pub junit: String,
    pub elapsed: Duration,
    /// The temporary directory the collection and reports live in (kept
    /// alive as long as the report).
    pub _dir: tempfile::TempDir,
}

impl Report {
    fn executions(&self, name: &str) -> Vec<&Value> {
        self.json["run"]["executions"]
            .as_array()
            .map(|a| a.iter().filter(|e| e["item"]["name"] == name).collect())
            .unwrap_or_default()
    }

    /// The request error message of item `name`'s (first) execution.
    pub fn request_error(&self, name: &str) -> Option<String> {
        let e = self.executions(name).into_iter().next()?;
        e["requestError"]["message"].as_str().map(str::to_string)
    }

    /// The response code of item `name`'s (first) execution.
    pub fn response_code(&self, name: &str) -> Option<u64> {
        let e = self.executions(name).into_iter().next()?;
        e["response"]["code"].as_u64()
    }

    /// (assertion, passed) for every assertion of item `name`.
    pub fn assertions(&self, name: &str) -> Vec<(String, bool)> {
        self.executions(name)
            .into_iter()
            .flat_map(|e| e["assertions"].as_array().cloned().unwrap_or_default())
            .map(|a| {
                (
                    a["assertion"].as_str().unwrap_or_default().to_string(),
                    a.get("error").is_none() && a["skipped"] != true,
                )
            })
            .collect()
    }

    /// (at, error name, error message) of the failures inside item `name`.
    pub fn failures(&self, name: &str) -> Vec<(String, String, String)> {
        self.json["run"]["failures"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|f| f["source"]["name"] == name)
                    .map(|f| {
                        (
                            f["at"].as_str().unwrap_or_default().to_string(),
                            f["error"]["name"].as_str().unwrap_or_default().to_string(),
                            f["error"]["message"]
                                .as_str()
                                .unwrap_or_default()
                                .to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The script error of item `name`'s `listen` script, if it had one.
    pub fn script_error(&self, name: &str, listen: &str) -> Option<String> {
        let key = if listen == "test" {
            "testScript"
        } else {
            "prerequestScript"
        };
        self.executions(name).into_iter().find_map(|e| {
            e[key].as_array()?.iter().find_map(|s| {
                s["error"]["message"]
                    .as_str()
                    .map(|m| format!("{}: {m}", s["error"]["name"].as_str().unwrap_or_default()))
            })
        })
    }

    /// Every item ran to the end and the last one, `after`, passed.
    #[track_caller]
    pub fn assert_went_on(&self) {
        assert_eq!(
            self.assertions("after"),
            vec![("the run went on".to_string(), true)],
            "{:?}",
            self.run
        );
        assert!(self.junit.contains("<testsuites"), "{}", self.junit);
        assert!(self.junit.contains("after"), "{}", self.junit);
    }
}

/// Write a collection of `items` and run it with reports on; `extra` are
/// more command-line arguments.
pub(crate) fn run_items(name: &str, items: Vec<Value>, extra: &[&str]) -> Report {
    run_items_in(temp_dir(), name, items, extra)
}

/// [`run_items`] in a given directory (which may already hold files the
/// collection uses).
pub(crate) fn run_items_in(
    dir: tempfile::TempDir,
    name: &str,
    items: Vec<Value>,
    extra: &[&str],
) -> Report {
    run_items_env(dir, name, items, extra, &[])
}

/// [`run_items_in`] with more environment variables for the binary.
pub(crate) fn run_items_env(
    dir: tempfile::TempDir,
    name: &str,
    items: Vec<Value>,
    extra: &[&str],
    env: &[(&str, &str)],
) -> Report {
    let coll = json!({
        "info": {
            "name": name,
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "item": items
    });
    let path = dir.path().join(format!("{name}.postman_collection.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&coll).expect("json")).expect("write");
    let json_out = dir.path().join("report.json");
    let junit_out = dir.path().join("report.xml");
    let started = Instant::now();
    let run: Run = postgate()
        .arg("run")
        .arg(&path)
        .args([
            "--env-var",
            &format!("baseUrl={}", server().url()),
            "--color",
            "off",
            "-r",
            "cli,json,junit",
        ])
        .arg("--reporter-json-export")
        .arg(&json_out)
        .arg("--reporter-junit-export")
        .arg(&junit_out)
        // One request at a time, in order: a /faulty/ request must open a
        // fresh connection (the fixture hands a connection over to the
        // faulty server by its first request line), so no request may
        // leave a keep-alive connection in the pool before it.
        .args(["--jobs", "1"])
        .args(extra)
        .envs(env.iter().copied())
        .output()
        .expect("the postgate binary runs")
        .into();
    let elapsed = started.elapsed();
    let json = read_report(&json_out, &run);
    let junit = std::fs::read_to_string(&junit_out)
        .unwrap_or_else(|e| panic!("no JUnit report ({e}): {run:?}"));
    Report {
        run,
        json,
        junit,
        elapsed,
        _dir: dir,
    }
}

fn read_report(path: &Path, run: &Run) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("no JSON report at {} ({e}): {run:?}", path.display()));
    serde_json::from_str(&text).expect("the JSON report parses")
}

/// A GET of `/faulty/<name>` that expects a 200 (so an error fails it).
fn faulty(name: &str) -> Value {
    item(
        name,
        &format!("{{{{baseUrl}}}}/faulty/{name}"),
        "",
        "pm.test('status', function () { pm.response.to.have.status(200); });",
    )
}

/// Run the faulty endpoints `cases` (name, expected request error), each
/// followed by nothing but the final `after` item, and check every error.
#[track_caller]
fn expect_request_errors(cases: &[(&str, &str)], extra: &[&str]) -> Report {
    let mut items: Vec<Value> = cases.iter().map(|(name, _)| faulty(name)).collect();
    items.push(after_item());
    let report = run_items("faults", items, extra);
    assert_eq!(report.run.code, 1, "{:?}", report.run);
    for (name, expected) in cases {
        assert_eq!(
            report.request_error(name).as_deref(),
            Some(*expected),
            "{name}: {:?}\n{:#}",
            report.run,
            report.json["run"]["executions"]
        );
        assert!(
            report
                .failures(name)
                .iter()
                .any(|(at, _, message)| at == "request" && message == expected),
            "{name}: {:?}",
            report.failures(name)
        );
        // The test script still ran, and failed its assertion.
        assert_eq!(
            report.assertions(name),
            vec![("status".to_string(), false)],
            "{name}"
        );
        assert!(
            report.run.stdout.contains(expected),
            "{name}: {:?}",
            report.run
        );
    }
    report.assert_went_on();
    report
}

#[test]
fn fault_route_serves_a_well_formed_response() {
    let report = run_items("ok", vec![faulty("ok"), after_item()], &[]);
    assert_eq!(report.run.code, 0, "{:?}", report.run);
    assert_eq!(report.response_code("ok"), Some(200));
    report.assert_went_on();
}

#[test]
fn connection_reset_mid_body_is_read_econnreset() {
    expect_request_errors(&[("reset-mid-body", "read ECONNRESET")], &[]);
}

#[test]
fn close_mid_body_and_truncated_chunked_body_are_aborted() {
    expect_request_errors(
        &[
            ("close-mid-body", "aborted"),
            ("truncated-chunked", "aborted"),
        ],
        &[],
    );
}

#[test]
fn closed_without_a_response_is_socket_hang_up() {
    expect_request_errors(&[("hang-up", "socket hang up")], &[]);
}

#[test]
fn malformed_status_lines_headers_and_chunks_are_parse_errors() {
    expect_request_errors(
        &[
            ("bad-status-line", "Parse Error: Invalid status code"),
            ("not-http", "Parse Error: Expected HTTP/, RTSP/ or ICE/"),
            ("bad-header", "Parse Error: Invalid header token"),
            ("bad-header-name", "Parse Error: Invalid header token"),
            (
                "bad-chunk-size",
                "Parse Error: Invalid character in chunk size",
            ),
            ("huge-headers", "Parse Error: Header overflow"),
            ("many-headers", "Parse Error: Header overflow"),
        ],
        &[],
    );
}

#[test]
fn stalled_endless_headers_and_silence_time_out_with_timeout_request() {
    let report = expect_request_errors(
        &[
            ("stalled-headers", "ESOCKETTIMEDOUT"),
            ("endless-headers", "ESOCKETTIMEDOUT"),
            ("silent", "ESOCKETTIMEDOUT"),
        ],
        &["--timeout-request", "1000"],
    );
    // Three one-second timeouts, not the server's two-minute stalls.
    assert!(
        report.elapsed < Duration::from_secs(30),
        "took {:?}",
        report.elapsed
    );
}

#[test]
fn endless_body_is_stopped_by_the_run_timeout_and_reports_are_written() {
    // The body keeps coming faster than --timeout-request, as in Newman
    // (whose request timeout is an idle timeout too): --timeout ends the
    // run, and the reports are still written.
    let items = vec![faulty("endless-body"), after_item()];
    let report = run_items(
        "endless",
        items,
        &["--timeout-request", "1000", "--timeout", "3000"],
    );
    assert_eq!(report.run.code, 1, "{:?}", report.run);
    assert!(
        report.run.stderr.contains("callback timed out"),
        "{:?}",
        report.run
    );
    assert!(
        report.elapsed < Duration::from_secs(30),
        "took {:?}",
        report.elapsed
    );
    assert!(report.junit.contains("<testsuites"), "{}", report.junit);
    assert_eq!(
        report.json["run"]["error"]["message"].as_str(),
        Some("callback timed out"),
        "{}",
        report.json["run"]["error"]
    );
}

#[test]
fn gzip_bodies_that_are_not_gzip_are_judged_as_received() {
    // postgate keeps an undecodable body as received and judges it (Newman
    // 6.2 reports `incorrect header check` for the first; both judge the
    // second, cut short in mid-stream).
    let check = |expected: &str| {
        format!(
            "pm.test('status', function () {{ pm.response.to.have.status(200); }});\n\
             pm.test('body', function () {{ pm.expect(pm.response.text()).to.include({expected:?}); }});"
        )
    };
    let items = vec![
        item(
            "not-gzip",
            "{{baseUrl}}/faulty/not-gzip",
            "",
            &check("plain text, not gzip"),
        ),
        item(
            "truncated-gzip",
            "{{baseUrl}}/faulty/truncated-gzip",
            "",
            "pm.test('status', function () { pm.response.to.have.status(200); });",
        ),
        after_item(),
    ];
    let report = run_items("gzip", items, &[]);
    assert_eq!(report.run.code, 0, "{:?}", report.run);
    assert_eq!(
        report.assertions("not-gzip"),
        vec![("status".to_string(), true), ("body".to_string(), true)]
    );
    assert_eq!(report.response_code("truncated-gzip"), Some(200));
    report.assert_went_on();
}

#[test]
fn a_50_mb_response_is_judged_and_reported() {
    let test = "var n = pm.response.text().length;\n\
                pm.test('whole body', function () { pm.expect(n).to.equal(50 * 1024 * 1024); });\n\
                pm.test('size', function () { pm.expect(pm.response.size().body).to.equal(50 * 1024 * 1024); });";
    let items = vec![
        item("large", "{{baseUrl}}/large/50", "", test),
        after_item(),
    ];
    // The full JSON report of a 50 MB body is a 1 GB byte array (Newman's
    // format; Newman itself fails with `Invalid string length`); writing it
    // is measured in bench/reliability-memory.sh with the release binary.
    let report = run_items(
        "large",
        items,
        &[
            "--timeout-request",
            "60000",
            "--reporter-json-omit-responses",
        ],
    );
    assert_eq!(report.run.code, 0, "{:?}", report.run);
    assert_eq!(
        report.assertions("large"),
        vec![("whole body".to_string(), true), ("size".to_string(), true)]
    );
    report.assert_went_on();
}

/// A loop that never waits on the network (a request that fails before it
/// is sent, a test script jumping back to it) still stops at the run's
/// `--timeout` and on SIGINT, with the json report written: the run gives
/// the runtime a turn between items (regression: both were starved).
#[test]
fn a_loop_without_network_io_still_stops_at_the_timeout_and_on_sigint() {
    let dir = temp_dir();
    let coll = json!({
        "info": {
            "name": "busy loop",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "item": [{
            "name": "again",
            "request": { "method": "GET", "url": "http://" },
            "event": [{ "listen": "test", "script": { "exec": ["postman.setNextRequest('again');"] } }]
        }]
    });
    let path = dir.path().join("loop.postman_collection.json");
    std::fs::write(&path, serde_json::to_vec(&coll).expect("json")).expect("write");
    let report = dir.path().join("r.json");
    let start = |extra: &[&str]| {
        postgate()
            .arg("run")
            .arg(&path)
            .args(["-r", "json", "--reporter-json-export"])
            .arg(&report)
            .args(extra)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the postgate binary starts")
    };
    let wait = |child: &mut std::process::Child| wait_exit(child, Duration::from_secs(20));
    let interrupted = |report: &Path| {
        let v: Value = serde_json::from_slice(&std::fs::read(report).expect("a json report"))
            .expect("complete json");
        v["run"]["interrupted"] == json!(true)
            && v["run"]["executions"]
                .as_array()
                .is_some_and(|e| !e.is_empty())
    };

    let mut child = start(&["--timeout", "1000"]);
    assert_eq!(wait(&mut child), Some(1), "--timeout did not stop the loop");
    assert!(interrupted(&report));

    std::fs::remove_file(&report).expect("remove the report");
    let mut child = start(&[]);
    std::thread::sleep(Duration::from_millis(1500));
    let pid = child.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    assert_eq!(wait(&mut child), Some(1), "SIGINT did not stop the loop");
    assert!(interrupted(&report));
}
