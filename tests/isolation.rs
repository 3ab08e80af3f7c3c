//! Script isolation: collections whose scripts try to get out of the
//! sandbox (constructors and prototypes, host modules, files, environment
//! variables, sockets), to block it (busy loops, endless promise chains and
//! timers, catastrophic regular expressions) or to exhaust it (memory,
//! stack, console output). Each attempt is contained: the script fails with
//! an error recorded against its request, or its own assertions show that
//! nothing of the host was reached; the run always goes on to the next
//! request (`after`). File bodies cannot read outside `--working-dir` with
//! `--no-insecure-file-read`.

use serde_json::{json, Value};

use crate::faults::{after_item, item, run_items, run_items_env, run_items_in, Report};
use crate::support::*;

/// The console boxes of CLI output, each unwrapped to one line.
fn console_text(stdout: &str) -> String {
    let mut out = String::new();
    for line in stdout.lines() {
        match line.strip_prefix("  │ ") {
            Some(text) => out.push_str(text),
            None if line.starts_with("  └") => out.push('\n'),
            None => {}
        }
    }
    out
}

/// An item whose test script is `script`.
fn scripted(name: &str, script: &str) -> Value {
    item(name, "{{baseUrl}}/get", "", script)
}

/// Every assertion of `name` passed, and there was at least one.
#[track_caller]
fn assert_contained(report: &Report, name: &str) {
    let a = report.assertions(name);
    assert!(
        !a.is_empty() && a.iter().all(|(_, ok)| *ok),
        "{name}: {a:?}\n{:?}",
        report.run
    );
    assert_eq!(report.script_error(name, "test"), None, "{name}");
}

/// `name`'s `listen` script failed with `expected` (name: message), and the
/// failure is reported against that request.
#[track_caller]
fn assert_script_error(report: &Report, name: &str, listen: &str, expected: &str) {
    assert_eq!(
        report.script_error(name, listen).as_deref(),
        Some(expected),
        "{name}: {:?}",
        report.run
    );
    let at = format!("{listen}-script");
    let (error_name, message) = expected.split_once(": ").unwrap_or(("", expected));
    assert!(
        report
            .failures(name)
            .iter()
            .any(|(a, n, m)| *a == at && n == error_name && m == message),
        "{name}: {:?}",
        report.failures(name)
    );
    assert!(
        report.run.stdout.contains(&format!("inside \"{name}\"")),
        "{name}: {:?}",
        report.run
    );
}

