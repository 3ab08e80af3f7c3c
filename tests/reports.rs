//! Reports end to end: the html report in headless Chromium, secrets masked
//! in every report and on stdout, reports that survive Ctrl-C, and the
//! progress reporter on and off a terminal.
//!
//! The Chromium tests need Debian's `chromium` package (`.ci/run` installs
//! it). Without it they print a notice and pass, except under `CI=true`,
//! where a missing browser is a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use crate::support::*;

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

fn test(lines: &[&str]) -> Value {
    json!([{ "listen": "test", "script": { "type": "text/javascript", "exec": lines } }])
}

fn write_json(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec_pretty(v).expect("json")).expect("write");
    p
}

/// Passing, failing and erroring requests, in a folder and at the root,
/// with console output, a script error and markup in names and bodies.
fn mixed_collection() -> Value {
    json!({
        "info": { "name": "Reports <mixed> & co", "schema": SCHEMA },
        "item": [
            {
                "name": "Users",
                "item": [
                    {
                        "name": "get ok",
                        "request": { "method": "GET", "url": "{{baseUrl}}/get?who=<b>bold</b>" },
                        "event": test(&[
                            "console.log('hello from <script>alert(1)</script>');",
                            "pm.test('status is 200', function () { pm.response.to.have.status(200); });",
                        ])
                    },
                    {
                        "name": "<img src=x onerror=alert(1)> not found",
                        "request": { "method": "GET", "url": "{{baseUrl}}/status/404" },
                        "event": test(&[
                            "pm.test('status is 200', function () { pm.response.to.have.status(200); });",
                        ])
                    }
                ]
            },
            {
                "name": "refused",
                "request": { "method": "GET", "url": "http://127.0.0.1:9/nothing" },
                "event": test(&["pm.test('never', function () { pm.response.to.have.status(200); });"])
            },
            {
                "name": "script error",
                "request": {
                    "method": "POST",
                    "url": "{{baseUrl}}/post",
                    "header": [{ "key": "Content-Type", "value": "application/json" }],
                    "body": { "mode": "raw", "raw": "{\"html\": \"</pre><script>alert(2)</script>\"}" }
                },
                "event": test(&["notDefined();"])
            },
            {
                "name": "slow a",
                "request": { "method": "GET", "url": "{{baseUrl}}/sleep-ms/300?n=a" },
                "event": test(&["pm.test('ok', function () { pm.response.to.have.status(200); });"])
            },
            {
                "name": "slow b",
                "request": { "method": "GET", "url": "{{baseUrl}}/sleep-ms/300?n=b" },
                "event": test(&["pm.test('ok', function () { pm.response.to.have.status(200); });"])
            }
        ]
    })
}

fn run_in(dir: &Path, collection: &Path, args: &[&str]) -> Run {
    let base = format!("baseUrl={}", server().url());
    postgate()
        .current_dir(dir)
        .arg("run")
        .arg(collection)
        .args(["--env-var", &base, "--color", "off"])
        .args(args)
        .output()
        .expect("the postgate binary runs")
        .into()
}

/// Debian's Chromium, or `None` (a notice, or a failure under CI=true).
fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser"] {
        for dir in std::env::var("PATH").unwrap_or_default().split(':') {
            let p = Path::new(dir).join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("chromium is not installed, and CI is set: .ci/run must install it");
    }
    eprintln!("SKIPPED: chromium is not installed (apt-get install -y chromium); the html report was not checked in a browser");
    None
}

fn chromium_cmd(bin: &Path, profile: &Path) -> Command {
    let mut c = Command::new(bin);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .stdin(Stdio::null());
    c
}

/// The number in the summary card `data-count="<key>"`.
fn card(html: &str, key: &str) -> usize {
    let marker = format!("data-count=\"{key}\"><b>");
    let start = html.find(&marker).map(|i| i + marker.len()).unwrap_or(0);
    html[start..]
        .split('<')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no card {key}"))
}

