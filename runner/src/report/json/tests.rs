//! The json reporter driven with synthetic events built from the real
//! types, compared key by key with a report Newman 6.2.2 wrote for the same
//! run (`tests/fixtures/newman/report-sample.*`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde_json::{json, Value};

use super::*;
use crate::collection::{collection_from_value, Variable};
use crate::http::{PreparedRequest, RequestError, ResponseData};
use crate::run::{plan, Cursor, ExecutionRecord, RunEvent, RunSummary, SentRequest};
use crate::script::{Assertion, JsError, ScriptRun};
use crate::vars::VarList;

pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/newman")
        .join(name)
}

pub(crate) fn read_json(name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(fixture(name)).expect("fixture")).expect("fixture json")
}

fn passed(name: &str, index: usize) -> Assertion {
    Assertion {
        name: name.into(),
        index,
        skipped: false,
        error: None,
    }
}

fn failed(name: &str, index: usize, message: &str) -> Assertion {
    Assertion {
        name: name.into(),
        index,
        skipped: false,
        error: Some(JsError {
            name: "AssertionError".into(),
            message: message.into(),
            stack: None,
        }),
    }
}

/// The events of the recorded sample run, rebuilt from the recorded report.
pub(crate) struct SampleRun {
    pub events: Vec<RunEvent>,
    pub summary: Arc<RunSummary>,
}