#[test]
fn constructors_and_prototypes_reach_only_the_sandbox_global() {
    let items = vec![
        scripted(
            "constructor-chain",
            // Uncaught: the classic escape finds no `process` here.
            "this.constructor.constructor('return process')().exit(1);",
        ),
        scripted(
            "function-this",
            // (`Buffer` is the sandbox's own, as in Newman's sandbox.)
            "var g = Function('return this')();\n\
             var host = ['process', 'global', 'std', 'os', 'scriptArgs', 'print', 'Deno', 'Bun',\n\
                         'fetch', 'XMLHttpRequest', 'WebSocket', 'module', 'exports', '__dirname', '__filename'];\n\
             pm.test('the global is the sandbox', function () { pm.expect(g).to.equal(this); pm.expect(g.postman).to.be.an('object'); });\n\
             pm.test('no host objects on it', function () {\n\
                 pm.expect(host.filter(function (k) { return typeof g[k] !== 'undefined'; })).to.eql([]);\n\
             });",
        ),
        scripted(
            "prototype-walk",
            // From every object the API hands out, up every prototype, to
            // its constructor's Function constructor: each one builds
            // functions in the sandbox, never in a host context.
            "var G = Function('return this')(), seen = 0, escaped = [];\n\
             [pm, pm.response, pm.request, pm.environment, pm.cookies, console, require, postman, JSON, Math, pm.expect(1)]\n\
             .forEach(function (start) {\n\
                 for (var o = start; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {\n\
                     seen++;\n\
                     var F = o.constructor && o.constructor.constructor;\n\
                     if (typeof F !== 'function') { continue; }\n\
                     var g = F('return this')();\n\
                     if (g !== G || F('return typeof process')() !== 'undefined') { escaped.push(String(o)); }\n\
                 }\n\
             });\n\
             pm.test('prototypes walked', function () { pm.expect(seen).to.be.above(20); });\n\
             pm.test('no constructor leads out', function () { pm.expect(escaped).to.eql([]); });",
        ),
        scripted(
            "proto-tricks",
            "var G = Function('return this')();\n\
             var viaProto = ({}).__proto__.constructor.constructor('return this')();\n\
             var viaSet = {}; viaSet.__proto__ = Function.prototype;\n\
             var asyncF = (async function () {}).constructor('return typeof process');\n\
             var genF = (function* () {}).constructor('return typeof require');\n\
             pm.test('__proto__ gives the sandbox global', function () { pm.expect(viaProto).to.equal(G); });\n\
             pm.test('async and generator constructors too', function () {\n\
                 pm.expect(typeof asyncF).to.equal('function');\n\
                 pm.expect(genF().next().value).to.equal('function');\n\
             });\n\
             Object.prototype.polluted = 'yes';\n\
             pm.test('pollution stays in the sandbox', function () { pm.expect(({}).polluted).to.equal('yes'); });",
        ),
        scripted(
            "native helpers",
            // The crypto, XML, schema and CSV natives are reachable from a
            // script; called with hostile arguments, each one returns or
            // throws a JS error (a panic would show as `sandbox: internal
            // error`, an abort would end the run).
            "var n = Function('return this')().__pg_native, odd = [];\n\
             var argSets = [[], [undefined], [null, null, null, null, null], [1e15, 1e15, 1e15, 1e15, 1e15],\n\
                 [-1, -1, -1, -1, -1], [NaN, Infinity, -Infinity], ['x'.repeat(100000), {}, [], 'sha256'],\n\
                 [new ArrayBuffer(8), new Uint8Array(4), 'aes', 'cbc', 5], [{ length: 1e12 }],\n\
                 ['sha256', 'x', 'hex'], ['md5', new Uint8Array(0), new Uint8Array(0), 4294967295, 4294967295],\n\
                 ['<a><b><c>'.repeat(20000)], ['a,\"b\\n'.repeat(1000)], [{ type: 'object' }, '{']];\n\
             Object.getOwnPropertyNames(n).forEach(function (name) {\n\
                 if (name === 'load') { return; }\n\
                 argSets.forEach(function (args, i) {\n\
                     try { n[name].apply(null, args); }\n\
                     catch (e) { if (!/^(TypeError|RangeError|Error|SyntaxError)$/.test(e.name) || /internal/.test(e.message)) { odd.push(name + '#' + i + ': ' + e); } }\n\
                 });\n\
             });\n\
             pm.test('every native returns or throws a JS error', function () { pm.expect(odd).to.eql([]); });",
        ),
        after_item(),
    ];
    let report = run_items("prototypes", items, &[]);
    assert_eq!(report.run.code, 1, "{:?}", report.run);
    assert_script_error(
        &report,
        "constructor-chain",
        "test",
        "ReferenceError: process is not defined",
    );
    for name in [
        "function-this",
        "prototype-walk",
        "proto-tricks",
        "native helpers",
    ] {
        assert_contained(&report, name);
    }
    report.assert_went_on();
}

