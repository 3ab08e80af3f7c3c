//! The retry policy against the fixture API: `/flaky/:key/:n` fails its
//! first n calls per key, `/rate-limited/:key/:n` answers 429 with
//! `Retry-After: 1`. Every test uses its own key.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::*;

const RETRY: &str = "tests/retry.postman_collection.json";
const POLICY: &str = "tests/retry-policy.postman_collection.json";

/// A key no other test (or earlier run on the same server) uses.
pub fn unique_key(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{prefix}-{}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    )
}

/// One run with the cli, json and junit reporters.
pub struct Reported {
    pub run: Run,
    pub json: Value,
    pub junit: String,
    pub elapsed: Duration,
}

pub fn run_reported(coll: &str, args: &[&str]) -> Reported {
    run_reported_path(&collection(coll), args)
}

pub fn run_reported_path(coll: &Path, args: &[&str]) -> Reported {
    let dir = temp_dir();
    let json_path = dir.path().join("report.json");
    let junit_path = dir.path().join("report.xml");
    let base = format!("baseUrl={}", server().url());
    let t0 = Instant::now();
    let run: Run = postgate()
        .arg("run")
        .arg(coll)
        .args(["--env-var", &base, "--color", "off", "-r", "cli,json,junit"])
        .arg("--reporter-json-export")
        .arg(&json_path)
        .arg("--reporter-junit-export")
        .arg(&junit_path)
        .args(args)
        .output()
        .expect("the postgate binary runs")
        .into();
    let elapsed = t0.elapsed();
    let text = std::fs::read_to_string(&json_path)
        .unwrap_or_else(|e| panic!("no JSON report ({e}): {run:?}"));
    let json: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("invalid JSON report ({e}): {run:?}"));
    let junit = std::fs::read_to_string(&junit_path)
        .unwrap_or_else(|e| panic!("no JUnit report ({e}): {run:?}"));
    Reported {
        run,
        json,
        junit,
        elapsed,
    }
}

/// Run one folder of the retry collection with its own key.
fn retry_folder(folder: &str, args: &[&str]) -> Reported {
    let key = format!("key={}", unique_key(folder));
    let mut all = vec!["--folder", folder, "--env-var", &key];
    all.extend_from_slice(args);
    run_reported(RETRY, &all)
}

fn executions(json: &Value) -> &Vec<Value> {
    json["run"]["executions"]
        .as_array()
        .expect("run.executions is an array")
}

