//! Unit tests of the sandbox, driving [`ScriptPool`] with synthetic jobs.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use bytes::Bytes;
use serde_json::{json, Value};

use super::*;
use crate::collection::{Listen, Script, Variable};
use crate::http::ResponseData;
use crate::vars::{Scopes, VarList};

fn pool() -> &'static ScriptPool {
    static POOL: OnceLock<ScriptPool> = OnceLock::new();
    POOL.get_or_init(|| {
        ScriptPool::new(EngineOptions {
            threads: 2,
            ..EngineOptions::default()
        })
    })
}

fn script(id: &str, exec: &str) -> Arc<Script> {
    Arc::new(Script::new(
        id.to_string(),
        exec.into(),
        "Request One".into(),
    ))
}

fn response(code: u16, status: &str, headers: &[(&str, &str)], body: &str) -> Arc<ResponseData> {
    Arc::new(ResponseData {
        code,
        status: status.into(),
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: Bytes::from(body.to_string()),
        response_time: 12.0,
        url: "https://example.com/a/b?x=1".into(),
        ..Default::default()
    })
}

fn request_json() -> Value {
    json!({
        "url": {
            "raw": "https://example.com/a/b?x=1&y=2",
            "protocol": "https",
            "host": ["example", "com"],
            "path": ["a", "b"],
            "query": [{"key": "x", "value": "1"}, {"key": "y", "value": "2"}]
        },
        "method": "POST",
        "header": [{"key": "Content-Type", "value": "application/json"}],
        "body": {"mode": "raw", "raw": "{\"a\":1}"}
    })
}

fn job(listen: Listen, scripts: &[&str]) -> ScriptJob {
    let mut scopes = Scopes::default();
    scopes.environment.set("e1", json!("ev"));
    scopes.environment.set("n", json!(5));
    scopes.globals.set("g1", json!("gv"));
    scopes.collection.set("c1", json!("cv"));
    scopes.data = VarList::from_object(json!({"d1": "dv"}).as_object().unwrap());
    ScriptJob {
        stop_on_failure: false,
        listen,
        scripts: scripts
            .iter()
            .enumerate()
            .map(|(i, s)| script(&format!("s{i}"), s))
            .collect(),
        scopes,
        request: request_json(),
        response: match listen {
            Listen::Test => Some(response(
                200,
                "OK",
                &[("Content-Type", "application/json"), ("X-Trace", "abc")],
                r#"{"a":1,"b":[1,2],"name":"postgate"}"#,
            )),
            Listen::PreRequest => None,
        },
        cookies: vec![CookieData {
            name: "sess".into(),
            value: "abc".into(),
            domain: "example.com".into(),
            path: "/".into(),
            ..Default::default()
        }],
        info: ScriptInfo {
            event_name: match listen {
                Listen::Test => "test".into(),
                Listen::PreRequest => "prerequest".into(),
            },
            iteration: 0,
            iteration_count: 1,
            request_name: "Request One".into(),
            request_id: "req-1".into(),
            collection_name: "Coll".into(),
            path: "Folder / Request One".into(),
            environment_name: None,
        },
        timeout: None,
        host: None,
    }
}

fn run(listen: Listen, scripts: &[&str]) -> ScriptOutcome {
    pool().run_blocking(job(listen, scripts))
}

fn test1(src: &str) -> ScriptOutcome {
    run(Listen::Test, &[src])
}

fn messages(out: &ScriptOutcome) -> Vec<String> {
    out.console.iter().map(|c| c.messages.join(", ")).collect()
}

fn error_of(out: &ScriptOutcome) -> JsError {
    out.runs[0].error.clone().expect("a script error")
}

#[test]
fn assertions_pass_and_fail_with_names_and_messages() {
    let out = test1(
        r#"
        pm.test('status is 200', function () { pm.response.to.have.status(200); });
        pm.test('wrong status', function () { pm.response.to.have.status(404); });
        pm.test('body value', () => { pm.expect(pm.response.json().name).to.equal('postgate'); });
        pm.test('no function');
        pm.test.skip('skipped one');
        "#,
    );
    let a = &out.runs[0].assertions;
    assert_eq!(a.len(), 5, "{a:?}");
    assert_eq!(a[0].name, "status is 200");
    assert!(a[0].error.is_none());
    assert_eq!(a[1].index, 1);
    let e = a[1].error.as_ref().unwrap();
    assert_eq!(e.name, "AssertionError");
    assert_eq!(
        e.message,
        "expected response to have status code 404 but got 200"
    );
    assert!(a[2].error.is_none(), "{:?}", a[2].error);
    assert!(a[3].error.is_none());
    assert!(a[4].skipped);
    assert!(out.runs[0].error.is_none());
}

#[test]
fn error_inside_test_fails_only_that_test() {
    let out = test1(
        r#"
        pm.test('throws', function () { var o = null; o.x; });
        pm.test('after', function () {});
        "#,
    );
    let a = &out.runs[0].assertions;
    let e = a[0].error.as_ref().unwrap();
    assert_eq!(e.name, "TypeError");
    assert_eq!(e.message, "Cannot read properties of null (reading 'x')");
    assert!(a[1].error.is_none());
    assert!(out.runs[0].error.is_none());
}

#[test]
fn error_outside_test_is_the_script_error() {
    let out = test1("pm.test('first', function(){}); foo.bar(); pm.test('never', function(){});");
    let e = error_of(&out);
    assert_eq!(e.name, "ReferenceError");
    assert_eq!(e.message, "foo is not defined");
    assert_eq!(out.runs[0].assertions.len(), 1);
}

#[test]
fn syntax_error_is_a_script_error() {
    let out = run(
        Listen::Test,
        &["var = 1;", "pm.test('second runs', function(){});"],
    );
    let e = error_of(&out);
    assert_eq!(e.name, "SyntaxError");
    assert_eq!(out.runs.len(), 2);
    assert_eq!(out.runs[1].assertions.len(), 1);
}