/// `(start, duration)` in ms of the timeline bar of each execution, by
/// its label.
fn bars(html: &str) -> Vec<(String, u64, u64)> {
    let mut out = Vec::new();
    for row in html.split("<div class=\"tl-row\" ").skip(1) {
        let label = row
            .split("</span>")
            .nth(1)
            .and_then(|s| s.split("</a>").next())
            .unwrap_or("")
            .to_string();
        if let Some(style) = row.split("style=\"--s:").nth(1) {
            let nums: Vec<u64> = style
                .split('"')
                .next()
                .unwrap_or("")
                .split(";--d:")
                .filter_map(|n| n.parse().ok())
                .collect();
            if nums.len() == 2 {
                out.push((label, nums[0], nums[1]));
            }
        }
    }
    out
}

#[test]
fn html_report_is_one_escaped_page_that_loads_in_chromium() {
    let dir = temp_dir();
    let coll = write_json(dir.path(), "c.json", &mixed_collection());
    let report = dir.path().join("out/report.html");
    let run = run_in(
        dir.path(),
        &coll,
        &[
            "-r",
            "cli,html",
            "--reporter-html-export",
            report.to_str().unwrap(),
            "-n",
            "2",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    let html = std::fs::read_to_string(&report).expect("the html report");

    // Counts: per iteration 3 pass (get ok, slow a, slow b), 1 fail, 2 errors.
    assert_eq!(card(&html, "executions"), 12, "{html}");
    assert_eq!(card(&html, "pass"), 6);
    assert_eq!(card(&html, "fail"), 2);
    assert_eq!(card(&html, "error"), 4);
    assert_eq!(card(&html, "flaky"), 0);
    // Failures come first, and failing executions before passing ones.
    let failures = html.find("id=\"failures\"").expect("failures");
    let timeline = html.find("id=\"timeline\"").expect("timeline");
    let requests = html.find("id=\"requests\"").expect("requests");
    assert!(failures < timeline && timeline < requests);
    let list = &html[requests..];
    let first_pass_in_list = list.find("data-status=\"pass\"").expect("a pass");
    assert!(
        list.rfind("data-status=\"error\"").expect("an error") < first_pass_in_list,
        "failing executions are listed first"
    );
    // Folder path, assertion names, headers, bodies, console.
    assert!(html.contains("<span class=\"folder\">Users / </span>"));
    assert!(html.contains("ReferenceError"));
    assert!(html.contains("connect ECONNREFUSED 127.0.0.1:9"));
    assert!(html.contains("User-Agent"));
    // Everything from the run is escaped: only the page's own script.
    assert_eq!(html.matches("<script").count(), 1, "one script tag");
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; not found"));
    assert!(
        html.contains("hello from &lt;script&gt;alert(1)"),
        "console output"
    );
    assert!(!html.contains("<b>bold</b>"));
    // Self-contained: nothing loaded from anywhere.
    for bad in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(bad), "{bad}");
    }
    // The two slow reads ran side by side: their bars overlap in time.
    let b = bars(&html);
    assert_eq!(b.len(), 12, "{b:?}");
    let slow: Vec<_> = b.iter().filter(|(l, _, _)| l.contains("slow")).collect();
    assert_eq!(slow.len(), 4, "{b:?}");
    let (_, s1, d1) = slow[0];
    let (_, s2, _) = slow[1];
    assert!(*d1 >= 250, "{slow:?}");
    assert!(*s2 < s1 + d1, "slow a and slow b overlap: {slow:?}");

    let Some(bin) = chromium() else { return };
    let profile = dir.path().join("profile");
    let url = format!("file://{}", report.display());
    let out = chromium_cmd(&bin, &profile)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {log}");
    assert!(
        dom.contains("data-js=\"ok\""),
        "the page's script ran: {dom}\n{log}"
    );
    assert!(!dom.contains("data-js-error=\""), "a script error: {dom}");
    assert!(
        dom.contains("js-ok executions=12 pass=6 fail=2 error=4 flaky=0 skipped=0"),
        "the script counted what the page says: {log}"
    );
    for line in log.lines() {
        let l = line.to_ascii_lowercase();
        assert!(
            !(l.contains("console") && (l.contains("uncaught") || l.contains("error"))),
            "console error: {line}"
        );
        assert!(!l.contains("content security policy"), "CSP: {line}");
    }

    // The screenshot test: a non-empty PNG of the page.
    let shot = dir.path().join("shot.png");
    let out = chromium_cmd(&bin, &profile)
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,2000")
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.len() > 10_000, "{} bytes", png.len());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    if let Ok(keep) = std::env::var("POSTGATE_KEEP_SHOT") {
        let _ = std::fs::copy(&shot, keep);
    }
}

