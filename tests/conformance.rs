//! The Newman conformance suite: every collection in
//! `collections/conformance/` runs with real Newman (pinned in
//! `package.json`) and with postgate against the same fixture API, and the
//! normalised JSON reports must be identical: per execution the item, method,
//! status code, request error, script errors and each assertion's name,
//! outcome and message; then the totals.
//!
//! A collection may have sidecar files with the same stem:
//! `<stem>.postman_environment.json`, `<stem>.postman_globals.json`,
//! `<stem>.data.csv` / `<stem>.data.json`, and `<stem>.args` (extra command
//! line arguments, one per line). Deliberate differences are listed in
//! [`DELIBERATE`] and explained in `docs/compatibility.md`.
//!
//! `CONFORMANCE_ONLY=stem[,stem…]` compares only those collections and
//! prints each one's first difference, listed or not, e.g.
//! `CONFORMANCE_ONLY=pm-cookies cargo test -p postgate --test blackbox
//! conformance -- --nocapture`. `CONFORMANCE_DUMP=<dir>` also writes both
//! normalised reports there (`<stem>.newman.json`, `<stem>.postgate.json`).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::support::*;

/// Collections whose difference from Newman is deliberate: (stem, why).
/// Each is explained in `docs/compatibility.md`.
pub const DELIBERATE: &[(&str, &str)] = &[
    ("schema-v1-format", "v1 collections are refused with a hint to export v2.1"),
    ("newman-quirks", "Newman bugs not copied: BigInt assertions, sendRequest overwriting the item's execution (#2752)"),
    ("pm-send-request", "a failed sendRequest's requestError does not stick to the item's execution (Newman #2752)"),
    ("pm-response-api", "details().detail is empty: the http-reasons descriptions of statuses are third-party text postgate does not ship"),
    ("redirects-ppb", "a request error keeps its code and message in the JSON report (Newman writes an empty object)"),
    ("unicode-and-encoding", "header values outside Latin-1 are sent as UTF-8 (Node refuses the request)"),
    ("url-encoding-path-variables", "dot segments in paths are normalised by the URL parser"),
];

/// Collections that differ because postgate does not do something yet:
/// (stem, what). Listed as "not yet" in `docs/compatibility.md`; remove an
/// entry as soon as its collection matches.
pub const NOT_YET: &[(&str, &str)] = &[
    (
        "library-cheerio-sugar-backbone",
        "cheerio, Backbone and sugar.js prototypes",
    ),
    (
        "script-errors",
        "V8 names the operands of a failed `in` and a destructured undefined/null; QuickJS's errors carry neither",
    ),
];

fn newman() -> Option<PathBuf> {
    let p = repo_root().join("node_modules/.bin/newman");
    p.exists().then_some(p)
}

fn require_newman() -> Option<PathBuf> {
    match newman() {
        Some(p) => Some(p),
        None if std::env::var_os("CI").is_some() => {
            panic!(
                "Newman is not installed: run `npm ci` in the repository root (CI must install it)"
            )
        }
        None => {
            eprintln!("conformance: Newman is not installed (run `npm ci`); skipping");
            None
        }
    }
}

fn sidecar_args(coll: &Path) -> Vec<String> {
    let stem = coll
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.trim_end_matches(".postman_collection.json").to_string())
        .unwrap_or_default();
    let dir = coll.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut args = Vec::new();
    let env = dir.join(format!("{stem}.postman_environment.json"));
    if env.exists() {
        args.extend(["-e".to_string(), env.display().to_string()]);
    }
    let globals = dir.join(format!("{stem}.postman_globals.json"));
    if globals.exists() {
        args.extend(["-g".to_string(), globals.display().to_string()]);
    }
    for ext in ["csv", "json"] {
        let data = dir.join(format!("{stem}.data.{ext}"));
        if data.exists() {
            args.extend(["-d".to_string(), data.display().to_string()]);
        }
    }
    if let Ok(text) = std::fs::read_to_string(dir.join(format!("{stem}.args"))) {
        args.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| l.replace("{{repo}}", &repo_root().display().to_string())),
        );
    }
    args
}

/// How long one runner may take on one collection: a behaviour broken so
/// that a run never ends (a loop `setNextRequest(null)` no longer stops)
/// must fail the suite, not hang it.
const RUN_LIMIT: std::time::Duration = std::time::Duration::from_secs(120);

