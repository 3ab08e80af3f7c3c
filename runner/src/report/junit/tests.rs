//! The junit reporter driven with synthetic events built from the real
//! types, compared with the XML Newman 6.2.2 wrote for the same run
//! (`tests/fixtures/newman/report-sample.newman.xml`).

use std::sync::Arc;

use super::*;
use crate::report::json::tests::{drive, fixture, sample_run};
use crate::run::RunEvent;
use crate::script::{Assertion, JsError, ScriptRun};

fn run_xml(events: &[RunEvent]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut r = JunitReporter::new(JunitSettings {
        export: Some("r.xml".into()),
        base_dir: dir.path().to_path_buf(),
        collections: 1,
    });
    drive(&mut r, events);
    std::fs::read_to_string(dir.path().join("r.xml")).expect("report written")
}

/// Newman's XML with postgate's two documented differences applied: the
/// failure of an assertion that passed in a later iteration is kept (with a
/// note), and a request error has no Node stack frames.
fn expected_from_newman() -> String {
    let newman = std::fs::read_to_string(fixture("report-sample.newman.xml")).unwrap();
    let erased = r#"    <testcase name="flaky check" time="0.006" classname="UsersGetUser"/>
"#;
    let kept = r#"    <testcase name="flaky check" time="0.006" classname="UsersGetUser">
      <failure type="AssertionFailure" message="expected +0 to equal 1">
        <![CDATA[Failed 1 times.]]>
        <![CDATA[Collection JSON ID: c0ffee00-0000-4000-8000-000000000001.]]>
        <![CDATA[Collection name: Report Sample.]]>
        <![CDATA[Request name: Users / Get user.]]>
        <![CDATA[Test description: flaky check.]]>
        <![CDATA[Error message: expected +0 to equal 1.]]>
        <![CDATA[Stacktrace: AssertionError: expected +0 to equal 1
   at Object.eval sandbox-script.js:2:1).]]>
      </failure>
      <system-out><![CDATA[postgate: failed 1 time, passed 1 time. Failing iterations (0-based): 0.]]></system-out>
    </testcase>
"#;
    assert!(newman.contains(erased));
    let frames = "\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)";
    assert!(newman.contains(frames));
    newman.replace(erased, kept).replace(frames, "")
}

#[test]
fn matches_newman_layout() {
    let run = sample_run();
    let ours = run_xml(&run.events);
    let expected = expected_from_newman();
    if ours != expected {
        for (i, (a, b)) in ours.lines().zip(expected.lines()).enumerate() {
            assert_eq!(a, b, "line {}", i + 1);
        }
        assert_eq!(ours, expected);
    }
}

#[test]
fn output_is_valid_junit_xml() {
    let run = sample_run();
    let ours = run_xml(&run.events);
    let parsed = quick_junit::Report::deserialize_from_str(&ours).expect("valid JUnit XML");
    assert_eq!(parsed.test_suites.len(), 4);
    let suite = &parsed.test_suites[1];
    assert_eq!(suite.name.as_str(), "Post data");
    assert_eq!(
        suite.extra.get("id").map(|s| s.as_str()),
        Some("22222222-2222-4222-8222-222222222222")
    );
    assert!(matches!(
        suite.test_cases[0].status,
        TestCaseStatus::NonSuccess { .. }
    ));
    let time = regex::Regex::new(r#"time="\d+\.\d{3}""#).unwrap();
    assert_eq!(
        time.find_iter(&ours).count(),
        ours.matches(" time=\"").count()
    );
}

fn one_item_run(assertion_names: &[(&str, Option<&str>)], iterations: usize) -> Vec<RunEvent> {
    let run = sample_run();
    let RunEvent::Execution(template) = &run.events[2] else {
        panic!("an execution")
    };
    let mut events = vec![run.events[0].clone()];
    for it in 0..iterations {
        let mut rec = (**template).clone();
        rec.cursor.iteration = it;
        rec.test = vec![ScriptRun {
            script_id: "s".into(),
            assertions: assertion_names
                .iter()
                .enumerate()
                .map(|(i, (n, err))| Assertion {
                    name: n.to_string(),
                    index: i,
                    skipped: false,
                    error: err.map(|m| JsError {
                        name: "AssertionError".into(),
                        message: m.into(),
                        stack: None,
                    }),
                })
                .collect(),
            error: Some(JsError {
                name: "TypeError".into(),
                message: "boom \u{1b}[31mred\u{1b}[0m".into(),
                stack: None,
            }),
        }];
        events.push(RunEvent::Execution(Arc::new(rec)));
    }
    events.push(run.events.last().unwrap().clone());
    events
}

#[test]
fn hostile_text_stays_valid_xml() {
    let events = one_item_run(
        &[
            (
                "quote \" amp & lt < gt > tab\tnl\n",
                Some("bad ]]> cdata \u{0} \u{8} ctl"),
            ),
            ("ctl \u{1} in name", None),
        ],
        1,
    );
    let ours = run_xml(&events);
    assert!(!ours.contains('\u{0}') && !ours.contains('\u{1}') && !ours.contains('\u{1b}'));
    assert!(
        ours.contains(r#"name="quote &quot; amp &amp; lt &lt; gt > tab&#x9;nl&#xA;""#),
        "{ours}"
    );
    assert!(ours.contains("bad ]]]]><![CDATA[> cdata"));
    quick_junit::Report::deserialize_from_str(&ours).expect("valid XML");
}

#[test]
fn javascript_key_order_for_assertion_names() {
    let events = one_item_run(
        &[
            ("b", None),
            ("10", None),
            ("2", None),
            ("01", None),
            ("a", None),
        ],
        1,
    );
    let ours = run_xml(&events);
    let names: Vec<&str> = ours
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<testcase name=\""))
        .map(|l| &l[..l.find('"').unwrap()])
        .collect();
    assert_eq!(names, ["2", "10", "b", "01", "a"]);
}