#[test]
fn html_report_goes_to_newmans_default_path() {
    let dir = temp_dir();
    let coll = write_json(
        dir.path(),
        "c.json",
        &json!({
            "info": { "name": "one", "schema": SCHEMA },
            "item": [{ "name": "g", "request": { "method": "GET", "url": "{{baseUrl}}/get" } }]
        }),
    );
    let run = run_in(dir.path(), &coll, &["-r", "html"]);
    assert_eq!(run.code, 0, "{run:?}");
    let files: Vec<String> = std::fs::read_dir(dir.path().join("newman"))
        .expect("newman/")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(
        files[0].starts_with("newman-run-report-") && files[0].ends_with("-0.html"),
        "{files:?}"
    );
}

const SECRET: &str = "s3cr3t-T0ken-4242";
const COOKIE: &str = "cookieval-778899";

fn secret_inputs(dir: &Path) -> (PathBuf, PathBuf) {
    let env = write_json(
        dir,
        "env.json",
        &json!({
            "name": "with a secret",
            "values": [
                { "key": "apiToken", "value": SECRET, "type": "secret", "enabled": true },
                { "key": "plain", "value": "visible-value", "type": "default", "enabled": true }
            ]
        }),
    );
    let coll = write_json(
        dir,
        "c.json",
        &json!({
            "info": { "name": "secrets", "schema": SCHEMA },
            "item": [
                {
                    "name": "header and query",
                    "request": {
                        "method": "GET",
                        "url": "{{baseUrl}}/get?token={{apiToken}}&plain={{plain}}",
                        "header": [
                            { "key": "X-Api-Key", "value": "{{apiToken}}" },
                            { "key": "Cookie", "value": format!("session={COOKIE}") }
                        ]
                    },
                    "event": test(&[
                        "console.log('the token is', pm.environment.get('apiToken'));",
                        "pm.test('token echoed', function () { pm.expect(pm.response.json().args.token).to.equal('nope'); });",
                    ])
                },
                {
                    "name": "body and bearer",
                    "request": {
                        "method": "POST",
                        "url": "{{baseUrl}}/post",
                        "header": [
                            { "key": "Authorization", "value": "Bearer {{apiToken}}" },
                            { "key": "Content-Type", "value": "application/json" }
                        ],
                        "body": { "mode": "raw", "raw": "{\"token\": \"{{apiToken}}\"}" }
                    },
                    "event": test(&[
                        "pm.test('body has ' + pm.environment.get('apiToken'), function () { pm.expect(pm.response.json().json.token).to.equal('wrong'); });",
                    ])
                }
            ]
        }),
    );
    (coll, env)
}

fn all_reports(dir: &Path, tag: &str) -> Vec<(String, PathBuf)> {
    ["json", "junit", "html"]
        .iter()
        .map(|r| {
            let ext = match *r {
                "junit" => "xml",
                other => other,
            };
            (r.to_string(), dir.join(format!("{tag}.{ext}")))
        })
        .collect()
}