/// The child's stdout and stderr, killing it after `limit`.
fn output_within(
    cmd: &mut Command,
    limit: std::time::Duration,
) -> Result<(Vec<u8>, Vec<u8>), String> {
    use std::process::Stdio;
    let program = cmd.get_program().to_owned();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{program:?} did not start: {e}"))?;
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    if wait_exit(&mut child, limit).is_none() {
        return Err(format!(
            "{program:?} did not finish within {} s",
            limit.as_secs()
        ));
    }
    Ok((
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    ))
}

/// Run one runner and return its JSON report, or why there is none.
fn report(cmd: &mut Command, coll: &Path, out: &Path) -> Result<Value, String> {
    let is_postgate = cmd.get_program().to_string_lossy().ends_with("postgate");
    let base = format!("baseUrl={}", server().url());
    let cmd = cmd
        .arg("run")
        .arg(coll)
        .args(["--env-var", &base, "-r", "json", "--reporter-json-export"])
        .arg(out)
        .args(sidecar_args(coll))
        // Masking secrets is a deliberate reporting difference; compare behaviour.
        .args(if is_postgate {
            &["--no-redact"][..]
        } else {
            &[][..]
        })
        .current_dir(repo_root());
    let (stdout, stderr) = output_within(cmd, RUN_LIMIT).map_err(|e| {
        let name = coll.file_name().unwrap_or_default().to_string_lossy();
        format!("{name}: {e}")
    })?;
    let text = std::fs::read_to_string(out).map_err(|e| {
        format!(
            "{:?} wrote no report ({e}):\n{}\n{}",
            cmd.get_program(),
            String::from_utf8_lossy(&stdout),
            String::from_utf8_lossy(&stderr)
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{:?} wrote a report that is not JSON: {e}",
            cmd.get_program()
        )
    })
}

fn scrub(v: &str) -> String {
    let base = server().url();
    let host = base.trim_start_matches("http://").to_string();
    v.replace(&base, "{{baseUrl}}").replace(&host, "{{host}}")
}

fn err_obj(e: &Value) -> Value {
    if e.is_null() {
        return Value::Null;
    }
    json!({
        "name": e.get("name").and_then(Value::as_str).unwrap_or("Error"),
        "message": scrub(e.get("message").and_then(Value::as_str).unwrap_or("")),
    })
}

/// The comparable form of a Newman-shaped JSON report.
pub fn normalise(report: &Value) -> Value {
    let run = &report["run"];
    let mut executions = Vec::new();
    let mut previous_ref: Option<String> = None;
    for ex in run["executions"].as_array().cloned().unwrap_or_default() {
        let r = ex["cursor"]["ref"].as_str().map(str::to_string);
        // Newman pushes an item's execution again for each pm.sendRequest
        // (postmanlabs/newman#2752); keep it once.
        if r.is_some() && r == previous_ref {
            continue;
        }
        previous_ref = r;
        let mut script_errors = Vec::new();
        for (event, key) in [("prerequest", "prerequestScript"), ("test", "testScript")] {
            for s in ex[key].as_array().cloned().unwrap_or_default() {
                if !s["error"].is_null() {
                    let mut e = err_obj(&s["error"]);
                    e["event"] = json!(event);
                    script_errors.push(e);
                }
            }
        }
        let assertions: Vec<Value> = ex["assertions"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|a| {
                let result = if a["skipped"].as_bool() == Some(true) {
                    "skip"
                } else if a["error"].is_null() {
                    "pass"
                } else {
                    "fail"
                };
                json!({"name": scrub(a["assertion"].as_str().unwrap_or("")), "result": result, "error": err_obj(&a["error"])})
            })
            .collect();
        let request = if ex["request"].is_object() {
            &ex["request"]
        } else {
            &ex["item"]["request"]
        };
        executions.push(json!({
            "iteration": ex["cursor"]["iteration"],
            "name": ex["item"]["name"],
            "method": request["method"],
            "status": ex["response"]["code"],
            "request_error": ex["requestError"]["code"].as_str().map(str::to_string)
                .or_else(|| ex["requestError"]["message"].as_str().map(scrub)),
            "script_errors": script_errors,
            "assertions": assertions,
        }));
    }
    let mut stats = serde_json::Map::new();
    for k in [
        "iterations",
        "items",
        "requests",
        "prerequestScripts",
        "testScripts",
        "assertions",
    ] {
        stats.insert(
            k.to_string(),
            json!({"total": run["stats"][k]["total"], "failed": run["stats"][k]["failed"]}),
        );
    }
    json!({
        "collection": report["collection"]["info"]["name"],
        "executions": executions,
        "stats": stats,
    })
}

fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let p = format!("{path}.{k}");
                if let Some(d) = first_difference(
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    &p,
                ) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let p = format!("{path}[{i}]");
                if let Some(d) = first_difference(
                    x.get(i).unwrap_or(&Value::Null),
                    y.get(i).unwrap_or(&Value::Null),
                    &p,
                ) {
                    return Some(d);
                }
            }
            None
        }
        _ if a == b => None,
        _ => Some(format!("{path}:\n    newman:   {a}\n    postgate: {b}")),
    }
}

fn stem(coll: &Path) -> String {
    coll.file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.trim_end_matches(".postman_collection.json").to_string())
        .unwrap_or_default()
}

fn conformance_collections() -> Vec<PathBuf> {
    let dir = collection("conformance");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.to_string_lossy().ends_with(".postman_collection.json"));
    v.sort();
    v
}

/// The stems named in `CONFORMANCE_ONLY`, if set.
fn only_filter() -> Option<Vec<String>> {
    let raw = std::env::var("CONFORMANCE_ONLY").ok()?;
    Some(
        raw.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// Compare one collection; `Err` describes the first difference.
fn compare(newman: &Path, coll: &Path) -> Result<(), String> {
    let dir = temp_dir();
    let n = normalise(&report(
        &mut Command::new(newman),
        coll,
        &dir.path().join("newman.json"),
    )?);
    let p = normalise(&report(
        &mut postgate(),
        coll,
        &dir.path().join("postgate.json"),
    )?);
    if let Some(dump) = std::env::var_os("CONFORMANCE_DUMP") {
        let dump = PathBuf::from(dump);
        let _ = std::fs::create_dir_all(&dump);
        for (who, v) in [("newman", &n), ("postgate", &p)] {
            let text = serde_json::to_string_pretty(v).unwrap_or_default();
            let _ = std::fs::write(dump.join(format!("{}.{who}.json", stem(coll))), text);
        }
    }
    match first_difference(&n, &p, "$") {
        None => Ok(()),
        Some(d) => Err(format!(
            "{}: {d}",
            coll.file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        )),
    }
}

#[test]
fn conformance_suite_matches_newman() {
    let Some(newman) = require_newman() else {
        return;
    };
    let mut collections = conformance_collections();
    assert!(
        collections.len() >= 40,
        "the suite has {} collections; it needs at least 40",
        collections.len()
    );
    let only = only_filter();
    if let Some(only) = &only {
        collections.retain(|c| only.contains(&stem(c)));
        assert!(
            !collections.is_empty(),
            "CONFORMANCE_ONLY names no collection in collections/conformance"
        );
    }
    // Newman is slow to start; run a few comparisons side by side.
    let queue = std::sync::Mutex::new(collections.clone());
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| loop {
                let next = queue.lock().map(|mut q| q.pop()).unwrap_or(None);
                let Some(coll) = next else { break };
                let outcome = compare(&newman, &coll);
                if let Ok(mut r) = results.lock() {
                    r.push((stem(&coll), outcome));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let listed = |stem: &str| {
        DELIBERATE
            .iter()
            .chain(NOT_YET.iter())
            .any(|(s, _)| *s == stem)
    };
    let mut failures = Vec::new();
    let (mut identical, mut known) = (0, 0);
    for (stem, outcome) in &results {
        if let (Some(_), Err(e)) = (&only, outcome) {
            eprintln!("conformance: {e}");
        }
        match (outcome, listed(stem)) {
            (Ok(()), false) => identical += 1,
            (Ok(()), true) => {
                identical += 1;
                eprintln!(
                    "conformance: {stem} now matches Newman; remove it from DELIBERATE/NOT_YET"
                );
            }
            (Err(_), true) => known += 1,
            (Err(e), false) => failures.push(e.clone()),
        }
    }
    eprintln!(
        "conformance: {identical} identical, {known} listed differences, {} unexpected differences, of {}",
        failures.len(),
        results.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} collections differ from Newman:\n{}",
        failures.len(),
        collections.len(),
        failures.join("\n")
    );
}