#[test]
fn memory_stays_per_item() {
    let events = one_item_run(&[("ok", None), ("flaky", Some("nope"))], 1);
    let RunEvent::Execution(rec) = &events[1] else {
        panic!()
    };
    let mut r = JunitReporter::new(JunitSettings::default());
    for it in 0..20_000 {
        let mut rec = (**rec).clone();
        rec.cursor.iteration = it;
        if it % 2 == 1 {
            rec.test[0].assertions[1].error = None;
        }
        r.execution(&rec);
    }
    assert_eq!(r.suites.len(), 1);
    let s = &r.suites[0];
    assert_eq!(s.cases.len(), 2);
    assert_eq!(s.failures, 10_000);
    assert_eq!(s.errors, 20_000);
    assert_eq!(s.error_blocks, 20_000);
    assert!(s.system_err.len() < MAX_ERROR_BLOCKS * 200);
    assert_eq!(s.cases[1].failed_iterations.len(), MAX_LISTED_ITERATIONS);
    assert_eq!(
        s.cases[1].failed_iterations_unlisted,
        10_000 - MAX_LISTED_ITERATIONS
    );
    let run = sample_run();
    let report = r.build_report(&run.summary);
    let tc = &report.test_suites[0].test_cases[1];
    assert!(tc
        .system_out
        .as_ref()
        .is_some_and(|s| s.ends_with(&format!(" and {} more.", 10_000 - MAX_LISTED_ITERATIONS))));
    let mut xml = String::new();
    write_newman_xml(&report, &mut xml);
    assert!(xml.contains("<![CDATA[Failed 10000 times.]]>"));
    assert!(xml.contains(&format!(
        "[postgate: {} more iterations with errors are not listed]",
        20_000 - MAX_ERROR_BLOCKS
    )));
}

#[test]
fn interrupted_run_writes_valid_file() {
    let run = sample_run();
    let mut events: Vec<RunEvent> = run.events.iter().take(4).cloned().collect();
    let mut summary = (*run.summary).clone();
    summary.error = Some("the run was interrupted".into());
    summary.interrupted = true;
    events.push(RunEvent::Finished(Arc::new(summary)));
    let ours = run_xml(&events);
    let parsed = quick_junit::Report::deserialize_from_str(&ours).expect("valid XML");
    assert_eq!(parsed.test_suites.len(), 2);

    // Nothing ran at all: an empty root element, as xmlbuilder writes it.
    let events = vec![run.events[0].clone(), run.events.last().unwrap().clone()];
    let ours = run_xml(&events);
    assert_eq!(
        ours,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"Report Sample\" tests=\"8\" time=\"0.000\"/>"
    );
}

