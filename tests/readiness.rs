//! The readiness gate against the fixture API:
//! `/ready-after-first/:key/:ms` answers 503 (with `Retry-After: 1`) until
//! `ms` after the key was first seen, then 200. Every test uses its own key.

use std::time::Duration;

use crate::retry::{run_reported, unique_key};
use crate::support::*;

const READY: &str = "tests/readiness.postman_collection.json";

fn waiting_lines(stderr: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.starts_with("postgate: waiting for "))
        .count()
}

#[test]
fn a_service_ready_after_3s_fails_without_wait_for_and_passes_with_it() {
    // Without the gate the first request meets a service that is not ready.
    let key = format!("key={}", unique_key("cold"));
    let r = run_reported(READY, &["--env-var", &key, "--env-var", "readyMs=3000"]);
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    assert!(
        r.run.stdout.contains("503 Service Unavailable"),
        "{:?}",
        r.run
    );

    // With it, nothing is judged before the service answers 2xx.
    let key = format!("key={}", unique_key("warm"));
    let r = run_reported(
        READY,
        &[
            "--env-var",
            &key,
            "--env-var",
            "readyMs=3000",
            "--wait-for",
            "{{baseUrl}}/ready-after-first/{{key}}/{{readyMs}}",
            "--wait-interval",
            "50ms",
        ],
    );
    assert_all_passed(&r.run, 3);
    assert!(r.elapsed >= Duration::from_millis(2900), "{:?}", r.elapsed);
    let url = format!(
        "{}/ready-after-first/{}/3000",
        server().url(),
        key.trim_start_matches("key=")
    );
    assert!(
        r.run.stderr.contains(&format!(
            "postgate: waiting for {url}: 503 Service Unavailable (attempt 1, waited "
        )),
        "{:?}",
        r.run
    );
    assert!(
        r.run
            .stderr
            .contains(&format!("postgate: {url} is ready (200 OK, attempt ")),
        "{:?}",
        r.run
    );
    // Retry-After: 1 spaces the polls, whatever the 50ms first interval.
    let polls = waiting_lines(&r.run.stderr);
    assert!((2..=5).contains(&polls), "{polls} polls: {:?}", r.run);
    // Progress goes to stderr; stdout keeps Newman's layout.
    assert!(!r.run.stdout.contains("postgate:"), "{:?}", r.run);
}

#[test]
fn a_never_ready_service_fails_fast_with_one_clear_line_and_valid_reports() {
    let key = format!("key={}", unique_key("never"));
    let url = format!("{}/status/503", server().url());
    let r = run_reported(
        READY,
        &[
            "--env-var",
            &key,
            "--env-var",
            "readyMs=0",
            "--wait-for",
            &url,
            "--wait-timeout",
            "1s",
        ],
    );
    assert_eq!(r.run.code, 1, "{:?}", r.run);
    assert!(r.elapsed < Duration::from_secs(5), "{:?}", r.elapsed);
    let errors: Vec<&str> = r
        .run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", r.run);
    let line = errors[0];
    assert!(
        line.starts_with(&format!("error: {url} was not ready after 1"))
            && line.ends_with("s: 503 Service Unavailable"),
        "{line}"
    );
    // No request was judged, and the reports say why.
    assert_eq!(summary_row(&r.run.stdout, "requests"), Some((0, 0)));
    let run = &r.json["run"];
    assert_eq!(run["executions"].as_array().map(Vec::len), Some(0));
    assert_eq!(run["interrupted"], true);
    assert!(run["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("was not ready after") && m.contains(&url)));
    assert!(r.junit.starts_with("<?xml"), "{}", r.junit);
    assert!(r.junit.contains("<testsuites"), "{}", r.junit);
    assert!(r.junit.contains("tests=\"0\""), "{}", r.junit);
}

#[test]
fn wait_for_request_polls_an_item_with_its_own_tests() {
    let key = format!("key={}", unique_key("request"));
    let r = run_reported(
        READY,
        &[
            "--env-var",
            &key,
            "--env-var",
            "readyMs=1500",
            "--wait-for-request",
            "Health",
            "--wait-interval",
            "100ms",
        ],
    );
    assert_all_passed(&r.run, 3);
    assert!(
        r.run.stderr.contains(
            "postgate: waiting for request \"Health\": 503 Service Unavailable, \"status is 200\" failed: expected response to have status code 200 but got 503"
        ),
        "{:?}",
        r.run
    );
    assert!(
        r.run
            .stderr
            .contains("postgate: request \"Health\" is ready"),
        "{:?}",
        r.run
    );
    // The polls are not executions of the run: Health ran once, in its place.
    assert_eq!(
        r.json["run"]["executions"].as_array().map(Vec::len),
        Some(2)
    );
}

#[test]
fn wait_successes_needs_consecutive_successes() {
    let key = format!("key={}", unique_key("streak"));
    let r = run_reported(
        READY,
        &[
            "--env-var",
            &key,
            "--env-var",
            "readyMs=0",
            "--wait-for",
            "{{baseUrl}}/ready-after-first/{{key}}/{{readyMs}}",
            "--wait-successes",
            "3",
            "--wait-interval",
            "20ms",
        ],
    );
    assert_all_passed(&r.run, 3);
    assert!(
        r.run.stderr.contains("(1 of 3 successes in a row"),
        "{:?}",
        r.run
    );
    assert!(
        r.run.stderr.contains("(2 of 3 successes in a row"),
        "{:?}",
        r.run
    );
    assert!(
        r.run.stderr.contains("is ready (200 OK, attempt 3,"),
        "{:?}",
        r.run
    );
}

#[test]
fn silent_hides_progress_but_not_the_error() {
    let url = format!("{}/status/503", server().url());
    let r = run_collection(
        READY,
        &[
            "--silent",
            "--wait-for",
            &url,
            "--wait-timeout",
            "300ms",
            "--wait-interval",
            "100ms",
        ],
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(waiting_lines(&r.stderr), 0, "{r:?}");
    assert!(r.stderr.contains("was not ready after"), "{r:?}");
}

#[test]
fn bad_readiness_options_are_errors_before_the_run() {
    let r = run_collection(READY, &["--wait-for-request", "No such request"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains(
            "--wait-for-request: the collection has no request named \"No such request\""
        ),
        "{r:?}"
    );
    assert!(!r.stdout.contains("Health"), "{r:?}");

    let r = run_collection(READY, &["--wait-for", "not a url"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("--wait-for: `not a url` is not a URL"),
        "{r:?}"
    );

    let r = run_collection(READY, &["--wait-timeout", "3d"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("invalid duration `3d`"), "{r:?}");

    let r = run_collection(READY, &["--wait-successes", "0"]);
    assert_eq!(r.code, 1, "{r:?}");
}