fn run_with_reports(dir: &Path, tag: &str, extra: &[&str]) -> (Run, Vec<(String, String)>) {
    let (coll, env) = secret_inputs(dir);
    let reports = all_reports(dir, tag);
    let mut args: Vec<String> = vec![
        "-e".into(),
        env.to_string_lossy().into_owned(),
        "-r".into(),
        "cli,json,junit,html".into(),
    ];
    for (name, path) in &reports {
        args.push(format!("--reporter-{name}-export"));
        args.push(path.to_string_lossy().into_owned());
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run_in(dir, &coll, &argv);
    let texts = reports
        .iter()
        .map(|(name, path)| {
            (
                name.clone(),
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}")),
            )
        })
        .collect();
    (run, texts)
}

#[test]
fn secrets_are_masked_in_every_report_and_on_stdout() {
    let dir = temp_dir();
    let (run, reports) = run_with_reports(dir.path(), "masked", &[]);
    assert_eq!(run.code, 1, "{run:?}");
    for needle in [SECRET, COOKIE] {
        assert!(
            !run.stdout.contains(needle),
            "stdout has {needle}:\n{}",
            run.stdout
        );
        assert!(!run.stderr.contains(needle), "stderr has {needle}");
        for (name, text) in &reports {
            assert!(!text.contains(needle), "the {name} report has {needle}");
        }
    }
    assert!(run.stdout.contains("********"), "{}", run.stdout);
    for (name, text) in &reports {
        assert!(text.contains("********"), "the {name} report masks");
    }
    // What is not secret stays readable.
    let json = &reports[0].1;
    assert!(json.contains("visible-value"));
    assert!(json.contains("Bearer ********"), "the scheme stays");
    assert!(json.contains("session=********"), "the cookie name stays");
    let doc: Value = serde_json::from_str(json).expect("valid json");
    let env = doc["environment"]["values"].as_array().expect("values");
    assert!(env
        .iter()
        .any(|v| v["key"] == "apiToken" && v["value"] == "********"));
}