#[test]
fn v8_wording_for_common_mistakes() {
    let cases = [
        (
            "undefinedFn()",
            "ReferenceError",
            "undefinedFn is not defined",
        ),
        (
            "var u; u.x = 1",
            "TypeError",
            "Cannot set properties of undefined (setting 'x')",
        ),
        (
            "null.foo",
            "TypeError",
            "Cannot read properties of null (reading 'foo')",
        ),
        (
            "const c = 1; c = 2;",
            "TypeError",
            "Assignment to constant variable.",
        ),
        (
            "(function f(){ f() })()",
            "RangeError",
            "Maximum call stack size exceeded",
        ),
        (
            "Object.keys(undefined)",
            "TypeError",
            "Cannot convert undefined or null to object",
        ),
        (
            "JSON.parse('{bad')",
            "JSONError",
            "Unexpected token 'b' at 1:2\n{bad\n ^",
        ),
        (
            "pm.response.foo()",
            "TypeError",
            "pm.response.foo is not a function",
        ),
        (
            "var o = {}; o.foo()",
            "TypeError",
            "o.foo is not a function",
        ),
        (
            "pm.require('x')",
            "TypeError",
            "pm.require is not a function",
        ),
        (
            "let q = q + 1",
            "ReferenceError",
            "Cannot access 'q' before initialization",
        ),
        ("var x; x()", "TypeError", "x is not a function"),
        (
            "var arr = [1];\n  arr[0]()",
            "TypeError",
            "arr[0] is not a function",
        ),
        (
            "pm.response.json().foo()",
            "TypeError",
            "pm.response.json(...).foo is not a function",
        ),
        (
            "pm['environment']()",
            "TypeError",
            "pm.environment is not a function",
        ),
        (
            "pm.test('t', function () {\n    pm.response.json ( ).nope (1);\n});\nfoo()",
            "ReferenceError",
            "foo is not defined",
        ),
        ("var C = 1; new C()", "TypeError", "C is not a constructor"),
        (
            "'abc'.has('a')",
            "TypeError",
            "\"abc\".has is not a function",
        ),
        (
            "var x = [1].map(async function (v) { return v; });\nawait x;",
            "SyntaxError",
            "await is only valid in async functions and the top level bodies of modules",
        ),
        ("decodeURIComponent('%')", "URIError", "URI malformed"),
        (
            "var c = {}; c.c = c; JSON.stringify(c)",
            "JSONError",
            "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'c' closes the circle",
        ),
        (
            "var a = {x: {y: [1, {}]}}; a.x.y[1].back = a; JSON.stringify(a)",
            "JSONError",
            "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'x' -> object with constructor 'Object'\n    |     property 'y' -> object with constructor 'Array'\n    |     index 1 -> object with constructor 'Object'\n    --- property 'back' closes the circle",
        ),
        ("new RegExp('(')", "SyntaxError", "Invalid regular expression: /(/: Unterminated group"),
        ("new RegExp('[')", "SyntaxError", "Invalid regular expression: /[/: Unterminated character class"),
        ("RegExp('a**', 'g')", "SyntaxError", "Invalid regular expression: /a**/g: Nothing to repeat"),
        ("new RegExp('a', 'gg')", "SyntaxError", "Invalid flags supplied to RegExp constructor 'gg'"),
        ("var a = 1;\nfor (var x of a) {}", "TypeError", "a is not iterable"),
        ("var u; [...u]", "TypeError", "u is not iterable"),
        ("throw 'just a string'", "Error", ""),
        (
            "pm.test('x', function() {",
            "SyntaxError",
            "Unexpected end of input",
        ),
    ];
    for (src, name, message) in cases {
        let out = test1(src);
        let e = error_of(&out);
        assert_eq!(
            (e.name.as_str(), e.message.as_str()),
            (name, message),
            "for {src}"
        );
    }
}

#[test]
fn set_next_request_and_skip_request() {
    let out = run(
        Listen::PreRequest,
        &["postman.setNextRequest('a'); pm.execution.setNextRequest('b');"],
    );
    assert_eq!(out.next_request, Some(Some("b".into())));
    let out = run(Listen::Test, &["pm.execution.setNextRequest(null);"]);
    assert_eq!(out.next_request, Some(None));
    let out = run(Listen::Test, &["pm.test('x', function(){});"]);
    assert_eq!(out.next_request, None);

    let out = run(
        Listen::PreRequest,
        &[
            "pm.test('before', function(){}); pm.execution.skipRequest(); pm.test('after', function(){});",
            "pm.test('second script', function(){});",
        ],
    );
    assert!(out.skip_request);
    assert_eq!(out.runs.len(), 1);
    assert!(out.runs[0].error.is_none());
    assert_eq!(out.runs[0].assertions.len(), 1);

    let out = test1("pm.execution.skipRequest()");
    assert_eq!(
        error_of(&out).message,
        "pm.execution.skipRequest is not a function"
    );
    assert!(!out.skip_request);
}

