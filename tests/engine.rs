//! The core engine end to end: each collection under `collections/tests/`
//! checks its own behaviour with assertions against the fixture API, so a
//! run that passes every assertion shows that behaviour working.

use crate::support::*;

#[test]
fn variables_scopes_precedence_nesting_and_dynamic_values() {
    let env = fixture("environments/variables.postman_environment.json");
    let globals = fixture("environments/globals.postman_globals.json");
    let run = run_collection(
        "tests/variables.postman_collection.json",
        &[
            "-e",
            env.to_str().unwrap(),
            "-g",
            globals.to_str().unwrap(),
            "--env-var",
            "fromCli=cli",
        ],
    );
    assert_all_passed(&run, 18);
}

#[test]
fn requests_urls_headers_bodies_pruning_and_decoding() {
    let run = run_collection(
        "tests/requests.postman_collection.json",
        &["--working-dir", repo_root().to_str().unwrap()],
    );
    assert_all_passed(&run, 25);
}

#[test]
fn auth_inheritance_basic_bearer_apikey() {
    let run = run_collection("tests/auth.postman_collection.json", &[]);
    assert_all_passed(&run, 7);
}

#[test]
fn redirects_protocol_profile_behavior_and_cookies() {
    let run = run_collection("tests/http.postman_collection.json", &[]);
    assert_all_passed(&run, 13);
}

#[test]
fn folder_order_script_order_set_next_request_and_null() {
    let run = run_collection("tests/flow.postman_collection.json", &[]);
    assert_all_passed(&run, 4);
    assert!(
        run.stdout
            .contains("Attempting to set next request to fourth"),
        "{run:?}"
    );
    assert!(!run.stdout.contains("third (jumped over)"), "{run:?}");
    assert!(!run.stdout.contains("never runs"), "{run:?}");
}

#[test]
fn skip_request_skips_the_http_call_and_tests() {
    let run = run_collection(
        "tests/flow.postman_collection.json",
        &["--env-var", "skipFourth=yes"],
    );
    // fourth is skipped: its test does not append "d", so the order check fails.
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        summary_row(&run.stdout, "assertions"),
        Some((4, 1)),
        "{run:?}"
    );
    assert!(!run.stdout.contains("step=4"), "{run:?}");
}

#[test]
fn csv_iteration_data_with_newman_casting() {
    let data = fixture("data/users.csv");
    let run = run_collection(
        "tests/data.postman_collection.json",
        &["-d", data.to_str().unwrap()],
    );
    assert_all_passed(&run, 12);
    assert_eq!(
        summary_row(&run.stdout, "iterations"),
        Some((3, 0)),
        "{run:?}"
    );
    assert!(run.stdout.contains("Iteration 3/3"), "{run:?}");
}

#[test]
fn json_iteration_data_and_last_row_repeats_past_the_end() {
    let data = fixture("data/users.json");
    let run = run_collection(
        "tests/data.postman_collection.json",
        &["-d", data.to_str().unwrap(), "-n", "3"],
    );
    assert_all_passed(&run, 12);
    assert_eq!(
        summary_row(&run.stdout, "iterations"),
        Some((3, 0)),
        "{run:?}"
    );
}

#[test]
fn iteration_count_repeats_the_collection() {
    let run = run_collection("tests/auth.postman_collection.json", &["-n", "2"]);
    assert_all_passed(&run, 14);
    assert_eq!(
        summary_row(&run.stdout, "requests"),
        Some((12, 0)),
        "{run:?}"
    );
}

#[test]
fn folder_option_runs_only_that_folder_in_collection_order() {
    let run = run_collection(
        "tests/auth.postman_collection.json",
        &[
            "--folder",
            "folder auth wins over the collection's",
            "--folder",
            "inherits basic from the collection",
        ],
    );
    assert_all_passed(&run, 6);
    let first = run
        .stdout
        .find("basic auth inherited")
        .unwrap_or(usize::MAX);
    let second = run.stdout.find("bearer from the folder").unwrap_or(0);
    assert!(
        first < second,
        "collection order, not argument order: {run:?}"
    );
    assert!(!run.stdout.contains("wrong basic credentials"), "{run:?}");
}