#[test]
fn host_modules_are_not_found_and_fs_is_an_empty_stub() {
    let mut items: Vec<Value> = [
        "child_process",
        "net",
        "http",
        "worker_threads",
        "/etc/passwd",
        "../../../../../../etc/passwd",
    ]
    .iter()
    .map(|m| scripted(&format!("require {m}"), &format!("require({m:?});")))
    .collect();
    items.push(scripted(
        "fs stub and import()",
        "var fs = require('fs');\n\
         pm.test('fs has nothing in it', function () { pm.expect(Object.keys(fs)).to.eql([]); });\n\
         var results = [];\n\
         ['fs', 'std', 'os', '/etc/passwd'].forEach(function (m) {\n\
             import(m).then(function () { results.push(m + ' loaded'); }, function (e) { results.push(m + ' refused'); });\n\
         });\n\
         setTimeout(function () {\n\
             pm.test('import() loads nothing', function () {\n\
                 pm.expect(results.sort()).to.eql(['/etc/passwd refused', 'fs refused', 'os refused', 'std refused']);\n\
             });\n\
         }, 10);",
    ));
    items.push(after_item());
    let report = run_items("modules", items, &[]);
    assert_eq!(report.run.code, 1, "{:?}", report.run);
    for m in [
        "child_process",
        "net",
        "http",
        "worker_threads",
        "/etc/passwd",
        "../../../../../../etc/passwd",
    ] {
        assert_script_error(
            &report,
            &format!("require {m}"),
            "test",
            &format!("Error: Cannot find module '{m}'"),
        );
    }
    assert_contained(&report, "fs stub and import()");
    report.assert_went_on();
}

#[test]
fn no_process_environment_files_or_sockets() {
    const CANARY: &str = "canary-5f0c2e61";
    let items = vec![
        scripted("process.env", "process.env.POSTGATE_CANARY;"),
        scripted(
            "environment guesses",
            "var text = JSON.stringify([pm.environment.toObject(), pm.globals.toObject(),\n\
                 pm.collectionVariables.toObject(), pm.variables.toObject(),\n\
                 pm.variables.replaceIn('{{POSTGATE_CANARY}} {{$env}} {{env.POSTGATE_CANARY}}')]);\n\
             pm.test('no environment variable of the host', function () { pm.expect(text).to.not.include('canary-'); });",
        ),
        scripted(
            "sockets",
            "pm.test('no socket APIs', function () {\n\
                 pm.expect([typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof net, typeof tls])\n\
                     .to.eql(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);\n\
             });",
        ),
        scripted(
            "sendRequest to a file",
            "pm.sendRequest('file:///etc/passwd', function (err, res) {\n\
                 pm.test('file URLs are refused', function () {\n\
                     pm.expect(err && err.message).to.equal('Invalid URI \"file:///etc/passwd\"');\n\
                     pm.expect(String(res && res.text && res.text())).to.not.include('root:');\n\
                 });\n\
             });",
        ),
        item("file URL as a request", "file:///etc/passwd", "", ""),
        after_item(),
    ];
    // The canary is in the runner's environment: nothing may show it.
    let report = run_items_env(
        temp_dir(),
        "host",
        items,
        &[],
        &[("POSTGATE_CANARY", CANARY)],
    );
    assert_eq!(report.run.code, 1, "{:?}", report.run);
    assert_script_error(
        &report,
        "process.env",
        "test",
        "ReferenceError: process is not defined",
    );
    for name in ["environment guesses", "sockets", "sendRequest to a file"] {
        assert_contained(&report, name);
    }
    assert_eq!(
        report.request_error("file URL as a request").as_deref(),
        Some("Invalid URI \"file:///etc/passwd\"")
    );
    let json = report.json.to_string();
    assert!(!json.contains(CANARY), "the canary leaked into the report");
    assert!(!report.run.stdout.contains(CANARY), "{:?}", report.run);
    report.assert_went_on();
}