#[test]
fn variables_set_unset_clear_and_precedence() {
    let out = test1(
        r#"
        pm.environment.set('num', 42);
        pm.environment.set('obj', {a: [1, 2]});
        pm.environment.unset('e1');
        pm.globals.clear();
        pm.collectionVariables.set('c2', true);
        pm.variables.set('local1', 'L');
        pm.test('reads', function () {
            pm.expect(pm.environment.get('num')).to.equal(42);
            pm.expect(pm.environment.get('e1')).to.equal(undefined);
            pm.expect(pm.variables.get('d1')).to.equal('dv');
            pm.expect(pm.variables.get('c1')).to.equal('cv');
            pm.expect(pm.variables.get('local1')).to.equal('L');
            pm.expect(pm.iterationData.get('d1')).to.equal('dv');
            pm.expect(pm.environment.has('n')).to.equal(true);
            pm.expect(pm.variables.replaceIn('{{d1}}-{{c1}}-{{missing}}')).to.equal('dv-cv-{{missing}}');
            pm.expect(pm.environment.toObject().num).to.equal(42);
        });
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    let a = &out.runs[0].assertions[0];
    assert!(a.error.is_none(), "{:?}", a.error);
    let s = &out.scopes;
    assert_eq!(s.environment.get("num"), Some(&json!(42)));
    assert_eq!(s.environment.get("obj"), Some(&json!({"a": [1, 2]})));
    assert_eq!(s.environment.get("e1"), None);
    assert_eq!(s.environment.get("n"), Some(&json!(5)));
    assert!(s.globals.vars.is_empty());
    assert_eq!(s.collection.get("c2"), Some(&json!(true)));
    assert_eq!(s.local.get("local1"), Some(&json!("L")));
    // untouched scopes come back as they were
    assert_eq!(s.data.get("d1"), Some(&json!("dv")));
}

#[test]
fn local_variables_shadow_everything_and_persist() {
    let mut j = job(
        Listen::Test,
        &["pm.test('x', () => pm.expect(pm.variables.get('e1')).to.equal('mine'));"],
    );
    j.scopes.local.set("e1", json!("mine"));
    let out = pool().run_blocking(j);
    assert!(out.runs[0].assertions[0].error.is_none());
    assert_eq!(out.scopes.local.get("e1"), Some(&json!("mine")));
}

#[test]
fn variable_types_and_disabled_entries_survive() {
    let mut j = job(
        Listen::Test,
        &["pm.environment.set('s', 7); pm.environment.unset('dup');"],
    );
    j.scopes.environment.vars.push(Variable {
        key: "s".into(),
        value: json!("x"),
        kind: "string".into(),
        disabled: false,
        undefined: false,
    });
    j.scopes.environment.vars.push(Variable {
        key: "dup".into(),
        value: json!("off"),
        kind: "default".into(),
        disabled: true,
        undefined: false,
    });
    j.scopes.environment.vars.push(Variable {
        key: "dup".into(),
        value: json!("on"),
        kind: "default".into(),
        disabled: false,
        undefined: false,
    });
    let out = pool().run_blocking(j);
    let env = &out.scopes.environment;
    // a `string` variable casts what is set into it
    assert_eq!(env.get("s"), Some(&json!("7")));
    let dup: Vec<&Variable> = env.vars.iter().filter(|v| v.key == "dup").collect();
    assert_eq!(dup.len(), 1);
    assert!(dup[0].disabled);
    assert_eq!(dup[0].kind, "default");
}

#[test]
fn request_mutation_in_prerequest_comes_back() {
    let out = run(
        Listen::PreRequest,
        &[r#"
        pm.request.headers.add({key: 'X-Added', value: '1'});
        pm.request.headers.upsert({key: 'Content-Type', value: 'text/plain'});
        pm.request.url.query.add({key: 'z', value: '3'});
        pm.request.body.raw = 'changed';
        pm.request.method = 'PUT';
        pm.test('url', () => pm.expect(pm.request.url.toString()).to.equal('https://example.com/a/b?x=1&y=2&z=3'));
        "#],
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert!(
        out.runs[0].assertions[0].error.is_none(),
        "{:?}",
        out.runs[0].assertions[0].error
    );
    let req = out.request.expect("the request changed");
    assert_eq!(req["method"], "PUT");
    assert_eq!(req["url"]["raw"], "https://example.com/a/b?x=1&y=2&z=3");
    assert_eq!(req["body"]["raw"], "changed");
    let headers = req["header"].as_array().unwrap();
    assert!(headers
        .iter()
        .any(|h| h["key"] == "X-Added" && h["value"] == "1"));
    assert!(headers
        .iter()
        .any(|h| h["key"] == "Content-Type" && h["value"] == "text/plain"));

    let out = run(
        Listen::PreRequest,
        &["pm.request.url.toString(); pm.request.headers.get('a');"],
    );
    assert!(
        out.request.is_none(),
        "reading the request does not change it"
    );
}

#[test]
fn request_and_response_api() {
    let out = test1(
        r#"
        var r = pm.response;
        var q = pm.request;
        console.log(r.code, r.status, r.reason(), r.headers.get('content-type'), r.headers.has('X-TRACE'),
            r.responseTime, r.responseSize, r.size().body, r.text().length, r.json().b.length);
        console.log(q.method, q.url.getHost(), q.url.getPath(), q.url.getQueryString(), q.url.query.get('y'),
            q.headers.get('content-type'), q.body.mode, q.body.toString(), q.url.protocol);
        console.log(pm.info.eventName, pm.info.iteration, pm.info.requestName, pm.info.requestId,
            pm.execution.location, pm.execution.location.current);
        console.log(pm.cookies.get('sess'), pm.cookies.has('nope'), r.headers.toObject());
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert_eq!(
        messages(&out),
        vec![
            "200, 'OK', 'OK', 'application/json', true, 12, 35, 35, 35, 2",
            "'POST', 'example.com', '/a/b', 'x=1&y=2', '2', 'application/json', 'raw', '{\"a\":1}', 'https'",
            "'test', 0, 'Request One', 'req-1', [ 'Coll', 'Folder', 'Request One' ], 'Request One'",
            "'abc', false, {\n  'content-type': 'application/json',\n  'x-trace': 'abc'\n}",
        ]
    );
}

#[test]
fn legacy_tests_and_postman_functions() {
    let out = test1(
        r#"
        tests['legacy ok'] = responseCode.code === 200;
        tests['legacy fail'] = false;
        pm.test('modern', function () {});
        postman.setEnvironmentVariable('fromLegacy', 12);
        postman.setGlobalVariable('g2', 'x');
        postman.clearGlobalVariable('g1');
        tests['header'] = postman.getResponseHeader('x-TRACE') === 'abc';
        tests['body'] = JSON.parse(responseBody).a === 1;
        tests['env'] = environment.e1 === 'ev' && globals.g1 === undefined && globals.g2 === 'x' && data.d1 === 'dv';
        tests['iteration'] = iteration === 0 && request.method === 'POST' && request.url.indexOf('example') > 0;
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    let a = &out.runs[0].assertions;
    let names: Vec<(&str, usize, bool)> = a
        .iter()
        .map(|a| (a.name.as_str(), a.index, a.error.is_none()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("modern", 0, true),
            ("legacy ok", 1, true),
            ("legacy fail", 2, false),
            ("header", 3, true),
            ("body", 4, true),
            ("env", 5, true),
            ("iteration", 6, true),
        ]
    );
    let fail = a[2].error.as_ref().unwrap();
    assert_eq!(fail.name, "AssertionError");
    assert_eq!(fail.message, "expected false to be truthy");
    assert_eq!(out.scopes.environment.get("fromLegacy"), Some(&json!("12")));
    assert_eq!(out.scopes.globals.get("g2"), Some(&json!("x")));
    assert_eq!(out.scopes.globals.get("g1"), None);
    let warnings: Vec<String> = out
        .console
        .iter()
        .filter(|c| c.level == ConsoleLevel::Warn)
        .map(|c| c.messages.join(""))
        .collect();
    assert_eq!(
        warnings,
        vec![
            "'Using \"responseCode\" is deprecated. Use \"pm.response.code\" instead.'",
            "'Using \"tests\" is deprecated. Use \"pm.test()\" instead.'",
            "'Using \"postman.setNextRequest\" is deprecated. Use \"pm.execution.setNextRequest()\" instead.'",
            "'Using \"environment\" is deprecated. Use \"pm.environment\" instead.'",
            "'Using \"globals\" is deprecated. Use \"pm.globals\" instead.'",
            "'Using \"data\" is deprecated. Use \"pm.iterationData\" instead.'",
            "'Using \"request\" is deprecated. Use \"pm.request\" instead.'",
        ]
    );
}

#[test]
fn sandbox2_marker_disables_legacy_globals() {
    let out = test1(
        "\"use sandbox2\";\npm.test('t', () => pm.expect(typeof tests).to.equal('undefined'));",
    );
    assert!(
        out.runs[0].assertions[0].error.is_none(),
        "{:?}",
        out.runs[0].assertions[0].error
    );
    assert!(out.console.is_empty());
}

#[test]
fn console_capture_renders_like_node_inspect() {
    let out = test1(
        r#"
        console.log('text', 1, {a: 1, b: 'x'}, [1, 2], undefined, null, function foo(){}, new Date(0), /re/g, NaN);
        console.info({'a-b': 1, 'c': undefined, 3: null});
        console.warn([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]);
        var circ = {a: 1}; circ.self = circ;
        console.error(circ, new Error('boom'), "it's", 'x'.repeat(50) + '\nyy');
        console.debug(new Map([['a', 1]]), new Set([1, 2]), -0, [[1,[2,[3,[4]]]]]);
        console.log();
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    let levels: Vec<ConsoleLevel> = out.console.iter().map(|c| c.level).collect();
    assert_eq!(
        levels,
        vec![
            ConsoleLevel::Log,
            ConsoleLevel::Info,
            ConsoleLevel::Warn,
            ConsoleLevel::Error,
            ConsoleLevel::Debug,
            ConsoleLevel::Log
        ]
    );
    let m = messages(&out);
    assert_eq!(
        m[0],
        "'text', 1, { a: 1, b: 'x' }, [ 1, 2 ], undefined, null, '[Function: foo]', 1970-01-01T00:00:00.000Z, /re/g, NaN"
    );
    assert_eq!(m[1], "{\n  '3': null,\n  'a-b': 1,\n  c: undefined\n}");
    assert_eq!(
        m[2],
        "[\n   1,  2,  3,  4,  5,  6,  7,  8,  9,\n  10, 11, 12, 13, 14, 15, 16, 17, 18,\n  19, 20, 21, 22, 23, 24, 25, 26, 27,\n  28, 29, 30\n]"
    );
    assert_eq!(
        m[3],
        "<ref *1> {\n  a: 1,\n  self: [Circular *1]\n}, {\n  type: 'Error',\n  name: 'Error',\n  message: 'boom'\n}, \"it's\", 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\n' +\n  'yy'"
    );
    assert_eq!(
        m[4],
        "Map(1) { 'a' => 1 }, Set(2) { 1, 2 }, 0, [\n  [\n    1,\n    [ 2, [ 3, [ 4 ] ] ]\n  ]\n]"
    );
    assert_eq!(m[5], "");
    assert_eq!(out.console[0].script_index, 0);
}

#[test]
fn console_entries_know_their_position() {
    let out = run(
        Listen::Test,
        &[
            "pm.test('a', function(){}); console.log('one');",
            "console.log('two');",
        ],
    );
    assert_eq!(out.console[0].script_index, 0);
    assert_eq!(out.console[0].after_assertions, 1);
    assert_eq!(out.console[1].script_index, 1);
    assert_eq!(out.console[1].after_assertions, 0);
}

#[test]
fn require_of_a_missing_module() {
    let out = test1("require('no-such-module-here')");
    let e = error_of(&out);
    assert_eq!(e.name, "Error");
    assert_eq!(e.message, "Cannot find module 'no-such-module-here'");
}

#[test]
fn require_loads_packages_from_module_dirs_only() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("node_modules").join("greet");
    std::fs::create_dir_all(pkg.join("lib")).unwrap();
    std::fs::write(
        pkg.join("package.json"),
        r#"{"name":"greet","main":"lib/main.js"}"#,
    )
    .unwrap();
    std::fs::write(
        pkg.join("lib/main.js"),
        "var data = require('./data.json'); module.exports = function (n) { return data.greeting + ', ' + n; };",
    )
    .unwrap();
    std::fs::write(pkg.join("lib/data.json"), r#"{"greeting":"hello"}"#).unwrap();
    std::fs::write(dir.path().join("secret.js"), "module.exports = 'secret';").unwrap();
    let pool = ScriptPool::new(EngineOptions {
        threads: 1,
        module_dirs: vec![dir.path().join("node_modules")],
        ..EngineOptions::default()
    });
    let out = pool.run_blocking(job(
        Listen::Test,
        &["console.log(require('greet')('you'));
          try { require('../secret'); } catch (e) { console.log(e.message); }
          try { require('/etc/passwd'); } catch (e) { console.log(e.message); }"],
    ));
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert_eq!(
        messages(&out),
        vec![
            "'hello, you'",
            "\"Cannot find module '../secret'\"",
            "\"Cannot find module '/etc/passwd'\""
        ]
    );
}

#[test]
fn nothing_host_reaching_is_visible() {
    let out = test1(
        r#"
        var g = Function('return this')();
        console.log(typeof g.process, typeof globalThis, typeof process, typeof g.std, typeof g.os,
            typeof g.native, typeof require('fs').readFileSync, typeof g.pm);
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert_eq!(
        messages(&out),
        vec!["'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'object'"]
    );
}

#[test]
fn declarations_are_local_to_a_script_run() {
    let out = run(
        Listen::Test,
        &[
            "var declared = 1; let l = 2; const c = 3; function f() {} undeclaredGlobal = 4;",
            "console.log(typeof declared, typeof l, typeof c, typeof f, typeof undeclaredGlobal);",
        ],
    );
    assert_eq!(
        messages(&out),
        vec!["'undefined', 'undefined', 'undefined', 'undefined', 'number'"]
    );
}

#[test]
fn endless_loop_is_stopped_by_the_timeout_and_the_pool_recovers() {
    let pool = ScriptPool::new(EngineOptions {
        threads: 1,
        ..EngineOptions::default()
    });
    let mut j = job(
        Listen::Test,
        &[
            "pm.test('before', function(){}); console.log('start'); while (true) {}",
            "pm.test('next script', function(){});",
        ],
    );
    j.timeout = Some(Duration::from_millis(200));
    let started = Instant::now();
    let out = pool.run_blocking(j);
    assert!(started.elapsed() < Duration::from_secs(5));
    let e = error_of(&out);
    assert_eq!(e.name, "Error");
    assert_eq!(e.message, "sandbox: synchronous script execution timeout");
    assert_eq!(out.runs[0].assertions.len(), 1);
    assert_eq!(messages(&out), vec!["'start'"]);
    // the next script of the phase still runs, as in Newman
    assert_eq!(out.runs[1].assertions.len(), 1);

    let mut j = job(
        Listen::Test,
        &["setTimeout(function () { console.log('late'); }, 10000);"],
    );
    j.timeout = Some(Duration::from_millis(200));
    let out = pool.run_blocking(j);
    assert_eq!(
        error_of(&out).message,
        "sandbox: asynchronous script execution timeout"
    );

    let out = pool.run_blocking(job(Listen::Test, &["pm.test('works', function () {});"]));
    assert!(out.runs[0].error.is_none());
    assert_eq!(out.runs[0].assertions.len(), 1);
}

#[test]
fn memory_exhaustion_is_contained() {
    let pool = ScriptPool::new(EngineOptions {
        threads: 1,
        memory_limit: 128 * 1024 * 1024,
        ..EngineOptions::default()
    });
    let out = pool.run_blocking(job(
        Listen::Test,
        &["var a = []; while (true) { a.push('x'.repeat(1024) + a.length); }"],
    ));
    let e = error_of(&out);
    assert!(e.message.contains("out of memory"), "{e:?}");
    let out = pool.run_blocking(job(
        Listen::Test,
        &["(function () { var a = []; while (true) { a.push('x'.repeat(1024) + a.length); } })();"],
    ));
    let e = error_of(&out);
    assert!(e.message.contains("out of memory"), "{e:?}");
    // exhausted inside a test, where QuickJS may throw null: still memory
    let out = pool.run_blocking(job(
        Listen::Test,
        &["pm.test('grows', function () { var a = []; while (true) { a.push('x'.repeat(1024) + a.length); } });"],
    ));
    let a = &out.runs[0].assertions;
    assert!(
        out.runs[0]
            .error
            .as_ref()
            .is_some_and(|e| e.message.contains("out of memory"))
            || a.first()
                .and_then(|a| a.error.as_ref())
                .is_some_and(|e| e.message.contains("out of memory")),
        "{out:?}"
    );
    let out = pool.run_blocking(job(Listen::Test, &["pm.test('works', function () {});"]));
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
}

#[test]
fn timers_promises_and_async_tests() {
    let out = test1(
        r#"
        setTimeout(function () { console.log('timer'); }, 5);
        Promise.resolve(1).then(function () { console.log('promise'); });
        pm.test('async', function (done) {
            setTimeout(function () { done(new Error('nope')); }, 1);
        });
        pm.test('async ok', function (done) { setTimeout(done, 1); });
        setTimeout(function () { throw new TypeError('late failure'); }, 2);
        console.log('sync');
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    let a = &out.runs[0].assertions;
    assert_eq!(a.len(), 2);
    let failed = a.iter().find(|a| a.name == "async").unwrap();
    assert_eq!(failed.index, 0);
    assert!(failed.error.is_some());
    assert!(a
        .iter()
        .find(|a| a.name == "async ok")
        .unwrap()
        .error
        .is_none());
    let m = messages(&out);
    assert_eq!(m[0], "'sync'");
    assert_eq!(m[1], "'promise'");
    assert!(m.contains(&"'timer'".to_string()));
    assert!(m.contains(&"TypeError: late failure".to_string()));
}

struct MockHost {
    seen: Mutex<Vec<Value>>,
}

impl ScriptHost for MockHost {
    fn send_request(&self, request: Value) -> Result<Arc<ResponseData>, String> {
        let url = request["url"]["raw"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        self.seen.lock().unwrap().push(request);
        if url.contains("fail") {
            return Err("getaddrinfo ENOTFOUND fail.example".into());
        }
        Ok(response(
            201,
            "Created",
            &[("Content-Type", "application/json")],
            r#"{"token":"t0k"}"#,
        ))
    }
}

#[test]
fn send_request_through_the_host() {
    let host = Arc::new(MockHost {
        seen: Mutex::new(Vec::new()),
    });
    let mut j = job(
        Listen::PreRequest,
        &[r#"
        pm.sendRequest('https://auth.example/token', function (err, res) {
            pm.environment.set('token', res.json().token);
            console.log(err, res.code, res.status, res.headers.get('content-type'));
            pm.sendRequest({url: 'https://fail.example/x', method: 'POST', header: {'X-A': '1'},
                body: {mode: 'raw', raw: 'hi'}}, function (err, res) {
                console.log(err.message, res.code);
            });
        });
        console.log('queued');
        "#],
    );
    j.host = Some(host.clone());
    let out = pool().run_blocking(j);
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert_eq!(
        messages(&out),
        vec![
            "'queued'",
            "null, 201, 'Created', 'application/json'",
            "undefined, undefined"
        ]
    );
    assert_eq!(out.scopes.environment.get("token"), Some(&json!("t0k")));
    let seen = host.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1]["method"], "POST");
    assert_eq!(seen[1]["header"][0]["key"], "X-A");
    assert_eq!(seen[1]["body"]["raw"], "hi");
}

#[test]
fn cookie_jar_without_host_support_reports_an_error() {
    let out = test1(
        r#"
        pm.cookies.jar().get('https://example.com', 'sess', function (err, value) {
            console.log(err.message, value);
        });
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert_eq!(
        messages(&out),
        vec!["'cookie jar is not available', undefined"]
    );
}

#[test]
fn visualizer_and_dynamic_variables() {
    let out = test1(
        r#"
        pm.visualizer.set('<b>{{x}}</b>', {x: 1});
        var g = pm.variables.replaceIn('{{$guid}}');
        pm.test('guid', () => pm.expect(/^[0-9a-f-]{36}$/.test(g)).to.be.true);
        "#,
    );
    assert!(
        out.runs[0].assertions[0].error.is_none(),
        "{:?}",
        out.runs[0].assertions
    );
    assert_eq!(out.visualizer.unwrap()["template"], "<b>{{x}}</b>");
}

#[test]
fn json_errors_read_like_liquid_json() {
    let cases = [
        ("<html>\n<body>", "Unexpected token '<' at 1:1\n<html>\n^"),
        ("", "No data, empty input at 1:1\n\n^"),
        (
            "{\"a\":1,}",
            "Trailing comma in object at 1:8\n{\"a\":1,}\n       ^",
        ),
        ("[1,2", "Unexpected end of input at 1:5\n[1,2\n    ^"),
        (
            "{\"a\":",
            "No value found for key a at 1:6\n{\"a\":\n     ^",
        ),
        (
            "  \n  {\"a\": tru}",
            "Unexpected token 't' at 2:9\n  {\"a\": tru}\n        ^",
        ),
        ("1e", "Bad numeric literal - \"1e\" at 1:3\n1e\n  ^"),
    ];
    for (text, message) in cases {
        let check = format!(
            "try {{ JSON.parse({}); }} catch (e) {{ pm.test('m', () => {{ pm.expect(e.name).to.equal('JSONError'); pm.expect(e.message).to.equal({}); }}); }}",
            serde_json::to_string(text).unwrap(),
            serde_json::to_string(message).unwrap()
        );
        let out = test1(&check);
        assert!(
            out.runs[0].assertions[0].error.is_none(),
            "for {text:?}: {:?}",
            out.runs[0].assertions[0].error
        );
    }
}

/// Per-phase cost of a typical test script: 3 assertions over a 2 KB JSON
/// body. Run with `cargo test --release -p postgate --lib
/// script::tests::measure_per_job_cost -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure_per_job_cost() {
    let mut body = String::from("{\"items\":[");
    for i in 0..30 {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&format!(
            "{{\"id\":{i},\"name\":\"item number {i}\",\"tags\":[\"a\",\"b\"],\"ok\":true}}"
        ));
    }
    body.push_str("],\"name\":\"postgate\"}");
    assert!(body.len() > 1800, "{}", body.len());
    let src = r#"
        pm.test('status', function () { pm.response.to.have.status(200); });
        pm.test('json', function () { var j = pm.response.json(); pm.expect(j.name).to.equal('postgate'); });
        pm.test('header', function () { pm.expect(pm.response.headers.get('Content-Type')).to.include('json'); });
        pm.environment.set('last', pm.response.json().items.length);
    "#;
    let mut engine = quickjs::QuickJsEngine::new(Arc::new(EngineOptions::default()));
    let make = || {
        let mut j = job(Listen::Test, &[src]);
        j.response = Some(response(
            200,
            "OK",
            &[("Content-Type", "application/json")],
            &body,
        ));
        j
    };
    for _ in 0..200 {
        let out = engine.run(make());
        assert!(out.runs[0].assertions.iter().all(|a| a.error.is_none()));
    }
    let n: u32 = 5000;
    let jobs: Vec<ScriptJob> = (0..n).map(|_| make()).collect();
    let cpu = thread_cpu_ns();
    let started = Instant::now();
    for j in jobs {
        let _ = engine.run(j);
    }
    let per = started.elapsed() / n;
    let on_cpu = thread_cpu_ns().map(|end| (end - cpu.unwrap_or(end)) / u64::from(n));
    println!("per test phase: on-CPU {on_cpu:?} ns, wall {per:?}");

    // The floor on this machine right now: a bare QuickJS context parsing
    // the same body once per iteration.
    let rt = rquickjs::Runtime::new().unwrap();
    let ctx = rquickjs::Context::full(&rt).unwrap();
    ctx.with(|ctx| {
        let f: rquickjs::Function = ctx
            .eval("(function (b) { var j = JSON.parse(b); return j.name === 'postgate'; })")
            .unwrap();
        let b = rquickjs::String::from_str(ctx.clone(), &body).unwrap();
        let cpu = thread_cpu_ns();
        for _ in 0..n {
            let _: bool = f.call((b.clone(),)).unwrap();
        }
        let on_cpu = thread_cpu_ns().map(|end| (end - cpu.unwrap_or(end)) / u64::from(n));
        println!("bare JSON.parse of the body: on-CPU {on_cpu:?} ns");
    });

    let pool = ScriptPool::new(EngineOptions {
        threads: 2,
        ..EngineOptions::default()
    });
    let started = Instant::now();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    rt.block_on(async {
        let mut handles = Vec::new();
        for _ in 0..n {
            let pool = pool.clone();
            let j = make();
            handles.push(tokio::spawn(async move { pool.run(j).await }));
        }
        for h in handles {
            let _ = h.await;
        }
    });
    let secs = started.elapsed().as_secs_f64();
    println!("pool of 2: {:.0} phases/s", n as f64 / secs);
}

/// Where a phase's time goes: the same job with scripts of growing weight.
/// `cargo test --release -p postgate --lib script::tests::measure_breakdown
/// -- --ignored --nocapture`; `MEASURE_ONLY=<name>` runs one variant for
/// longer, `MEASURE_ITEMS=<n>` sets the size of the JSON body (30 items).
#[test]
#[ignore]
fn measure_breakdown() {
    let body: String = format!(
        "{{\"items\":[{}],\"name\":\"postgate\"}}",
        (0..std::env::var("MEASURE_ITEMS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(30))
            .map(|i| format!(
                "{{\"id\":{i},\"name\":\"item number {i}\",\"tags\":[\"a\",\"b\"],\"ok\":true}}"
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    let variants = [
        ("no scripts", vec![]),
        ("empty script", vec![""]),
        ("pm.response.code", vec!["pm.response.code"]),
        ("to.have.status", vec!["pm.test('s', function () { pm.response.to.have.status(200); });"]),
        ("json()", vec!["pm.response.json()"]),
        ("pm.test empty", vec!["pm.test('x', function () {});"]),
        ("3x pm.test empty", vec!["pm.test('x', function () {}); pm.test('y', function () {}); pm.test('z', function () {});"]),
        ("expect equal", vec!["pm.test('x', function () { pm.expect(1).to.equal(1); });"]),
        ("headers.get", vec!["pm.response.headers.get('Content-Type')"]),
        (
            "w1",
            vec![
                "pm.test('status is 200', function () { pm.response.to.have.status(200); });
pm.test('json content type', function () { pm.expect(pm.response.headers.get('Content-Type')).to.include('application/json'); });
pm.test('echoes the index', function () { pm.expect(pm.response.json().items).to.have.property('length'); });",
            ],
        ),
        ("pm", vec!["pm"]),
        ("pm.response", vec!["pm.response"]),
        ("pm.response x2", vec!["pm.response; pm.response"]),
        ("status bare", vec!["pm.response.to.have.status(200)"]),
        ("status bare x2", vec!["pm.response.to.have.status(200); pm.response.to.have.status(200)"]),
        ("expect include", vec!["pm.expect('application/json; charset=utf-8').to.include('application/json')"]),
        ("expect include x2", vec!["pm.expect('application/json; charset=utf-8').to.include('application/json'); pm.expect('application/json; charset=utf-8').to.include('application/json')"]),
        ("json property", vec!["pm.expect(pm.response.json().items).to.have.property('length')"]),
        ("json only", vec!["pm.response.json()"]),
        ("text only", vec!["pm.response.text()"]),
        ("env.set", vec!["pm.environment.set('a', 1)"]),
        ("console.log", vec!["console.log('x', {a: 1})"]),
        (
            "typical",
            vec![
                "pm.test('status', function () { pm.response.to.have.status(200); });
                 pm.test('json', function () { pm.expect(pm.response.json().name).to.equal('postgate'); });
                 pm.test('header', function () { pm.expect(pm.response.headers.get('Content-Type')).to.include('json'); });
                 pm.environment.set('last', pm.response.json().items.length);",
            ],
        ),
    ];
    let mut engine = quickjs::QuickJsEngine::new(Arc::new(EngineOptions::default()));
    let only = std::env::var("MEASURE_ONLY").ok();
    for (name, scripts) in variants {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let make = || {
            let mut j = job(Listen::Test, &scripts);
            j.response = Some(response(
                200,
                "OK",
                &[("Content-Type", "application/json")],
                &body,
            ));
            j
        };
        for _ in 0..300 {
            engine.run(make());
        }
        let n: u32 = if only.is_some() { 30000 } else { 3000 };
        let jobs: Vec<ScriptJob> = (0..n).map(|_| make()).collect();
        let cpu = thread_cpu_ns();
        let started = Instant::now();
        for j in jobs {
            let _ = engine.run(j);
        }
        let wall = started.elapsed() / n;
        let on_cpu = thread_cpu_ns().map(|end| (end - cpu.unwrap_or(end)) / u64::from(n));
        println!("{name:>20}: on-CPU {:?} ns, wall {wall:?}", on_cpu);
    }
}

/// Time this thread spent on a CPU (Linux), so that the measurement holds
/// on a busy machine.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

#[test]
fn newman_shapes_of_odd_values() {
    let out = test1(
        r#"
        pm.test('string thrown', function () { throw 'a plain string'; });
        pm.test('object thrown', function () { throw {name: 'Custom', message: 'an object'}; });
        pm.test('done with a string', function (done) { done('nope'); });
        pm.environment.set('fn', function () { return 1; });
        pm.environment.set('after', 'kept');
        console.log(typeof Buffer, Buffer.from('hi').toString('base64'), pm.response.stream.toString());
        console.log(pm.response.contentInfo(), pm.response.dataURI().slice(0, 38), pm.response.cookies.count());
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    let a = &out.runs[0].assertions;
    let e0 = a[0].error.as_ref().unwrap();
    assert_eq!(
        (e0.name.as_str(), e0.message.as_str()),
        ("AssertionError", "string thrown")
    );
    let e1 = a[1].error.as_ref().unwrap();
    assert_eq!(
        (e1.name.as_str(), e1.message.as_str()),
        ("Custom", "an object")
    );
    let e2 = a[2].error.as_ref().unwrap();
    assert_eq!(
        (e2.name.as_str(), e2.message.as_str()),
        ("AssertionError", "done with a string")
    );
    assert_eq!(out.scopes.environment.get("fn"), Some(&Value::Null));
    assert_eq!(out.scopes.environment.get("after"), Some(&json!("kept")));
    let m = messages(&out);
    assert_eq!(
        m[0],
        "'function', 'aGk=', '{\"a\":1,\"b\":[1,2],\"name\":\"postgate\"}'"
    );
    assert_eq!(
        m[1],
        "{\n  contentType: 'application/json',\n  mimeType: 'text',\n  mimeFormat: 'json',\n  charset: 'utf8',\n  fileExtension: 'json',\n  fileName: 'response.json'\n}, 'data:application/json;base64, eyJhIjox', 0"
    );
}

#[test]
fn test_scripts_see_an_empty_response_after_a_request_error() {
    let mut j = job(
        Listen::Test,
        &["console.log(typeof pm.response, pm.response.code, responseBody);"],
    );
    j.response = None;
    let out = pool().run_blocking(j);
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert_eq!(messages(&out), vec!["'object', undefined, undefined"]);
}

#[test]
fn whole_parts_of_the_request_can_be_replaced() {
    let out = run(
        Listen::PreRequest,
        &["pm.request.url = 'http://other.example:8080/p?q=1'; pm.request.body = {mode: 'raw', raw: 'new'};"],
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    let req = out.request.expect("changed");
    assert_eq!(req["url"]["raw"], "http://other.example:8080/p?q=1");
    assert_eq!(req["url"]["port"], "8080");
    assert_eq!(req["body"]["raw"], "new");
}

#[test]
fn auth_changes_come_back_with_the_request() {
    let mut j = job(
        Listen::PreRequest,
        &["pm.request.auth.update([{key: 'token', value: 'changed'}], 'bearer');"],
    );
    j.request["auth"] =
        json!({"type": "bearer", "bearer": [{"type": "any", "key": "token", "value": "original"}]});
    let out = pool().run_blocking(j);
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    let req = out.request.expect("changed");
    assert_eq!(req["auth"]["type"], "bearer");
    assert_eq!(req["auth"]["bearer"][0]["key"], "token");
    assert_eq!(req["auth"]["bearer"][0]["value"], "changed");
}

#[test]
fn send_request_errors_carry_node_codes() {
    let host = Arc::new(MockHost {
        seen: Mutex::new(Vec::new()),
    });
    let mut j = job(
        Listen::Test,
        &["pm.sendRequest('https://fail.example/', function (err, res) {
             console.log(err.code, err.syscall, err.hostname, err.message, JSON.stringify(err), res.code);
          });"],
    );
    j.host = Some(host);
    let out = pool().run_blocking(j);
    assert_eq!(
        messages(&out),
        vec!["'ENOTFOUND', 'getaddrinfo', 'fail.example', undefined, '{\"errno\":-3008,\"code\":\"ENOTFOUND\",\"syscall\":\"getaddrinfo\",\"hostname\":\"fail.example\"}', undefined"]
    );
}

#[test]
fn regexp_stays_a_regexp() {
    let out = test1(
        "var r = new RegExp('a+', 'g'); console.log(r instanceof RegExp, /x/ instanceof RegExp, /x/.constructor === RegExp, r.test('caa'), 'baab'.replace(new RegExp('a', 'g'), 'o'), Object.prototype.toString.call(r));",
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert_eq!(
        messages(&out),
        vec!["true, true, true, true, 'boob', '[object RegExp]'"]
    );
}

#[test]
fn a_use_strict_directive_still_applies() {
    let out = test1("'use strict';\nundeclaredInStrictMode = 1;");
    let e = error_of(&out);
    assert_eq!(e.name, "ReferenceError");
    assert_eq!(e.message, "undeclaredInStrictMode is not defined");
}

#[test]
fn response_and_request_look_like_the_sdk_objects() {
    let out = test1(
        r#"
        var j = pm.response.json(); j.name = 'changed';
        console.log(pm.response.json().name);
        console.log(Object.getOwnPropertyNames(pm.response).filter(function (k) { return k !== 'id'; }).join());
        console.log(Object.getOwnPropertyNames(pm.request).join(), pm.response.constructor.name);
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    assert_eq!(
        messages(&out),
        vec![
            "'postgate'",
            "'_details,status,code,headers,stream,cookies,responseTime,responseSize,to'",
            "'url,headers,method,body,to', 'PostmanResponse'"
        ]
    );
}

/// `throw null` used to be reported as `InternalError: out of memory` (the
/// engine throws null itself when memory runs out).
#[test]
fn throw_null_is_not_out_of_memory() {
    let out = test1(
        r#"
        pm.test('null', function () { throw null; });
        pm.test('undefined', function () { throw undefined; });
        pm.test('text', function () { throw 'text'; });
        pm.test('empty object', function () { throw {}; });
        pm.test('empty Error', function () { throw new Error(); });
        pm.test('empty message', function () { throw {message: ''}; });
        pm.test('name only', function () { throw {name: 'N'}; });
        pm.test('empty name', function () { throw {name: '', message: 'm'}; });
        pm.test('function', function () { throw function named() {}; });
        "#,
    );
    assert!(out.runs[0].error.is_none(), "{:?}", out.runs[0].error);
    let got: Vec<(String, String)> = out.runs[0]
        .assertions
        .iter()
        .map(|a| {
            let e = a.error.clone().expect("a failed assertion");
            (e.name, e.message)
        })
        .collect();
    let want = [
        ("AssertionError", "null"),
        ("AssertionError", "undefined"),
        ("AssertionError", "text"),
        ("AssertionError", "empty object"),
        ("Error", ""),
        ("AssertionError", ""),
        ("N", "name only"),
        ("", "m"),
        ("AssertionError", "function"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(n, m)| (n.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// At the top level Newman loses a thrown null, undefined or function (no
/// script error), and keeps no value of other primitives.
#[test]
fn top_level_throw_of_non_errors_as_newman() {
    for src in ["throw null;", "throw undefined;", "throw function f() {};"] {
        let out = test1(&format!("pm.test('before', function () {{}}); {src}"));
        assert!(
            out.runs[0].error.is_none(),
            "{src}: {:?}",
            out.runs[0].error
        );
        assert_eq!(out.runs[0].assertions.len(), 1, "{src}");
    }
    for src in ["throw 'text';", "throw 42;", "throw {};"] {
        let e = error_of(&test1(src));
        assert_eq!(
            (e.name.as_str(), e.message.as_str()),
            ("Error", ""),
            "{src}"
        );
    }
}

#[test]
fn environment_name_comes_from_the_environment_file() {
    let mut j = job(
        Listen::Test,
        &["console.log(String(pm.environment.name), Object.keys(pm.info).length);"],
    );
    j.info.environment_name = Some("Staging".into());
    let out = pool().run_blocking(j);
    assert_eq!(messages(&out), vec!["'Staging', 0"]);
    let out = test1("console.log(String(pm.environment.name));");
    assert_eq!(messages(&out), vec!["'undefined'"]);
}

#[test]
fn inline_jobs_run_in_place_and_start_workers_only_for_send_request() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let pool = ScriptPool::new(EngineOptions {
        inline: true,
        ..EngineOptions::default()
    });
    rt.block_on(async {
        // state persists in the engine between jobs, as on a worker
        let first = pool
            .run(job(
                Listen::Test,
                &["pm.test('in place', function () { pm.expect(1).to.equal(1); });"],
            ))
            .await;
        assert_eq!(first.runs[0].assertions[0].error, None);
        assert!(!pool.workers_started());
        let sends = pool
            .run(job(
                Listen::Test,
                &["typeof pm.sendRequest === 'function' || x;"],
            ))
            .await;
        assert!(sends.runs[0].error.is_none(), "{:?}", sends.runs[0].error);
        assert!(pool.workers_started());
    });
}

/// The bytecode build.rs embedded is what this process's QuickJS makes of
/// the same sources: the build and the run use one QuickJS, and a change to
/// the JS cannot leave stale bytecode behind.
#[test]
fn built_bytecode_is_what_this_quickjs_compiles() {
    use rquickjs::{Context, Runtime};
    let rt = Runtime::new().unwrap();
    let cx = Context::full(&rt).unwrap();
    let mut parts: Vec<(String, String, String, bytecode::Kind)> = bytecode::PRELUDE_PARTS
        .iter()
        .filter_map(|name| {
            bytecode::prelude_source(name).map(|s| {
                (
                    name.to_string(),
                    s,
                    name.to_string(),
                    bytecode::Kind::Prelude,
                )
            })
        })
        .collect();
    for (key, src) in bytecode::LIBRARIES {
        parts.push((
            bytecode::library_key(key),
            src.to_string(),
            bytecode::library_file(key),
            bytecode::Kind::Library,
        ));
    }
    assert_eq!(parts.len(), 12, "four prelude parts and eight libraries");
    cx.with(|ctx| {
        for (key, src, file, kind) in &parts {
            let built = built_bytecode(key)
                .unwrap_or_else(|| panic!("the build embedded no bytecode for {key}"));
            let here = bytecode::compile(&ctx, src, file, *kind)
                .unwrap_or_else(|()| panic!("{key} does not compile"));
            assert!(
                built == here.as_slice(),
                "{key}: the embedded bytecode differs"
            );
        }
    });
}