#[test]
fn default_path_is_newman_folder() {
    let dir = tempfile::tempdir().unwrap();
    let run = sample_run();
    let mut r = JunitReporter::new(JunitSettings {
        export: None,
        base_dir: dir.path().to_path_buf(),
        collections: 1,
    });
    drive(&mut r, &run.events);
    let files: Vec<String> = std::fs::read_dir(dir.path().join("newman"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let re =
        regex::Regex::new(r"^newman-run-report-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}-0\.xml$")
            .unwrap();
    assert!(files.len() == 1 && re.is_match(&files[0]), "{files:?}");
}

// Expected values from lodash 4.17 as Newman uses it:
// `_.upperFirst(_.camelCase(name).replace(/\W/g, ''))`.
#[test]
fn class_names_match_lodash() {
    for (name, class) in [
        ("Status Code Test", "StatusCodeTest"),
        ("Users / Get user", "UsersGetUser"),
        ("getHTTPResponse", "GetHttpResponse"),
        ("Café crème", "CafeCreme"),
        ("user's list", "UsersList"),
        ("", ""),
        ("GET /api/v1/users/{{id}}", "GetApiV1UsersId"),
        ("iPhone 12 Pro", "IPhone12Pro"),
        ("snake_case_name", "SnakeCaseName"),
        ("ABC", "Abc"),
        ("ABCdef", "AbCdef"),
        ("foo123bar", "Foo123Bar"),
        ("1st place", "1stPlace"),
        ("Ünïcödé Straße", "UnicodeStrasse"),
        ("日本語 test", "Test"),
        ("Ĳssel Œuvre", "IJsselOeuvre"),
        ("X-Request-ID header", "XRequestIdHeader"),
        ("HTTP2Server", "Http2Server"),
        ("already CamelCase", "AlreadyCamelCase"),
        ("a.b.c", "ABC"),
    ] {
        assert_eq!(class_name(name), class, "{name:?}");
    }
}

// Expected values from V8's `Number.prototype.toFixed(3)`.
#[test]
fn to_fixed_matches_javascript() {
    assert_eq!(
        to_fixed((1000.0 / 1000.0 + 1001.0 / 1000.0) / 2.0, 3),
        "1.000"
    );
    assert_eq!(to_fixed((12.0 / 1000.0 + 13.0 / 1000.0) / 2.0, 3), "0.013");
    assert_eq!(to_fixed((62.0 / 1000.0 + 63.0 / 1000.0) / 2.0, 3), "0.063");
    assert_eq!(to_fixed((1.0 / 1000.0 + 2.0 / 1000.0) / 2.0, 3), "0.002");
    assert_eq!(to_fixed((4.0 / 1000.0 + 5.0 / 1000.0) / 2.0, 3), "0.005");
    assert_eq!(to_fixed(0.0005, 3), "0.001");
    assert_eq!(to_fixed(0.0015, 3), "0.002");
    assert_eq!(to_fixed(0.0025, 3), "0.003");
    assert_eq!(to_fixed(0.0, 3), "0.000");
    assert_eq!(to_fixed(0.107, 3), "0.107");
}

#[test]
fn failure_kept_when_a_later_iteration_passes_and_counts_all() {
    // fail, pass, fail: Newman would say "Failed 1 times." with the third
    // iteration's message; postgate counts both failures.
    let run = sample_run();
    let RunEvent::Execution(template) = &run.events[2] else {
        panic!()
    };
    let mut r = JunitReporter::new(JunitSettings::default());
    for (it, msg) in [(0, Some("first")), (1, None), (2, Some("third"))] {
        let mut rec = (**template).clone();
        rec.cursor.iteration = it;
        rec.test[0].assertions[1].error = msg.map(|m| JsError {
            name: "AssertionError".into(),
            message: m.into(),
            stack: None,
        });
        r.execution(&rec);
    }
    let report = r.build_report(&run.summary);
    let mut xml = String::new();
    write_newman_xml(&report, &mut xml);
    assert!(
        xml.contains(r#"<failure type="AssertionFailure" message="first">"#),
        "{xml}"
    );
    assert!(xml.contains("<![CDATA[Failed 2 times.]]>"));
    assert!(xml.contains("Failing iterations (0-based): 0, 2."));
    assert!(xml.contains(r#"tests="3" failures="2" errors="0""#));
}