#[test]
fn blocking_scripts_are_stopped_by_timeout_script() {
    let items = vec![
        item("busy loop", "{{baseUrl}}/get", "while (true) {}", ""),
        scripted("catastrophic regex", "/(a+)+$/.test('a'.repeat(40) + 'b');"),
        scripted(
            "endless promise chain",
            "(async function () { for (;;) { await null; } })();",
        ),
        scripted("endless interval", "setInterval(function () {}, 1);"),
        scripted("distant timer", "setTimeout(function () {}, 1e9);"),
        after_item(),
    ];
    let report = run_items("blocking", items, &["--timeout-script", "1000"]);
    assert_eq!(report.run.code, 1, "{:?}", report.run);
    let sync = "Error: sandbox: synchronous script execution timeout";
    let not_sync = "Error: sandbox: asynchronous script execution timeout";
    assert_script_error(&report, "busy loop", "prerequest", sync);
    // The request of a failed pre-request script is still sent (Newman).
    assert_eq!(report.response_code("busy loop"), Some(200));
    assert_script_error(&report, "catastrophic regex", "test", sync);
    assert_script_error(&report, "endless promise chain", "test", not_sync);
    assert_script_error(&report, "endless interval", "test", not_sync);
    assert_script_error(&report, "distant timer", "test", not_sync);
    report.assert_went_on();
    assert!(
        report.elapsed < std::time::Duration::from_secs(60),
        "took {:?}",
        report.elapsed
    );
}

#[test]
fn memory_and_stack_exhaustion_are_script_errors() {
    let items = vec![
        scripted(
            "array growth",
            "var a = []; for (;;) { a.push(new Array(1e6).fill(1)); }",
        ),
        scripted(
            "string doubling",
            "var s = 'x'; for (;;) { s = s + s; }",
        ),
        scripted("recursion", "function f() { return f() + 1; } f();"),
        scripted("deep JSON", "JSON.parse('['.repeat(1e6));"),
        scripted(
            "after exhaustion",
            "pm.test('a fresh sandbox works', function () { pm.expect([1, 2, 3].map(function (x) { return x * 2; })).to.eql([2, 4, 6]); });",
        ),
        after_item(),
    ];
    let report = run_items("exhaustion", items, &[]);
    assert_eq!(report.run.code, 1, "{:?}", report.run);
    assert_script_error(
        &report,
        "array growth",
        "test",
        "InternalError: out of memory",
    );
    assert_script_error(
        &report,
        "string doubling",
        "test",
        "InternalError: string too long",
    );
    assert_script_error(
        &report,
        "recursion",
        "test",
        "RangeError: Maximum call stack size exceeded",
    );
    assert_script_error(
        &report,
        "deep JSON",
        "test",
        "RangeError: Maximum call stack size exceeded",
    );
    assert_contained(&report, "after exhaustion");
    report.assert_went_on();
}

#[test]
fn huge_console_output_is_printed_and_the_run_goes_on() {
    let items = vec![
        scripted(
            "one huge line",
            "console.log('y'.repeat(2 * 1024 * 1024)); console.log('after the huge line');",
        ),
        scripted(
            "many lines",
            "for (var i = 0; i < 20000; i++) { console.log('line ' + i); }",
        ),
        after_item(),
    ];
    let report = run_items("console", items, &[]);
    assert_eq!(report.run.code, 0, "{:?}", report.run.stderr);
    let out = &report.run.stdout;
    assert!(
        out.matches('y').count() >= 2 * 1024 * 1024,
        "the huge line is printed whole"
    );
    let console = console_text(out);
    assert!(console.contains("after the huge line"));
    assert!(console.contains("'line 19999'"));
    report.assert_went_on();
}