#[test]
fn unknown_folder_stops_the_run_before_any_request() {
    let run = run_collection("tests/auth.postman_collection.json", &["--folder", "nope"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("Unable to find a folder or request: \"nope\""),
        "{run:?}"
    );
}

#[test]
fn failures_are_listed_and_exit_code_is_one() {
    let run = run_collection("tests/failures.postman_collection.json", &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        summary_row(&run.stdout, "assertions"),
        Some((2, 1)),
        "{run:?}"
    );
    assert_eq!(
        summary_row(&run.stdout, "requests"),
        Some((2, 1)),
        "{run:?}"
    );
    assert_eq!(
        summary_row(&run.stdout, "test-scripts"),
        Some((2, 1)),
        "{run:?}"
    );
    for expected in [
        "❏ F1",
        "↳ Req A",
        "  ✓  ok",
        "  1. bad",
        "  │ 'hi', { a: 1 }, 5",
        "→ Req B",
        "  POST http://127.0.0.1:9/refused [errored]",
        "     connect ECONNREFUSED 127.0.0.1:9",
        "  3⠄ TypeError in test-script",
        " 1.  AssertionError  bad",
        "expected 1 to equal 2",
        "at assertion:1 in test-script",
        "inside \"F1 / Req A\"",
        "at request",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?} in {run:?}"
        );
    }
}