#[test]
fn no_redact_shows_the_secrets() {
    let dir = temp_dir();
    let (run, reports) = run_with_reports(dir.path(), "plain", &["--no-redact"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains(SECRET), "{}", run.stdout);
    for (name, text) in &reports {
        assert!(text.contains(SECRET), "the {name} report has the secret");
    }
    assert!(reports[0].1.contains(COOKIE));
}

#[test]
fn sigint_mid_run_leaves_complete_json_junit_and_html() {
    let dir = temp_dir();
    let items: Vec<Value> = (0..8)
        .map(|i| {
            json!({
                "name": format!("slow {i}"),
                "request": { "method": "GET", "url": format!("{{{{baseUrl}}}}/delay/1?i={i}") },
                "event": test(&["pm.test('ok', function () { pm.response.to.have.status(200); });"])
            })
        })
        .collect();
    let coll = write_json(
        dir.path(),
        "c.json",
        &json!({ "info": { "name": "slow", "schema": SCHEMA }, "item": items }),
    );
    let json_path = dir.path().join("r.json");
    let xml_path = dir.path().join("r.xml");
    let html_path = dir.path().join("r.html");
    let base = format!("baseUrl={}", server().url());
    let mut child = postgate()
        .current_dir(dir.path())
        .arg("run")
        .arg(&coll)
        .args(["--env-var", &base, "--color", "off", "-j", "1"])
        .args(["-r", "cli,json,junit,html"])
        .arg("--reporter-json-export")
        .arg(&json_path)
        .arg("--reporter-junit-export")
        .arg(&xml_path)
        .arg("--reporter-html-export")
        .arg(&html_path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("postgate starts");
    std::thread::sleep(Duration::from_millis(2500));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let code = wait_exit(&mut child, Duration::from_secs(20)).expect("postgate stops after SIGINT");
    assert_ne!(code, 0, "an interrupted run fails");

    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("json report"))
            .expect("complete, valid JSON");
    assert_eq!(
        doc["run"]["interrupted"],
        json!(true),
        "{:#}",
        doc["run"]["error"]
    );
    assert!(doc["run"]["error"]["message"].is_string());
    let executions = doc["run"]["executions"]
        .as_array()
        .expect("executions")
        .len();
    assert!((1..8).contains(&executions), "{executions} executions");

    let xml = std::fs::read_to_string(&xml_path).expect("junit report");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut suites = 0;
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => {
                depth += 1;
                if e.name().as_ref() == b"testsuite" {
                    suites += 1;
                }
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("invalid XML at {}: {e}\n{xml}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "every element closed");
    assert_eq!(suites, executions, "{xml}");

    let html = std::fs::read_to_string(&html_path).expect("html report");
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("The run stopped early."));
    assert_eq!(card(&html, "executions"), executions);
}

#[test]
fn progress_draws_nothing_off_a_terminal() {
    let dir = temp_dir();
    let coll = write_json(
        dir.path(),
        "c.json",
        &json!({
            "info": { "name": "p", "schema": SCHEMA },
            "item": [{ "name": "g", "request": { "method": "GET", "url": "{{baseUrl}}/get" } }]
        }),
    );
    let run = run_in(dir.path(), &coll, &["-r", "progress"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    assert_eq!(run.stderr, "", "{run:?}");
}

#[test]
fn progress_draws_a_bar_on_a_terminal_unless_silent() {
    // util-linux `script` gives the run a pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("SKIPPED: no `script` (util-linux) to give the run a terminal");
        return;
    }
    let dir = temp_dir();
    let items: Vec<Value> = (0..3)
        .map(|i| {
            json!({
                "name": format!("step {i}"),
                "request": { "method": "GET", "url": "{{baseUrl}}/sleep-ms/400" },
                "event": test(&["pm.environment.set('x', 1);"])
            })
        })
        .collect();
    let coll = write_json(
        dir.path(),
        "c.json",
        &json!({ "info": { "name": "p", "schema": SCHEMA }, "item": items }),
    );
    let cmd = |extra: &str| {
        format!(
            "{} run {} --env-var baseUrl={} -r progress {extra}",
            env!("CARGO_BIN_EXE_postgate"),
            coll.display(),
            server().url()
        )
    };
    let typescript = |extra: &str| -> String {
        let out = Command::new("script")
            .args(["-qec", &cmd(extra), "/dev/null"])
            .env("TERM", "xterm")
            .env("COLUMNS", "100")
            .stdin(Stdio::null())
            .output()
            .expect("script runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = typescript("");
    assert!(shown.contains("/3"), "a bar with its length: {shown:?}");
    assert!(shown.contains("step"), "the current request: {shown:?}");
    let silent = typescript("--silent");
    assert!(!silent.contains("/3"), "--silent draws nothing: {silent:?}");
}

#[test]
fn html_report_counts_flaky_requests_and_draws_their_attempts() {
    let dir = temp_dir();
    let key = format!("html-flaky-{}", std::process::id());
    let coll = write_json(
        dir.path(),
        "c.json",
        &json!({
            "info": { "name": "flaky", "schema": SCHEMA },
            "item": [{
                "name": "sometimes",
                "request": { "method": "GET", "url": format!("{{{{baseUrl}}}}/flaky/{key}/2") },
                "event": test(&["pm.test('status is 200', function () { pm.response.to.have.status(200); });"])
            }]
        }),
    );
    let report = dir.path().join("flaky.html");
    let run = run_in(
        dir.path(),
        &coll,
        &[
            "-r",
            "html",
            "--reporter-html-export",
            report.to_str().unwrap(),
            "--retries",
            "3",
            "--retry-delay",
            "10ms",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let html = std::fs::read_to_string(&report).expect("the html report");
    assert_eq!(card(&html, "flaky"), 1);
    assert_eq!(card(&html, "pass"), 0);
    assert_eq!(card(&html, "failures"), 0);
    // Two failed attempts, then the passing one, on one timeline row.
    assert_eq!(html.matches("class=\"tl-bar attempt-failed\"").count(), 2);
    assert_eq!(html.matches("class=\"tl-bar flaky\"").count(), 1);
    assert!(
        html.contains("3 attempts"),
        "the summary line counts attempts"
    );
    assert!(html.contains("attempt 1: 500 Internal Server Error"));
}