/// A form-data upload of `src` and a file body of `src`, each echoed by
/// `/post`; the tests check whether the file arrived.
fn upload_items(name: &str, src: &str, expect_sent: bool) -> Vec<Value> {
    let (form_check, body_check) = if expect_sent {
        (
            "pm.test('the file was sent', function () { pm.expect(Object.keys(pm.response.json().files)).to.have.length(1); });",
            "pm.test('the file was sent', function () { pm.expect(pm.response.text()).to.include('TOP SECRET'); });",
        )
    } else {
        (
            "pm.test('the file was not sent', function () {\n\
                 pm.expect(pm.response.json().files).to.eql({});\n\
                 pm.expect(pm.response.json().form.keep).to.equal('yes');\n\
             });",
            "pm.test('the file was not sent', function () { pm.expect(pm.response.text()).to.not.include('TOP SECRET'); });",
        )
    };
    let form = json!({
        "name": format!("{name} (form-data)"),
        "request": {
            "method": "POST",
            "url": "{{baseUrl}}/post",
            "body": {"mode": "formdata", "formdata": [
                {"key": "keep", "value": "yes", "type": "text"},
                {"key": "doc", "type": "file", "src": src}
            ]}
        },
        "event": [{"listen": "test", "script": {"exec": form_check.lines().collect::<Vec<_>>()}}]
    });
    let file = json!({
        "name": format!("{name} (file body)"),
        "request": {
            "method": "POST",
            "url": "{{baseUrl}}/post",
            "body": {"mode": "file", "file": {"src": src}}
        },
        "event": [{"listen": "test", "script": {"exec": [body_check]}}]
    });
    vec![form, file]
}

/// `<tmp>/work` (the working directory, with `inside.txt` and a symlink
/// `link.txt` to the secret) and `<tmp>/secret.txt` beside it.
fn files_dir() -> (tempfile::TempDir, String, String) {
    let dir = temp_dir();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).expect("mkdir");
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOP SECRET: do not upload\n").expect("write");
    std::fs::write(work.join("inside.txt"), "TOP SECRET but inside\n").expect("write");
    std::os::unix::fs::symlink(&secret, work.join("link.txt")).expect("symlink");
    (
        dir,
        work.to_string_lossy().into_owned(),
        secret.to_string_lossy().into_owned(),
    )
}

#[test]
fn files_outside_the_working_dir_are_refused_with_no_insecure_file_read() {
    let (dir, work, secret) = files_dir();
    let mut items = Vec::new();
    items.extend(upload_items("inside", "inside.txt", true));
    items.extend(upload_items("parent", "../secret.txt", false));
    items.extend(upload_items("absolute", &secret, false));
    items.push(after_item());
    let report = run_items_in(
        dir,
        "files",
        items,
        &["--working-dir", &work, "--no-insecure-file-read"],
    );
    for name in ["inside", "parent", "absolute"] {
        for kind in ["form-data", "file body"] {
            assert_contained(&report, &format!("{name} ({kind})"));
        }
    }
    let pperm = "PPERM: insecure file access outside working directory";
    let console = console_text(&report.run.stdout);
    for warning in [
        format!("Form param `doc`, file load error: {pperm}"),
        format!("Binary file load error: {pperm}"),
    ] {
        // parent and absolute: two of each
        assert_eq!(console.matches(&warning).count(), 2, "{console}");
    }
    assert_eq!(report.run.code, 0, "{:?}", report.run);
    report.assert_went_on();
}

#[test]
fn symlinks_in_the_working_dir_cannot_lead_outside_with_no_insecure_file_read() {
    // Newman checks the path text only and would send the secret here.
    let (dir, work, _) = files_dir();
    let mut items = upload_items("symlink", "link.txt", false);
    items.push(after_item());
    let report = run_items_in(
        dir,
        "symlinks",
        items,
        &["--working-dir", &work, "--no-insecure-file-read"],
    );
    assert_contained(&report, "symlink (form-data)");
    assert_contained(&report, "symlink (file body)");
    let console = console_text(&report.run.stdout);
    assert!(
        console.contains("Form param `doc`, file load error: PPERM: insecure file access outside working directory"),
        "{console}"
    );
    report.assert_went_on();
}

#[test]
fn without_no_insecure_file_read_outside_files_are_read_as_in_newman() {
    let (dir, work, _) = files_dir();
    let mut items = upload_items("parent", "../secret.txt", true);
    items.push(after_item());
    let report = run_items_in(dir, "files-open", items, &["--working-dir", &work]);
    assert_contained(&report, "parent (form-data)");
    assert_contained(&report, "parent (file body)");
    report.assert_went_on();
}