#[test]
fn suppress_exit_code_exits_zero_on_failures() {
    let run = run_collection("tests/failures.postman_collection.json", &["-x"]);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn bail_stops_after_the_first_failing_item() {
    let run = run_collection("tests/failures.postman_collection.json", &["--bail"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!run.stdout.contains("Req B"), "{run:?}");
}

#[test]
fn disable_unicode_uses_plain_symbols() {
    let run = run_collection(
        "tests/failures.postman_collection.json",
        &["--disable-unicode"],
    );
    assert!(run.stdout.contains("Folder F1"), "{run:?}");
    assert!(run.stdout.contains("Sub-folder Req A"), "{run:?}");
    assert!(run.stdout.contains("  Pass  ok"), "{run:?}");
    assert!(!run.stdout.contains('✓'), "{run:?}");
}

#[test]
fn color_off_and_no_tty_print_no_escape_codes() {
    let run = run_collection("tests/failures.postman_collection.json", &[]);
    assert!(!run.stdout.contains('\u{1b}'), "{run:?}");
    let on = run_collection("tests/failures.postman_collection.json", &["--color", "on"]);
    assert!(on.stdout.contains('\u{1b}'), "{on:?}");
}

#[test]
fn silent_prints_nothing() {
    let run = run_collection("tests/failures.postman_collection.json", &["--silent"]);
    assert_eq!(run.stdout, "", "{run:?}");
    assert_eq!(run.code, 1);
}

#[test]
fn too_many_redirects_is_a_request_error_worded_like_newman() {
    let d = temp_dir();
    let c = d.path().join("loop.json");
    std::fs::write(
        &c,
        r#"{"info":{"name":"loop","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item":[{"name":"chain","request":{"method":"GET","url":"{{baseUrl}}/redirect/5"},"protocolProfileBehavior":{"maxRedirects":2}}]}"#,
    )
    .expect("write");
    let base = format!("baseUrl={}", server().url());
    let run: Run = postgate()
        .args(["run", c.to_str().unwrap(), "--env-var", &base])
        .output()
        .expect("runs")
        .into();
    assert_eq!(run.code, 1, "{run:?}");
    let expected = format!(
        "Exceeded maxRedirects. Probably stuck in a redirect loop {}/redirect/3",
        server().url()
    );
    assert!(run.stdout.contains(&expected), "{run:?}");
}

#[test]
fn script_cookie_jar_acts_on_the_runs_jar() {
    let run = run_collection("tests/cookie-jar.postman_collection.json", &[]);
    assert_all_passed(&run, 8);
}

/// Under `--bail` a failed pre-request script stops the item before its
/// request (Newman sends nothing and lists no execution), and a script with
/// failed assertions gets Newman's `AssertionFailure` error naming them.
#[test]
fn bail_stops_before_the_request_and_reports_assertion_failure() {
    let dir = temp_dir();
    let out = dir.path().join("report.json");
    let out_arg = out.to_str().unwrap();
    let run = run_collection(
        "conformance/bail-script-error.postman_collection.json",
        &[
            "--bail",
            "-n",
            "2",
            "-r",
            "cli,json",
            "--reporter-json-export",
            out_arg,
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!run.stdout.contains("GET "), "{run:?}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let stats = &report["run"]["stats"];
    assert_eq!(stats["requests"]["total"], 0, "{stats}");
    assert_eq!(stats["testScripts"]["total"], 0, "{stats}");
    assert_eq!(stats["prerequestScripts"]["failed"], 1, "{stats}");
    assert_eq!(report["run"]["executions"], serde_json::json!([]));

    let run = run_collection(
        "conformance/bail-failure.postman_collection.json",
        &["--bail"],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("AssertionFailure in test-script"),
        "{run:?}"
    );
    assert_eq!(summary_row(&run.stdout, "test-scripts"), Some((2, 1)));
}

/// Scripts run on the run's own thread unless they send requests; one that
/// reaches `pm.sendRequest` in a way that cannot be seen in its source
/// still sends (from a thread of its own), with the run's cookie jar, and
/// the run goes on — one at a time and side by side.
#[test]
fn send_request_reached_indirectly_from_an_in_place_script_still_sends() {
    use crate::faults::{item, run_items};
    let indirect = "const name = ['send', 'Request'].join('');\n\
        pm[name](pm.environment.get('baseUrl') + '/cookies/set?jar=shared', function (err, res) {\n\
            pm.test('indirect send answered', function () {\n\
                pm.expect(err).to.equal(null);\n\
                pm.expect(res.code).to.equal(200);\n\
            });\n\
        });";
    let direct =
        "pm.sendRequest(pm.environment.get('baseUrl') + '/cookies', function (err, res) {\n\
            pm.test('the jar has the indirect cookie', function () {\n\
                pm.expect(res.json().cookies).to.have.property('jar', 'shared');\n\
            });\n\
        });";
    let plain = "pm.test('plain', function () { pm.response.to.have.status(200); });";
    for jobs in ["1", "8"] {
        let report = run_items(
            "indirect-send",
            vec![
                item("indirect", "{{baseUrl}}/get?i=1", "", indirect),
                item("direct", "{{baseUrl}}/get?i=2", "", direct),
                item("plain", "{{baseUrl}}/get?i=3", "", plain),
            ],
            &["--jobs", jobs],
        );
        for (name, test) in [
            ("indirect", "indirect send answered"),
            ("direct", "the jar has the indirect cookie"),
            ("plain", "plain"),
        ] {
            assert_eq!(
                report.assertions(name),
                vec![(test.to_string(), true)],
                "--jobs {jobs}: {:?}",
                report.run
            );
        }
    }
}

/// `undefined` variable values as Newman has them: a variable stored
/// without a value and a local variable a script sets to `undefined` resolve
/// to an empty string and read back as `undefined`; an environment variable
/// set to `undefined` becomes `null`. Exports leave an undefined value out.
#[test]
fn undefined_variable_values_resolve_to_an_empty_string() {
    let dir = temp_dir();
    let coll = dir.path().join("c.json");
    let env = dir.path().join("e.json");
    let exported = dir.path().join("out.json");
    let collection = serde_json::json!({
        "info": {"name": "undefined values", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "undefined",
            "event": [
                {"listen": "prerequest", "script": {"exec": [
                    "pm.variables.set('u', undefined);",
                    "pm.environment.set('eu', undefined);",
                    "pm.test('set leaves no private keys', () => pm.expect(Object.keys(pm.environment.values.one('eu')).filter((k) => k[0] === '_')).to.eql([]));",
                    "pm.test('no value reads as undefined', () => pm.expect(pm.environment.get('nv')).to.equal(undefined));"
                ]}},
                {"listen": "test", "script": {"exec": [
                    "var args = pm.response.json().args;",
                    "pm.test('local undefined is empty', () => pm.expect(args.u).to.equal(''));",
                    "pm.test('no value is empty', () => pm.expect(args.nv).to.equal(''));",
                    "pm.test('environment undefined became null', () => pm.expect(args.eu).to.equal('null'));",
                    "pm.test('local stays undefined', () => pm.expect(pm.variables.has('u') && pm.variables.get('u') === undefined).to.equal(true));",
                    "pm.test('environment holds null', () => pm.expect(pm.environment.get('eu')).to.equal(null));",
                    "pm.test('JSON leaves undefined out', () => pm.expect(JSON.stringify(pm.environment.toObject())).to.equal('{\"eu\":null}'));"
                ]}}
            ],
            "request": {"method": "GET", "url": "{{baseUrl}}/get?u={{u}}&nv={{nv}}&eu={{eu}}"}
        }]
    });
    std::fs::write(&coll, collection.to_string()).unwrap();
    std::fs::write(&env, r#"{"name": "e", "values": [{"key": "nv"}]}"#).unwrap();
    let base = format!("baseUrl={}", server().url());
    let run: Run = postgate()
        .arg("run")
        .arg(&coll)
        .args(["--global-var", &base, "-e"])
        .arg(&env)
        .arg("--export-environment")
        .arg(&exported)
        .output()
        .unwrap()
        .into();
    assert_all_passed(&run, 8);
    let out: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(
        out["values"],
        serde_json::json!([
            {"type": "any", "key": "nv"},
            {"type": "any", "value": null, "key": "eu"}
        ])
    );
}

/// A failed `pm.sendRequest` is a failed request of the run (summary,
/// failure list, exit code), as in Newman, and a sendRequest GET keeps its
/// body (Newman's sendRequest turns body pruning off).
#[test]
fn failed_send_requests_count_as_failed_requests() {
    let dir = temp_dir();
    let coll = dir.path().join("c.json");
    let report = dir.path().join("r.json");
    let collection = serde_json::json!({
        "info": {"name": "sendRequest", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "side requests",
            "event": [{"listen": "prerequest", "script": {"exec": [
                "pm.sendRequest('http://127.0.0.1:9/nothing', function (err) {",
                "    pm.test('refused', () => pm.expect(err.code).to.equal('ECONNREFUSED'));",
                "    pm.sendRequest({url: pm.variables.get('baseUrl') + '/anything', method: 'GET', body: {mode: 'raw', raw: 'get body'}}, function (err, res) {",
                "        pm.test('GET body sent', () => pm.expect(res.json().data).to.equal('get body'));",
                "    });",
                "});"
            ]}}],
            "request": {"method": "GET", "url": "{{baseUrl}}/get"}
        }]
    });
    std::fs::write(&coll, collection.to_string()).unwrap();
    let base = format!("baseUrl={}", server().url());
    let run: Run = postgate()
        .arg("run")
        .arg(&coll)
        .args(["--env-var", &base, "--color", "off", "-r", "cli,json"])
        .arg("--reporter-json-export")
        .arg(&report)
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        summary_row(&run.stdout, "requests"),
        Some((3, 1)),
        "{run:?}"
    );
    assert_eq!(
        summary_row(&run.stdout, "assertions"),
        Some((2, 0)),
        "{run:?}"
    );
    assert!(
        run.stdout.contains("connect ECONNREFUSED 127.0.0.1:9"),
        "{run:?}"
    );
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let failures = r["run"]["failures"].as_array().cloned().unwrap_or_default();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0]["at"], "request");
    assert_eq!(failures[0]["error"]["code"], "ECONNREFUSED");
    // the item's own request succeeded (Newman's #2752 would mark it failed)
    assert!(r["run"]["executions"][0]["requestError"].is_null());
}