pub(crate) fn sample_run() -> SampleRun {
    let newman = read_json("report-sample.newman.json");
    let doc = read_json("report-sample.collection.json");
    let collection = Arc::new(
        collection_from_value(doc, Path::new("report-sample.collection.json")).expect("collection"),
    );
    let items = plan(&collection, &[]).expect("plan");
    let mut summary = RunSummary::new(collection.clone());
    summary.timings.started = newman["run"]["timings"]["started"].as_u64().unwrap_or(0);
    summary.environment_id = Some("e0000000-0000-4000-8000-000000000001".into());
    summary.environment_name = Some("Sample Env".into());

    let mut events = vec![RunEvent::Started {
        collection: collection.clone(),
        cycles: 2,
        items: items.len(),
    }];
    let recorded = newman["run"]["executions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for iteration in 0..2 {
        events.push(RunEvent::IterationStarted {
            iteration,
            cycles: 2,
        });
        summary.stats.iterations.total += 1;
        for (position, item) in items.iter().enumerate() {
            let exec = &recorded[iteration * 4 + position];
            let response = exec.get("response").map(|r| {
                let mut body: Vec<u8> = r["stream"]["data"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|b| b.as_u64())
                            .map(|b| b as u8)
                            .collect()
                    })
                    .unwrap_or_default();
                body.resize(r["responseSize"].as_u64().unwrap_or(0) as usize, b' ');
                Arc::new(ResponseData {
                    code: r["code"].as_u64().unwrap_or(0) as u16,
                    status: r["status"].as_str().unwrap_or("").into(),
                    headers: r["header"]
                        .as_array()
                        .map(|hs| {
                            hs.iter()
                                .map(|h| {
                                    (
                                        h["key"].as_str().unwrap_or("").into(),
                                        h["value"].as_str().unwrap_or("").into(),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    body: body.into(),
                    response_time: r["responseTime"].as_f64().unwrap_or(0.0),
                    ..ResponseData::default()
                })
            });
            let url = match position {
                0 => "http://127.0.0.1:42473/get?a=1",
                1 => "http://127.0.0.1:42473/post",
                2 => "http://127.0.0.1:9/nothing",
                _ => "http://127.0.0.1:42473/status/404",
            };
            let mut headers: Vec<(String, String)> = Vec::new();
            let mut json_headers = Vec::new();
            if position == 0 {
                headers.push(("X-Test".into(), "yes".into()));
                json_headers.push(json!({"key": "X-Test", "value": "yes"}));
            }
            if position == 1 {
                headers.push(("Content-Type".into(), "application/json".into()));
                json_headers.push(json!({"key": "Content-Type", "value": "application/json"}));
            }
            headers.push(("User-Agent".into(), "PostmanRuntime/7.39.1".into()));
            headers.push(("Accept".into(), "*/*".into()));
            let mut req_json = json!({"url": url, "method": if position == 1 { "POST" } else { "GET" }, "header": json_headers});
            if position == 1 {
                req_json["body"] = json!({"mode": "raw", "raw": "{\"x\": 1}"});
            }
            let mut rec = ExecutionRecord {
                id: uuid::Uuid::new_v4().to_string(),
                cursor: Cursor {
                    position,
                    iteration,
                    length: 4,
                    cycles: 2,
                    ref_id: exec["cursor"]["ref"].as_str().unwrap_or("").into(),
                    http_request_id: exec["cursor"]["httpRequestId"]
                        .as_str()
                        .unwrap_or("")
                        .into(),
                },
                item: item.clone(),
                request: Some(SentRequest {
                    prepared: PreparedRequest {
                        method: if position == 1 {
                            "POST".into()
                        } else {
                            "GET".into()
                        },
                        url: url.into(),
                        headers,
                        ..PreparedRequest::default()
                    },
                    json: req_json,
                }),
                response,
                request_error: None,
                prerequest: Vec::new(),
                test: Vec::new(),
                console: Vec::new(),
                warnings: Vec::new(),
                skipped: false,
                next_request: None,
                next_request_from_test: false,
                extra_requests: 0,
                failed_side_requests: Vec::new(),
                started: SystemTime::UNIX_EPOCH + Duration::from_millis(summary.timings.started),
                duration: Duration::from_millis(10),
                attempts: Vec::new(),
                auth_exchanges: Vec::new(),
                max_attempts: 1,
            };
            match position {
                0 => {
                    let flaky = if iteration == 0 {
                        failed("flaky check", 1, "expected +0 to equal 1")
                    } else {
                        passed("flaky check", 1)
                    };
                    let mut skipped = passed("skipped one", 2);
                    skipped.skipped = true;
                    rec.test = vec![ScriptRun {
                        script_id: "s0".into(),
                        assertions: vec![passed("Status code is 200", 0), flaky, skipped],
                        error: None,
                    }];
                }
                1 => {
                    rec.prerequest = vec![ScriptRun {
                        script_id: "p1".into(),
                        assertions: Vec::new(),
                        error: None,
                    }];
                    rec.test = vec![ScriptRun {
                        script_id: "s1".into(),
                        assertions: vec![failed("always fails", 0, "expected 1 to equal 2")],
                        error: Some(JsError {
                            name: "ReferenceError".into(),
                            message: "undefinedFn is not defined".into(),
                            stack: None,
                        }),
                    }];
                }
                2 => {
                    rec.request_error = Some(RequestError {
                        code: "ECONNREFUSED".into(),
                        message: "connect ECONNREFUSED 127.0.0.1:9".into(),
                    });
                    rec.test = vec![ScriptRun {
                        script_id: "s2".into(),
                        assertions: vec![failed(
                            "never",
                            0,
                            "expected PostmanResponse{ \u{2026}(5) } to have property 'code'",
                        )],
                        error: None,
                    }];
                }
                _ => {}
            }
            summary.add(&rec);
            events.push(RunEvent::Execution(Arc::new(rec)));
        }
        events.push(RunEvent::IterationFinished { iteration });
    }
    summary.timings.completed = newman["run"]["timings"]["completed"].as_u64().unwrap_or(0);
    summary.environment = VarList::new(vec![
        Variable::new("k1", json!("v1")),
        Variable::new("sec", json!("s")),
        Variable::new("envset", json!("v1")),
    ]);
    summary.globals = VarList::new(vec![Variable::new("g1", json!(42))]);
    summary.collection_variables = VarList::new(vec![
        Variable::new("base", json!("http://127.0.0.1:42473")),
        Variable::new("counter", json!("2")),
    ]);
    let summary = Arc::new(summary);
    events.push(RunEvent::Finished(summary.clone()));
    SampleRun { events, summary }
}

pub(crate) fn drive(reporter: &mut dyn Reporter, events: &[RunEvent]) {
    for e in events {
        reporter.on_event(e).expect("reporter event");
    }
}

fn run_json(settings: JsonSettings, events: &[RunEvent]) -> Value {
    let target = settings
        .base_dir
        .join(settings.export.clone().unwrap_or_default());
    let mut r = JsonReporter::new(settings);
    drive(&mut r, events);
    let text = std::fs::read_to_string(&target).expect("report written");
    serde_json::from_str(&text).expect("valid json")
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Differences of shape (key names, key order, value types), each as
/// `path: what`, with array indices written as `[]`.
fn shape_diff(ours: &Value, theirs: &Value, path: &str, out: &mut Vec<String>) {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            for k in b.keys().filter(|k| !a.contains_key(*k)) {
                out.push(format!("{path}.{k}: missing"));
            }
            for k in a.keys().filter(|k| !b.contains_key(*k)) {
                out.push(format!("{path}.{k}: extra"));
            }
            let common_a: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
            let common_b: Vec<&String> = b.keys().filter(|k| a.contains_key(*k)).collect();
            if common_a != common_b {
                out.push(format!("{path}: key order {common_a:?} vs {common_b:?}"));
            }
            for (k, v) in a {
                if let Some(w) = b.get(k) {
                    shape_diff(v, w, &format!("{path}.{k}"), out);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (v, w) in a.iter().zip(b.iter()) {
                shape_diff(v, w, &format!("{path}[]"), out);
            }
        }
        (a, b) if type_name(a) != type_name(b) => {
            out.push(format!("{path}: {} vs {}", type_name(a), type_name(b)));
        }
        _ => {}
    }
}

/// Documented differences from Newman's report (see the module docs and
/// the reporter's report): serialised-error bookkeeping, runtime-only
/// cursor fields, the SDK's `_lastExecutionId`, the `_` metadata of the
/// environment file, and the message postgate adds to `requestError`.
fn allowed(diff: &str) -> bool {
    let bookkeeping = [
        "checksum: missing",
        "id: missing",
        "timestamp: missing",
        "stacktrace: missing",
    ];
    (diff.contains(".error.") && bookkeeping.iter().any(|b| diff.ends_with(b)))
        || (diff.contains("testScript[].error.") && bookkeeping.iter().any(|b| diff.ends_with(b)))
        || diff.contains(".cursor")
        || diff.ends_with("._lastExecutionId: missing")
        || diff == "$.environment._: missing"
        || diff.ends_with(".requestError.message: extra")
}

#[test]
fn json_report_matches_newman_shape() {
    let dir = tempfile::tempdir().unwrap();
    let run = sample_run();
    let ours = run_json(
        JsonSettings {
            export: Some("report.json".into()),
            omit_responses: false,
            base_dir: dir.path().to_path_buf(),
            part: None,
        },
        &run.events,
    );
    let newman = read_json("report-sample.newman.json");
    let mut diffs = Vec::new();
    shape_diff(&ours, &newman, "$", &mut diffs);
    let unexpected: Vec<&String> = diffs.iter().filter(|d| !allowed(d)).collect();
    assert!(
        unexpected.is_empty(),
        "unexpected differences from Newman's report:\n{unexpected:#?}"
    );

    // Same data where the run is the same.
    assert_eq!(
        ours["collection"].clone().pipe(strip_last_execution_id),
        newman["collection"].clone().pipe(strip_last_execution_id)
    );
    assert_eq!(ours["run"]["stats"], newman["run"]["stats"]);
    assert_eq!(ours["run"]["transfers"], newman["run"]["transfers"]);
    assert_eq!(ours["run"]["error"], Value::Null);
    assert!(ours["run"].get("interrupted").is_none());
    assert_eq!(ours["globals"]["values"], newman["globals"]["values"]);
    assert_eq!(
        ours["environment"]["values"],
        newman["environment"]["values"]
    );
    assert_eq!(ours["environment"]["id"], newman["environment"]["id"]);
    let ours_ex = ours["run"]["executions"].as_array().unwrap();
    let their_ex = newman["run"]["executions"].as_array().unwrap();
    assert_eq!(ours_ex.len(), their_ex.len());
    for (a, b) in ours_ex.iter().zip(their_ex) {
        assert_eq!(a["assertions"], b["assertions"]);
        assert_eq!(a["id"], b["id"]);
        assert_eq!(a["cursor"]["ref"], b["cursor"]["ref"]);
        assert_eq!(
            a["item"].clone().pipe(strip_last_execution_id),
            b["item"].clone().pipe(strip_last_execution_id)
        );
        assert_eq!(a["request"]["url"], b["request"]["url"]);
        assert_eq!(a["request"]["method"], b["request"]["method"]);
        assert_eq!(a["request"].get("body"), b["request"].get("body"));
        for k in ["status", "code", "header", "responseTime", "responseSize"] {
            assert_eq!(a["response"].get(k), b["response"].get(k), "{k}");
        }
        assert_eq!(
            a["response"]["stream"]["data"]
                .as_array()
                .map(|d| d[..d.len().min(16)].to_vec()),
            b["response"]["stream"]["data"].as_array().cloned()
        );
        assert_eq!(
            a.get("testScript")
                .map(|t| t[0]["error"]["message"].clone()),
            b.get("testScript")
                .map(|t| t[0]["error"]["message"].clone())
        );
        assert_eq!(
            a.get("requestError").map(|e| e["code"].clone()),
            b.get("requestError").map(|e| e["code"].clone())
        );
    }
    // The request error keeps Node's fields.
    assert_eq!(
        ours_ex[2]["requestError"],
        json!({"errno": -111, "code": "ECONNREFUSED", "syscall": "connect", "address": "127.0.0.1", "port": 9, "message": "connect ECONNREFUSED 127.0.0.1:9"})
    );
    // System headers are marked as Newman marks them.
    assert_eq!(
        ours_ex[0]["request"]["header"][0],
        json!({"key": "X-Test", "value": "yes"})
    );
    assert_eq!(
        ours_ex[0]["request"]["header"][1],
        json!({"key": "User-Agent", "value": "PostmanRuntime/7.39.1", "system": true})
    );

    let ours_f = ours["run"]["failures"].as_array().unwrap();
    let their_f = newman["run"]["failures"].as_array().unwrap();
    assert_eq!(ours_f.len(), their_f.len());
    for (a, b) in ours_f.iter().zip(their_f) {
        assert_eq!(a["at"], b["at"]);
        // A request error's source is the item as sent: its headers are the
        // synthetic run's, not Newman's.
        let no_headers = |mut v: Value| {
            if let Some(r) = v.get_mut("request").and_then(Value::as_object_mut) {
                r.remove("header");
            }
            strip_last_execution_id(v)
        };
        assert_eq!(
            no_headers(a["source"].clone()),
            no_headers(b["source"].clone())
        );
        assert_eq!(
            a["source"]["request"].get("header").map(|h| h[0].clone()),
            b["source"]["request"].get("header").map(|h| h[0].clone())
        );
        assert_eq!(
            a.get("parent").map(|p| p["item"].as_array().map(Vec::len)),
            b.get("parent").map(|p| p["item"].as_array().map(Vec::len))
        );
        for k in [
            "name", "index", "test", "message", "stack", "code", "errno", "syscall", "address",
            "port",
        ] {
            if k == "stack" && a["at"] == "request" {
                continue; // Newman's has Node's stack frames.
            }
            assert_eq!(a["error"].get(k), b["error"].get(k), "failure error {k}");
        }
    }
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl Pipe for Value {}

/// Drop what only Newman's runtime adds (`_lastExecutionId`) and blank
/// the ids either side made up (scripts, folders without one).
fn strip_last_execution_id(mut v: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(o) => {
                o.remove("_lastExecutionId");
                if o.contains_key("exec") || o.contains_key("item") {
                    if let Some(id) = o.get_mut("id") {
                        *id = json!("*");
                    }
                }
                o.values_mut().for_each(walk);
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}

#[test]
fn layout_is_json_stringify_with_two_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let run = sample_run();
    let mut r = JsonReporter::new(JsonSettings {
        export: Some("r.json".into()),
        omit_responses: false,
        base_dir: dir.path().to_path_buf(),
        part: None,
    });
    drive(&mut r, &run.events);
    let text = std::fs::read_to_string(dir.path().join("r.json")).unwrap();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    // Re-printing with two-space indentation gives the same bytes.
    assert_eq!(serde_json::to_string_pretty(&parsed).unwrap(), text);
    assert!(text.starts_with("{\n  \"collection\": {\n    \"_\": {"));
    assert!(!text.ends_with('\n'));
    // The temporary file is gone.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("r.json")]);
}

#[test]
fn omit_responses_drops_stream_only() {
    let dir = tempfile::tempdir().unwrap();
    let run = sample_run();
    let ours = run_json(
        JsonSettings {
            export: Some("r.json".into()),
            omit_responses: true,
            base_dir: dir.path().to_path_buf(),
            part: None,
        },
        &run.events,
    );
    let resp = &ours["run"]["executions"][0]["response"];
    assert!(resp.get("stream").is_none());
    assert_eq!(resp["code"], 200);
    assert_eq!(resp["responseSize"], 307);
}

#[test]
fn options_are_read_from_reporter_options() {
    let mut opts = ReporterOptions::default();
    opts.specific
        .entry("json".into())
        .or_default()
        .insert("export".into(), json!("x.json"));
    opts.specific
        .entry("json".into())
        .or_default()
        .insert("omitResponses".into(), json!(true));
    let s = JsonSettings::from_options(
        &opts,
        &BuildCtx {
            cwd: PathBuf::from("/tmp"),
            ..BuildCtx::default()
        },
    );
    assert_eq!(s.export.as_deref(), Some("x.json"));
    assert!(s.omit_responses);
    // `--reporter-json-export` without a value means the default path.
    let mut opts = ReporterOptions::default();
    opts.specific
        .entry("json".into())
        .or_default()
        .insert("export".into(), json!(true));
    assert_eq!(
        JsonSettings::from_options(&opts, &BuildCtx::default()).export,
        None
    );
}

#[test]
fn default_path_and_directory_target() {
    let dir = tempfile::tempdir().unwrap();
    let run = sample_run();
    let mut r = JsonReporter::new(JsonSettings {
        export: None,
        omit_responses: true,
        base_dir: dir.path().to_path_buf(),
        part: None,
    });
    drive(&mut r, &run.events);
    let files: Vec<String> = std::fs::read_dir(dir.path().join("newman"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let re =
        regex::Regex::new(r"^newman-run-report-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}-0\.json$")
            .unwrap();
    assert!(re.is_match(&files[0]), "{}", files[0]);

    std::fs::create_dir(dir.path().join("reports")).unwrap();
    let mut r = JsonReporter::new(JsonSettings {
        export: Some("reports".into()),
        omit_responses: true,
        base_dir: dir.path().to_path_buf(),
        part: None,
    });
    drive(&mut r, &run.events);
    let files: Vec<_> = std::fs::read_dir(dir.path().join("reports"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), 1);
}

#[test]
fn interrupted_run_writes_a_complete_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = sample_run();
    // Stop after the third execution, as Ctrl-C would.
    let mut events: Vec<RunEvent> = run.events.iter().take(5).cloned().collect();
    let mut summary = (*run.summary).clone();
    summary.error = Some("the run was interrupted".into());
    summary.interrupted = true;
    events.push(RunEvent::Finished(Arc::new(summary)));
    let ours = run_json(
        JsonSettings {
            export: Some("r.json".into()),
            omit_responses: true,
            base_dir: dir.path().to_path_buf(),
            part: None,
        },
        &events,
    );
    assert_eq!(ours["run"]["executions"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        ours["run"]["error"],
        json!({"name": "Error", "message": "the run was interrupted"})
    );
    assert_eq!(ours["run"]["interrupted"], true);
    let keys: Vec<&String> = ours["run"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "stats",
            "timings",
            "executions",
            "transfers",
            "failures",
            "error",
            "interrupted"
        ]
    );

    // Bailed: no error message from the runner, still marked.
    let mut summary = (*run.summary).clone();
    summary.interrupted = true;
    let events = vec![run.events[0].clone(), RunEvent::Finished(Arc::new(summary))];
    let ours = run_json(
        JsonSettings {
            export: Some("b.json".into()),
            omit_responses: true,
            base_dir: dir.path().to_path_buf(),
            part: None,
        },
        &events,
    );
    assert_eq!(ours["run"]["executions"], json!([]));
    assert!(ours["run"]["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("--bail")));
}

#[test]
fn dropped_reporter_removes_its_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = sample_run();
    {
        let mut r = JsonReporter::new(JsonSettings {
            export: Some("r.json".into()),
            omit_responses: false,
            base_dir: dir.path().to_path_buf(),
            part: None,
        });
        drive(&mut r, &run.events[..4]);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the temporary file exists while running"
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn many_executions_stream_through_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = sample_run();
    let RunEvent::Execution(rec) = &run.events[2] else {
        panic!("an execution")
    };
    let mut r = JsonReporter::new(JsonSettings {
        export: Some("big.json".into()),
        omit_responses: true,
        base_dir: dir.path().to_path_buf(),
        part: None,
    });
    r.on_event(&run.events[0]).unwrap();
    for _ in 0..2000 {
        r.on_event(&RunEvent::Execution(rec.clone())).unwrap();
    }
    // Nothing of the executions is held by the reporter: it all went to disk.
    let spool = r.spool.as_ref().unwrap();
    assert_eq!(spool.count, 2000);
    assert!(spool.temp.buffer().len() < (1 << 16));
    r.on_event(run.events.last().unwrap()).unwrap();
    let v: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("big.json")).unwrap()).unwrap();
    assert_eq!(v["run"]["executions"].as_array().map(Vec::len), Some(2000));
}

#[test]
fn sdk_normalisation_matches_postman_collection() {
    let doc = read_json("sdk-rich.collection.json");
    let c = collection_from_value(doc, Path::new("rich.json")).unwrap();
    let ours = serde_json::to_value(sdk::normalize(&std::sync::Arc::new(c))).unwrap();
    let theirs = read_json("sdk-rich.tojson.json");
    let mut diffs = Vec::new();
    shape_diff(&ours, &theirs, "$", &mut diffs);
    assert!(diffs.is_empty(), "{diffs:#?}");
    // Equal apart from the ids the SDK made up.
    fn blank_ids(v: &mut Value, generated: bool) {
        match v {
            Value::Object(o) => {
                if generated {
                    if let Some(id) = o.get_mut("id") {
                        *id = json!("*");
                    }
                }
                for (k, x) in o.iter_mut() {
                    blank_ids(x, k != "variable" && k != "query");
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| blank_ids(x, generated)),
            _ => {}
        }
    }
    let (mut a, mut b) = (ours, theirs);
    blank_ids(&mut a, true);
    blank_ids(&mut b, true);
    assert_eq!(a, b);
}

#[test]
fn js_numbers() {
    assert_eq!(js_num(6.0), json!(6));
    assert_eq!(js_num(20.979166666666664), json!(20.979166666666664));
    assert_eq!(js_num(f64::NAN), Value::Null);
}