fn execution<'a>(json: &'a Value, name: &str) -> &'a Value {
    executions(json)
        .iter()
        .find(|e| e["item"]["name"] == name)
        .unwrap_or_else(|| panic!("no execution of {name}"))
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn a_request_that_fails_twice_passes_as_flaky_on_the_third_attempt() {
    let r = retry_folder("flaky", &["--retries", "3", "--retry-delay", "20ms"]);
    assert_all_passed(&r.run, 1);
    assert!(
        r.run.stdout.contains(
            "  ⟳ flaky: passed on attempt 3 of 4 (attempt 1: 500 Internal Server Error, attempt 2: 500 Internal Server Error)"
        ),
        "{:?}",
        r.run
    );
    assert!(
        r.run
            .stdout
            .contains("│ flaky requests: 1 (passed only on a retry)"),
        "{:?}",
        r.run
    );
    // Newman's rows are unchanged.
    assert_eq!(summary_row(&r.run.stdout, "requests"), Some((1, 0)));

    // JSON: the attempts, the flag and the count.
    let e = execution(&r.json, "Flaky GET");
    assert_eq!(e["flaky"], true);
    let attempts = e["attempts"].as_array().expect("attempts");
    assert_eq!(attempts.len(), 2);
    for (i, a) in attempts.iter().enumerate() {
        assert_eq!(a["attempt"], i + 1);
        assert_eq!(a["code"], 500);
        assert_eq!(a["cause"], "5xx");
        assert_eq!(a["assertions"][0]["assertion"], "status is 200");
        assert!(a["assertions"][0]["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("got 500")));
        assert!(a["delay"].as_u64().is_some_and(|d| d >= 20));
    }
    assert_eq!(e["response"]["code"], 200);
    assert_eq!(
        r.json["run"]["stats"]["flaky"],
        serde_json::json!({"total": 1, "pending": 0, "failed": 0})
    );
    assert_eq!(r.json["run"]["stats"]["assertions"]["failed"], 0);

    // JUnit: two flakyFailure elements inside the passing testcase.
    assert_eq!(count(&r.junit, "<flakyFailure "), 2, "{}", r.junit);
    assert_eq!(count(&r.junit, "<failure "), 0, "{}", r.junit);
    assert!(r.junit.contains("failures=\"0\""), "{}", r.junit);
    assert!(
        r.junit
            .contains("flaky, passed on attempt 3 of 4 (attempt 1: 500 Internal Server Error; attempt 2: 500 Internal Server Error)"),
        "{}",
        r.junit
    );
}

#[test]
fn fail_on_flaky_makes_a_flaky_request_fail_the_run() {
    let r = retry_folder(
        "flaky",
        &["--retries", "3", "--retry-delay", "10ms", "--fail-on-flaky"],
    );
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    assert!(
        r.run
            .stderr
            .contains("error: 1 request passed only on a retry (--fail-on-flaky)"),
        "{:?}",
        r.run
    );
    assert!(
        r.run
            .stdout
            .contains("flaky requests: 1 (failing the run: --fail-on-flaky)"),
        "{:?}",
        r.run
    );
    assert_eq!(r.json["run"]["stats"]["flaky"]["failed"], 1);
    // The assertions themselves passed on the final attempt.
    assert_eq!(summary_row(&r.run.stdout, "assertions"), Some((1, 0)));
}

#[test]
fn plain_text_symbols_with_disable_unicode() {
    let r = retry_folder(
        "flaky",
        &[
            "--retries",
            "3",
            "--retry-delay",
            "10ms",
            "--disable-unicode",
        ],
    );
    assert_eq!(r.run.code, 0, "{:?}", r.run);
    assert!(
        r.run
            .stdout
            .contains("  (retry) flaky: passed on attempt 3 of 4 (attempt 1: 500 Internal Server Error, attempt 2: 500 Internal Server Error)"),
        "{:?}",
        r.run
    );
    assert!(!r.run.stdout.contains('⟳'), "{:?}", r.run);
}

#[test]
fn a_post_is_not_retried_without_retry_non_idempotent() {
    // The second item reads the per-key counter: attempt 2 means the POST
    // reached the server exactly once.
    let r = retry_folder("post", &["--retries", "3", "--retry-delay", "10ms"]);
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    let post = execution(&r.json, "Flaky POST");
    assert!(post.get("attempts").is_none(), "{post}");
    assert_eq!(post["response"]["code"], 500);
    let calls = execution(&r.json, "POST calls");
    assert_eq!(
        calls["assertions"][0]["assertion"],
        "the POST was sent once"
    );
    assert!(calls["assertions"][0].get("error").is_none(), "{calls}");
    assert!(!r.run.stdout.contains('⟳'), "{:?}", r.run);

    // With the flag it is retried, and passes as flaky.
    let r = retry_folder(
        "post",
        &[
            "--retries",
            "3",
            "--retry-delay",
            "10ms",
            "--retry-non-idempotent",
        ],
    );
    let post = execution(&r.json, "Flaky POST");
    assert_eq!(post["flaky"], true, "{post}");
    assert_eq!(post["attempts"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_failed_attempt_leaves_no_variables_or_cookies_behind() {
    // The first attempt sets `seen_1` and (through pm.sendRequest) a cookie
    // `attempt1`, then fails; the next item checks that only the passing
    // attempt's variables and cookies are there.
    let r = retry_folder("rollback", &["--retries", "2", "--retry-delay", "10ms"]);
    assert_all_passed(&r.run, 3);
    let e = execution(&r.json, "Sets state then fails once");
    assert_eq!(e["flaky"], true);
    let env = r.json["environment"]["values"]
        .as_array()
        .expect("environment values");
    assert!(env.iter().all(|v| v["key"] != "seen_1"), "{env:?}");
    assert!(env.iter().any(|v| v["key"] == "seen_2"), "{env:?}");
}

#[test]
fn retry_after_on_429_is_honoured() {
    let r = retry_folder("rate", &["--retries", "2", "--retry-delay", "10ms"]);
    assert_all_passed(&r.run, 1);
    assert!(
        r.elapsed >= Duration::from_millis(900),
        "waited only {:?}",
        r.elapsed
    );
    let e = execution(&r.json, "Rate limited");
    let a = &e["attempts"][0];
    assert_eq!(a["code"], 429);
    assert_eq!(a["cause"], "429");
    assert!(a["delay"].as_u64().is_some_and(|d| d >= 1000), "{a}");
}

#[test]
fn retry_delays_do_not_hold_up_requests_in_flight() {
    // "Slow" takes 1.5 s; the rate-limited item beside it waits 1 s
    // (Retry-After) and tries again while "Slow" is still in flight. One
    // after the other it would take at least 2.5 s.
    let r = retry_folder("overlap", &["--retries", "1", "--retry-delay", "10ms"]);
    assert_all_passed(&r.run, 2);
    let started = r.json["run"]["timings"]["started"]
        .as_u64()
        .expect("timings.started");
    let e = execution(&r.json, "Rate limited beside it");
    let first = e["attempts"][0]["started"].as_u64().expect("attempt start");
    assert!(
        first.saturating_sub(started) < 1000,
        "the first attempt waited for Slow: {}ms",
        first - started
    );
    assert!(
        r.elapsed < Duration::from_millis(2400),
        "the retry delay held up the run: {:?}",
        r.elapsed
    );
}

#[test]
fn a_request_that_fails_every_attempt_gets_rerun_failures() {
    let r = retry_folder("always", &["--retries", "2", "--retry-delay", "10ms"]);
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    assert!(
        r.run.stdout.contains("⟳ retried: failed all 3 attempts (attempt 1: 500 Internal Server Error, attempt 2: 500 Internal Server Error)"),
        "{:?}",
        r.run
    );
    assert_eq!(count(&r.junit, "<failure "), 1, "{}", r.junit);
    assert_eq!(count(&r.junit, "<rerunFailure "), 2, "{}", r.junit);
    assert_eq!(count(&r.junit, "<flakyFailure "), 0, "{}", r.junit);
    let e = execution(&r.json, "Always 500");
    assert_eq!(e["flaky"], false);
    assert_eq!(r.json["run"]["stats"]["flaky"]["total"], 0);
    // One failure, for the final attempt.
    assert_eq!(r.json["run"]["failures"].as_array().map(Vec::len), Some(1));
}

#[test]
fn network_errors_are_retried_and_reported_as_rerun_errors() {
    let r = retry_folder("refused", &["--retries", "1", "--retry-delay", "10ms"]);
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    let e = execution(&r.json, "Refused");
    let a = &e["attempts"][0];
    assert_eq!(a["cause"], "network");
    assert_eq!(a["requestError"]["code"], "ECONNREFUSED");
    assert_eq!(count(&r.junit, "<rerunError "), 1, "{}", r.junit);
}

#[test]
fn assertion_failures_are_retried_only_when_asked() {
    let r = retry_folder("assertion", &["--retries", "2", "--retry-delay", "10ms"]);
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    assert!(execution(&r.json, "Wrong body once")
        .get("attempts")
        .is_none());

    let r = retry_folder(
        "assertion",
        &[
            "--retries",
            "2",
            "--retry-delay",
            "10ms",
            "--retry-on",
            "assertion",
        ],
    );
    assert_all_passed(&r.run, 1);
    let a = &execution(&r.json, "Wrong body once")["attempts"][0];
    assert_eq!(a["cause"], "assertion");
    assert_eq!(a["code"], 200);
}

#[test]
fn without_retries_reports_are_as_before() {
    let r = retry_folder("flaky", &[]);
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    assert!(!r.run.stdout.contains("flaky requests"), "{:?}", r.run);
    assert!(!r.run.stdout.contains('⟳'), "{:?}", r.run);
    let stats = r.json["run"]["stats"].as_object().expect("stats");
    assert!(!stats.contains_key("flaky"), "{stats:?}");
    for e in executions(&r.json) {
        assert!(
            e.get("attempts").is_none() && e.get("flaky").is_none(),
            "{e}"
        );
    }
    assert!(!r.junit.contains("<flaky") && !r.junit.contains("<rerun"));
    assert!(!r.junit.contains("system-out"), "{}", r.junit);
}

#[test]
fn a_policy_in_the_collection_is_applied_per_folder_and_request() {
    let key = format!("key={}", unique_key("policy"));
    let r = run_reported(POLICY, &["--env-var", &key]);
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    // The folder's policy (retries 2, delay 20ms) retries its request.
    let e = execution(&r.json, "Flaky under folder policy");
    assert_eq!(e["flaky"], true, "{e}");
    // The request's own `retries: 0` wins over its folder's.
    assert!(execution(&r.json, "Opted out").get("attempts").is_none());
    // Fields merge: retries from the folder, retryOn from the request.
    assert_eq!(execution(&r.json, "Flaky 503 only on 5xx")["flaky"], true);
    // Outside the folder nothing is retried.
    assert!(execution(&r.json, "Not retried at the root")
        .get("attempts")
        .is_none());
    assert_eq!(r.json["run"]["stats"]["flaky"]["total"], 2);
    assert_eq!(r.json["run"]["failures"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_bad_policy_in_the_collection_stops_the_run_before_it_starts() {
    let dir = temp_dir();
    let path = dir.path().join("bad.postman_collection.json");
    let doc = serde_json::json!({
        "info": {"name": "Bad policy", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "Typo",
            "request": {"method": "GET", "url": "{{baseUrl}}/get"},
            "protocolProfileBehavior": {"postgate": {"retires": 2}}
        }]
    });
    std::fs::write(&path, doc.to_string()).expect("write the collection");
    let run: Run = postgate()
        .arg("run")
        .arg(&path)
        .args(["--env-var", &format!("baseUrl={}", server().url())])
        .output()
        .expect("runs")
        .into();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("protocolProfileBehavior.postgate of \"Typo\": unknown field `retires`"),
        "{run:?}"
    );
    assert!(!run.stdout.contains("Typo"), "{run:?}");
}

#[test]
fn bad_retry_flags_are_usage_errors() {
    let r = run_collection(RETRY, &["--retry-on", "5xx,sometimes"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("unknown retry condition `sometimes`"),
        "{r:?}"
    );
    let r = run_collection(RETRY, &["--retry-delay", "soon"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("invalid duration `soon`"), "{r:?}");
}