/// A collection of one GET to `url` whose `disabledSystemHeaders` turns
/// every optional system header off, with `tests` as its test script.
pub fn without_system_headers(
    dir: &std::path::Path,
    url: &str,
    tests: &[&str],
) -> std::path::PathBuf {
    let coll = dir.join("no-system-headers.json");
    let collection = serde_json::json!({
        "info": {"name": "no system headers", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "bare",
            "event": [{"listen": "test", "script": {"exec": tests}}],
            "request": {"method": "GET", "url": url},
            "protocolProfileBehavior": {"disabledSystemHeaders": {
                "user-agent": true, "postman-token": true, "cache-control": true,
                "accept": true, "accept-encoding": true
            }}
        }]
    });
    std::fs::write(&coll, collection.to_string()).unwrap();
    coll
}

/// With `accept` in `disabledSystemHeaders` no Accept header is sent (the
/// HTTP client would add `*/*`), and such a request still fails and times
/// out in Newman's words.
#[test]
fn a_disabled_accept_header_is_not_sent() {
    let dir = temp_dir();
    let coll = without_system_headers(
        dir.path(),
        "{{baseUrl}}/headers",
        &["pm.test('only host and connection', () => pm.expect(Object.keys(pm.response.json().headers)).to.eql(['host', 'connection']));"],
    );
    let base = format!("baseUrl={}", server().url());
    let run = |args: &[&str]| -> Run {
        postgate()
            .arg("run")
            .arg(&coll)
            .args(["--color", "off"])
            .args(args)
            .output()
            .unwrap()
            .into()
    };
    assert_all_passed(&run(&["--env-var", &base]), 1);

    let refused = run(&["--env-var", "baseUrl=http://127.0.0.1:9"]);
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(
        refused.stdout.contains("connect ECONNREFUSED 127.0.0.1:9"),
        "{refused:?}"
    );

    let slow = format!("baseUrl={}/delay/3?", server().url());
    let timed_out = run(&["--env-var", &slow, "--timeout-request", "300"]);
    assert_eq!(timed_out.code, 1, "{timed_out:?}");
    assert!(
        timed_out.stdout.contains("ESOCKETTIMEDOUT"),
        "{timed_out:?}"
    );
}

/// After a redirect the Host header is made from the new URL, even when the
/// request set its own, and is sent last, after Referer (postman-request
/// re-adds it).
#[test]
fn after_a_redirect_host_is_remade_and_sent_last() {
    let dir = temp_dir();
    let coll = dir.path().join("c.json");
    let collection = serde_json::json!({
        "info": {"name": "redirect host", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "redirected",
            "event": [{"listen": "test", "script": {"exec": [
                "var h = pm.response.json().headers, keys = Object.keys(h);",
                "pm.test('host last', () => pm.expect(keys.slice(-3)).to.eql(['connection', 'referer', 'host']));",
                "pm.test('host from the URL', () => pm.expect(h.host).to.equal(pm.request.url.getRemote()));"
            ]}}],
            "request": {"method": "GET", "url": "{{baseUrl}}/redirect-to?url=/headers", "header": [{"key": "Host", "value": "custom.test"}]}
        }]
    });
    std::fs::write(&coll, collection.to_string()).unwrap();
    let base = format!("baseUrl={}", server().url());
    let run: Run = postgate()
        .arg("run")
        .arg(&coll)
        .args(["--env-var", &base, "--color", "off"])
        .output()
        .unwrap()
        .into();
    assert_all_passed(&run, 2);
}
