//! The QuickJS engine behind [`ScriptPool`](super::ScriptPool): one runtime
//! and context per worker thread, the prelude (chai, the native libraries,
//! the `pm` API) loaded into each new context from the bytecode the build
//! embedded (see `script/bytecode.rs`), user scripts compiled once per
//! worker and cached.
//!
//! Per job the engine makes one call into JS to swap the job's state in
//! (`begin`, taking JSON strings that are parsed lazily), one call per
//! script (`run`), a small event loop for callbacks (`step`), and one call
//! to read everything back as a JSON string (`end`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use rquickjs::context::EvalOptions;
use rquickjs::function::Args;
use rquickjs::{ArrayBuffer, Context, Ctx, Function, Object, Persistent, Runtime, Value};
use serde::Deserialize;

use super::alloc::LimitedAllocator;
use super::engine::{failed_outcome, panic_message, Engine, EngineOptions};
use super::{
    bytecode, libs, Assertion, ConsoleEntry, ConsoleLevel, JsError, ScriptHost, ScriptJob,
    ScriptOutcome, ScriptRun,
};
use crate::collection::{Listen, Variable};
use crate::http::ResponseData;
use crate::vars::VarList;

/// A minimal `expect` used only by unit tests while the real chai files are
/// still empty placeholders; a no-op once they define `__pg_chai`.
#[cfg(test)]
const TEST_CHAI_STANDIN: &str = include_str!("js/test_chai_standin.js");

/// Scripts starting with one of these run without the legacy globals.
const SANDBOX2_MARKERS: &[&str] = &["\"use sandbox2\";", "'use sandbox2';"];

/// Distinct compiled scripts kept per worker before the cache is emptied.
/// Keyed by source, so the scripts a collection repeats on every request
/// (inherited folder scripts, generated suites) are compiled once whatever
/// the number of items; a suite of all-different scripts compiles each one
/// as it comes and holds at most this many.
const SCRIPT_CACHE_LIMIT: usize = 256;

// ---------------------------------------------------------------------------
// Prelude bytecode: the build's, or compiled once per process.

enum PreludePart {
    /// Embedded by the build, or compiled by this process.
    Bytecode(&'static str, std::borrow::Cow<'static, [u8]>),
    /// `libs::install(&ctx)`: native library functions, before libs' JS.
    InstallLibs,
}

static PRELUDE: OnceLock<Result<Vec<PreludePart>, String>> = OnceLock::new();

fn prelude_parts() -> Vec<&'static str> {
    #[allow(unused_mut)]
    let mut parts = bytecode::PRELUDE_PARTS.to_vec();
    #[cfg(test)]
    {
        // before the library table, as the chai parts
        let at = parts
            .iter()
            .position(|p| *p == bytecode::INSTALL_LIBS)
            .unwrap_or(0);
        parts.insert(at, "test_chai_standin.js");
    }
    parts
}

fn prelude_source(name: &str) -> Option<String> {
    #[cfg(test)]
    if name == "test_chai_standin.js" {
        return Some(TEST_CHAI_STANDIN.to_string());
    }
    bytecode::prelude_source(name)
}

/// The prelude as bytecode: the build's where it has it, the rest compiled
/// here (in a context made only if needed).
fn compile_prelude() -> Result<Vec<PreludePart>, String> {
    let mut compiler: Option<(Runtime, Context)> = None;
    let mut out = Vec::new();
    for name in prelude_parts() {
        if name == bytecode::INSTALL_LIBS {
            out.push(PreludePart::InstallLibs);
            continue;
        }
        if let Some(bytes) = super::built_bytecode(name) {
            out.push(PreludePart::Bytecode(name, bytes.into()));
            continue;
        }
        let src = prelude_source(name).ok_or_else(|| format!("no prelude part named {name}"))?;
        let (_, cx) = match &mut compiler {
            Some(c) => c,
            slot @ None => {
                let rt = Runtime::new().map_err(|e| format!("creating a runtime: {e}"))?;
                let cx = Context::full(&rt).map_err(|e| format!("creating a context: {e}"))?;
                slot.insert((rt, cx))
            }
        };
        let bytes = cx
            .with(|ctx| {
                bytecode::compile(&ctx, &src, name, bytecode::Kind::Prelude)
                    .map_err(|()| describe_exception(&ctx, ctx.catch()))
            })
            .map_err(|e| format!("compiling the prelude ({name}): {e}"))?;
        out.push(PreludePart::Bytecode(name, bytes.into()));
    }
    Ok(out)
}

/// Load and run bytecode made by [`bytecode::compile`]; returns the
/// script's completion value.
fn run_bytecode<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>, String> {
    bytecode::run(ctx, bytes).map_err(|()| describe_exception(ctx, ctx.catch()))
}

fn describe_exception(_ctx: &Ctx<'_>, exc: Value<'_>) -> String {
    let err = js_error_from_value(&exc);
    match err.stack {
        Some(stack) if !stack.is_empty() => format!("{}: {}\n{}", err.name, err.message, stack),
        _ => format!("{}: {}", err.name, err.message),
    }
}

fn js_error_from_value(exc: &Value<'_>) -> JsError {
    if let Some(obj) = exc.as_object() {
        let name: Option<String> = obj.get("name").ok();
        let message: Option<String> = obj.get("message").ok();
        let stack: Option<String> = obj.get("stack").ok();
        JsError {
            name: name.unwrap_or_else(|| "Error".into()),
            message: message.unwrap_or_default(),
            stack,
        }
    } else {
        let message = exc
            .as_string()
            .and_then(|s| s.to_string().ok())
            .unwrap_or_else(|| format!("{exc:?}"));
        JsError {
            name: "Error".into(),
            message,
            stack: None,
        }
    }
}

// ---------------------------------------------------------------------------
// State the native functions share with the engine.

struct Shared {
    /// The allocator refused an allocation (the heap limit was reached)
    /// since the current script started.
    refused: Arc<AtomicBool>,
    deadline: Cell<Option<Instant>>,
    interrupted: Cell<bool>,
    /// Response bodies scripts may read: 0 is `pm.response`, the rest are
    /// `pm.sendRequest` responses of the current job.
    bodies: RefCell<Vec<Option<Arc<ResponseData>>>>,
    host: RefCell<Option<Arc<dyn ScriptHost>>>,
    module_dirs: Vec<PathBuf>,
}

impl Shared {
    fn body(&self, id: usize) -> Option<Arc<ResponseData>> {
        self.bodies.borrow().get(id).cloned().flatten()
    }
}

struct Hooks {
    begin: Persistent<Function<'static>>,
    run: Persistent<Function<'static>>,
    failed: Persistent<Function<'static>>,
    step: Persistent<Function<'static>>,
    timed_out: Persistent<Function<'static>>,
    abort: Persistent<Function<'static>>,
    settle: Persistent<Function<'static>>,
    end: Persistent<Function<'static>>,
}

type CachedScript = Result<Persistent<Function<'static>>, JsError>;

/// One runtime and its context. Field order is drop order: every
/// `Persistent` must go before the context and the runtime.
struct Worker {
    hooks: Hooks,
    /// Compiled scripts by phase (pre-request, test: the file name in
    /// stack traces differs) and source text.
    scripts: [HashMap<Arc<str>, CachedScript>; 2],
    context: Context,
    _runtime: Runtime,
    shared: Rc<Shared>,
    /// Set after an interruption or memory exhaustion: build a new worker
    /// before the next job.
    poisoned: bool,
}

impl Worker {
    fn new(opts: &EngineOptions, module_dirs: &[PathBuf]) -> Result<Worker, String> {
        let parts = PRELUDE
            .get_or_init(compile_prelude)
            .as_ref()
            .map_err(|e| e.clone())?;
        // the heap limit is the allocator's, which records refusals
        let refused = Arc::new(AtomicBool::new(false));
        let runtime =
            Runtime::new_with_alloc(LimitedAllocator::new(opts.memory_limit, refused.clone()))
                .map_err(|e| format!("creating a runtime: {e}"))?;
        runtime.set_max_stack_size(opts.stack_limit);
        let shared = Rc::new(Shared {
            refused,
            deadline: Cell::new(None),
            interrupted: Cell::new(false),
            bodies: RefCell::new(Vec::new()),
            host: RefCell::new(None),
            module_dirs: module_dirs.to_vec(),
        });
        let watch = shared.clone();
        runtime.set_interrupt_handler(Some(Box::new(move || match watch.deadline.get() {
            Some(deadline) if Instant::now() >= deadline => {
                watch.interrupted.set(true);
                true
            }
            _ => false,
        })));
        let context = Context::full(&runtime).map_err(|e| format!("creating a context: {e}"))?;
        let hooks = context.with(|ctx| -> Result<Hooks, String> {
            let mut pm_factory = None;
            for part in parts {
                match part {
                    PreludePart::InstallLibs => libs::install(&ctx).map_err(|e| {
                        format!("installing native libraries: {}", describe_rq(&ctx, e))
                    })?,
                    PreludePart::Bytecode(name, bytes) => {
                        let value = run_bytecode(&ctx, bytes)
                            .map_err(|e| format!("loading {name}: {e}"))?;
                        if *name == "pm.js" {
                            pm_factory = Some(value);
                        }
                    }
                }
            }
            let factory: Function = pm_factory
                .and_then(|v| v.into_function())
                .ok_or_else(|| "the pm prelude did not produce a function".to_string())?;
            let native = native_object(&ctx, &shared).map_err(|e| describe_rq(&ctx, e))?;
            let api: Object = factory
                .call((native,))
                .map_err(|e| format!("starting the pm prelude: {}", describe_rq(&ctx, e)))?;
            let hook = |name: &str| -> Result<Persistent<Function<'static>>, String> {
                let f: Function = api.get(name).map_err(|e| describe_rq(&ctx, e))?;
                Ok(Persistent::save(&ctx, f))
            };
            Ok(Hooks {
                begin: hook("begin")?,
                run: hook("run")?,
                failed: hook("failed")?,
                step: hook("step")?,
                timed_out: hook("timedOut")?,
                abort: hook("abort")?,
                settle: hook("settle")?,
                end: hook("end")?,
            })
        })?;
        Ok(Worker {
            hooks,
            scripts: [HashMap::new(), HashMap::new()],
            context,
            _runtime: runtime,
            shared,
            poisoned: false,
        })
    }
}

/// Text of an rquickjs error, taking the pending JS exception if any.
fn describe_rq(ctx: &Ctx<'_>, e: rquickjs::Error) -> String {
    if matches!(e, rquickjs::Error::Exception) {
        describe_exception(ctx, ctx.catch())
    } else {
        e.to_string()
    }
}

// ---------------------------------------------------------------------------
// Native functions: the only ways a script reaches the host.

fn native_object<'js>(ctx: &Ctx<'js>, shared: &Rc<Shared>) -> rquickjs::Result<Object<'js>> {
    let native = Object::new(ctx.clone())?;

    native.set(
        "dyn",
        Function::new(ctx.clone(), |name: String| {
            crate::vars::dynamic::generate(&name)
        })?,
    )?;

    let s = shared.clone();
    native.set(
        "body",
        Function::new(ctx.clone(), move |id: usize| -> String {
            s.body(id).map(|r| decode_body(&r)).unwrap_or_default()
        })?,
    )?;

    let s = shared.clone();
    native.set(
        "bodyBytes",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: usize| {
            let bytes = s.body(id).map(|r| r.body.to_vec()).unwrap_or_default();
            ArrayBuffer::new(ctx, bytes)
        })?,
    )?;

    let s = shared.clone();
    native.set(
        "bodyBase64",
        Function::new(ctx.clone(), move |id: usize| -> String {
            use base64::Engine as _;
            s.body(id)
                .map(|r| base64::engine::general_purpose::STANDARD.encode(&r.body))
                .unwrap_or_default()
        })?,
    )?;

    native.set(
        "base64",
        Function::new(ctx.clone(), |text: String| -> String {
            use base64::Engine as _;
            base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
        })?,
    )?;

    let s = shared.clone();
    native.set(
        "send",
        Function::new(ctx.clone(), move |request: String| -> String {
            native_send(&s, &request)
        })?,
    )?;

    // QuickJS throws null when memory ran out even for the error object; a
    // script may throw null too. The allocator's flag tells them apart.
    let s = shared.clone();
    native.set(
        "outOfMemory",
        Function::new(ctx.clone(), move || -> bool {
            s.refused.swap(false, Ordering::Relaxed)
        })?,
    )?;

    let s = shared.clone();
    native.set(
        "jar",
        Function::new(ctx.clone(), move |op: String, args: String| -> String {
            native_jar(&s, &op, &args)
        })?,
    )?;

    let dirs: Vec<String> = shared
        .module_dirs
        .iter()
        .map(|d| d.to_string_lossy().replace('\\', "/"))
        .collect();
    let dirs_json = serde_json::to_string(&dirs).unwrap_or_else(|_| "[]".into());
    native.set(
        "moduleDirs",
        Function::new(ctx.clone(), move || dirs_json.clone())?,
    )?;

    let s = shared.clone();
    native.set(
        "modStat",
        Function::new(ctx.clone(), move |path: String| -> i32 {
            match allowed_module_path(&s.module_dirs, &path) {
                Some(p) if p.is_file() => 1,
                Some(p) if p.is_dir() => 2,
                _ => 0,
            }
        })?,
    )?;

    let s = shared.clone();
    native.set(
        "modRead",
        Function::new(ctx.clone(), move |path: String| -> Option<String> {
            let p = allowed_module_path(&s.module_dirs, &path)?;
            if !p.is_file() {
                return None;
            }
            std::fs::read(&p)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        })?,
    )?;

    Ok(native)
}

/// `path` resolved (symlinks included) if it lies inside one of the module
/// directories; `None` otherwise.
fn allowed_module_path(dirs: &[PathBuf], path: &str) -> Option<PathBuf> {
    if dirs.is_empty() || path.is_empty() {
        return None;
    }
    let real = Path::new(path).canonicalize().ok()?;
    dirs.iter().any(|d| real.starts_with(d)).then_some(real)
}

/// Decode a body as text the way the SDK does: by the Content-Type charset,
/// UTF-8 otherwise; a byte order mark is kept as U+FEFF.
fn decode_body(res: &ResponseData) -> String {
    let charset = res.header("content-type").and_then(|ct| {
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches('"').to_string())
        })
    });
    if let Some(label) = charset {
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            if enc != encoding_rs::UTF_8 {
                let (text, _) = enc.decode_without_bom_handling(&res.body);
                return text.into_owned();
            }
        }
    }
    String::from_utf8_lossy(&res.body).into_owned()
}

fn native_send(shared: &Shared, request: &str) -> String {
    let host = shared.host.borrow().clone();
    let Some(host) = host else {
        return serde_json::json!({"error": "pm.sendRequest is not available"}).to_string();
    };
    let request: serde_json::Value = match serde_json::from_str(request) {
        Ok(v) => v,
        Err(e) => return serde_json::json!({ "error": format!("sendrequest: {e}") }).to_string(),
    };
    // The host call blocks; the script deadline keeps running meanwhile.
    match host.send_request(request) {
        Ok(response) => {
            let id = {
                let mut bodies = shared.bodies.borrow_mut();
                bodies.push(Some(response.clone()));
                bodies.len() - 1
            };
            let mut meta = String::with_capacity(256);
            meta.push_str("{\"response\":");
            response_meta_json(&response, id, &mut meta);
            meta.push_str(",\"cookies\":");
            meta.push_str(
                &serde_json::to_string(&response.cookies).unwrap_or_else(|_| "[]".into()),
            );
            meta.push('}');
            meta
        }
        Err(message) => {
            host.request_failed(&message);
            serde_json::json!({ "error": message }).to_string()
        }
    }
}

fn native_jar(shared: &Shared, op: &str, args: &str) -> String {
    let host = shared.host.borrow().clone();
    let args: serde_json::Value = serde_json::from_str(args).unwrap_or(serde_json::Value::Null);
    let result = match host {
        Some(host) => host.cookie_jar(op, args),
        None => Err(super::COOKIE_JAR_UNAVAILABLE.to_string()),
    };
    match result {
        Ok(v) => serde_json::json!({ "result": v }).to_string(),
        Err(e) => serde_json::json!({ "error": e }).to_string(),
    }
}

/// `{code, status, header: [[k, v]…], responseTime, responseSize, cookie, bodyRef}`.
fn response_meta_json(res: &ResponseData, body_ref: usize, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{{\"code\":{},\"status\":", res.code);
    push_json_str(out, &res.status);
    out.push_str(",\"header\":[");
    for (i, (k, v)) in res.headers.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        push_json_str(out, k);
        out.push(',');
        push_json_str(out, v);
        out.push(']');
    }
    out.push_str("],\"responseTime\":");
    push_json_number(out, res.response_time);
    let _ = write!(
        out,
        ",\"responseSize\":{},\"bodyRef\":{},\"cookie\":",
        res.body.len(),
        body_ref
    );
    out.push_str(&serde_json::to_string(&res.cookies).unwrap_or_else(|_| "[]".into()));
    out.push('}');
}

fn push_json_str(out: &mut String, s: &str) {
    // serde_json's escaping, written straight into the buffer
    let _ = serde_json::to_writer(unsafe { out.as_mut_vec() }, s);
}

fn push_json_number(out: &mut String, n: f64) {
    if n.is_finite() {
        out.push_str(
            &serde_json::Number::from_f64(n)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "0".into()),
        );
    } else {
        out.push('0');
    }
}

fn varlist_json(list: &VarList) -> String {
    let mut out = String::with_capacity(list.vars.len() * 48 + 2);
    out.push('[');
    for (i, v) in list.vars.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"key\":");
        push_json_str(&mut out, &v.key);
        // no `value` at all: the script sees `undefined`
        if !v.undefined {
            out.push_str(",\"value\":");
            let _ = serde_json::to_writer(unsafe { out.as_mut_vec() }, &v.value);
        }
        out.push_str(",\"type\":");
        push_json_str(&mut out, &v.kind);
        if v.disabled {
            out.push_str(",\"disabled\":true");
        }
        out.push('}');
    }
    out.push(']');
    out
}

fn info_json(job: &ScriptJob) -> String {
    use std::fmt::Write;
    let i = &job.info;
    let mut out = String::with_capacity(128 + i.path.len() + i.request_name.len());
    let _ = write!(
        out,
        "{{\"iteration\":{},\"iterationCount\":{},\"requestName\":",
        i.iteration, i.iteration_count
    );
    push_json_str(&mut out, &i.request_name);
    out.push_str(",\"requestId\":");
    push_json_str(&mut out, &i.request_id);
    out.push_str(",\"collectionName\":");
    push_json_str(&mut out, &i.collection_name);
    out.push_str(",\"path\":");
    push_json_str(&mut out, &i.path);
    if let Some(name) = &i.environment_name {
        out.push_str(",\"environmentName\":");
        push_json_str(&mut out, name);
    }
    out.push('}');
    out
}

// ---------------------------------------------------------------------------
// What `end()` returns.

#[derive(Deserialize)]
struct RawOutcome {
    runs: Vec<RawRun>,
    scopes: RawScopes,
    console: Vec<RawConsole>,
    #[serde(rename = "asyncErrors")]
    async_errors: Vec<RawAsyncError>,
    skip: bool,
    #[serde(rename = "nextKind")]
    next_kind: Option<String>,
    next: Option<String>,
    request: Option<serde_json::Value>,
    visualizer: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct RawRun {
    assertions: Vec<RawAssertion>,
    error: Option<RawError>,
}

#[derive(Deserialize)]
struct RawAssertion {
    name: String,
    index: usize,
    skipped: bool,
    error: Option<RawError>,
}

#[derive(Deserialize)]
struct RawError {
    name: String,
    message: String,
    stack: Option<String>,
}

#[derive(Deserialize)]
struct RawAsyncError {
    error: RawError,
    script: usize,
    after: usize,
}

#[derive(Deserialize, Default)]
struct RawScopes {
    globals: Option<Vec<RawVar>>,
    collection: Option<Vec<RawVar>>,
    environment: Option<Vec<RawVar>>,
    local: Option<Vec<RawVar>>,
}

#[derive(Deserialize)]
struct RawVar {
    key: String,
    /// `None` when the record has no `value`: the script left `undefined`.
    #[serde(default, deserialize_with = "present")]
    value: Option<serde_json::Value>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    disabled: bool,
}

#[derive(Deserialize)]
struct RawConsole {
    level: String,
    messages: Vec<String>,
    /// Index of the script run that logged it.
    script: usize,
    /// Assertions that script had recorded before the call.
    after: usize,
}

impl RawError {
    fn into_js(self) -> JsError {
        let message = v8_message(&self.name, &self.message);
        JsError {
            name: self.name,
            message,
            stack: self.stack.filter(|s| !s.is_empty()),
        }
    }
}

/// A field that is present, even as `null`, is `Some`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

fn var_list(raw: Vec<RawVar>) -> VarList {
    VarList::new(
        raw.into_iter()
            .map(|r| Variable {
                key: r.key,
                undefined: r.value.is_none(),
                value: r.value.unwrap_or_default(),
                kind: r.kind.unwrap_or_else(|| "any".into()),
                disabled: r.disabled,
            })
            .collect(),
    )
}

// ---------------------------------------------------------------------------
// QuickJS error messages in V8's words, as Newman users see them.

/// Rewrite a QuickJS error message the way V8 (Node) words it. Only the
/// messages scripts commonly produce are covered; others pass unchanged.
pub(crate) fn v8_message(name: &str, message: &str) -> String {
    fn quoted_between<'a>(s: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
        s.strip_prefix(prefix)?.strip_suffix(suffix)
    }
    match name {
        "TypeError" => {
            // cannot read property 'x' of undefined
            if let Some(rest) = message.strip_prefix("cannot read property ") {
                if let Some((prop, target)) = rest.rsplit_once(" of ") {
                    return format!("Cannot read properties of {target} (reading {prop})");
                }
            }
            if let Some(rest) = message.strip_prefix("cannot set property ") {
                if let Some((prop, target)) = rest.rsplit_once(" of ") {
                    return format!("Cannot set properties of {target} (setting {prop})");
                }
            }
            match message {
                "cannot convert to object" => {
                    return "Cannot convert undefined or null to object".into()
                }
                "empty array" => return "Reduce of empty array with no initial value".into(),
                "invalid array length" => return "Invalid array length".into(),
                "cannot convert symbol to string" => {
                    return "Cannot convert a Symbol value to a string".into()
                }
                "cannot convert BigInt to number" => {
                    return "Cannot mix BigInt and other types, use explicit conversions".into()
                }
                "invalid 'instanceof' right operand" => {
                    return "Right-hand side of 'instanceof' is not an object".into()
                }
                "circular reference" => return "Converting circular structure to JSON".into(),
                _ => {}
            }
            if let Some(var) = quoted_between(message, "'", "' is read-only") {
                let _ = var;
                return "Assignment to constant variable.".into();
            }
            if let Some(rest) =
                message.strip_prefix("class constructors must be invoked with 'new'")
            {
                let _ = rest;
                return "Class constructor cannot be invoked without 'new'".into();
            }
            message.to_string()
        }
        "ReferenceError" => {
            if let Some(var) = quoted_between(message, "'", "' is not defined") {
                return format!("{var} is not defined");
            }
            if let Some(var) = quoted_between(message, "'", "' is not initialized") {
                return format!("Cannot access '{var}' before initialization");
            }
            if let Some(var) = message.strip_suffix(" is not initialized") {
                return format!("Cannot access '{var}' before initialization");
            }
            message.to_string()
        }
        "RangeError" => match message {
            "stack overflow" | "Maximum call stack size exceeded" => {
                "Maximum call stack size exceeded".into()
            }
            "invalid array length" => "Invalid array length".into(),
            "invalid number of digits" => {
                "toFixed() digits argument must be between 0 and 100".into()
            }
            _ => message.to_string(),
        },
        "SyntaxError" => {
            match message {
                "unexpected end of input"
                | "unexpected token in expression: ''"
                | "unexpected token: ''" => return "Unexpected end of input".into(),
                "unexpected end of string" | "invalid escape sequence" => {
                    return "Invalid or unexpected token".into()
                }
                "expecting ';'" => return "Unexpected identifier".into(),
                "invalid property name" | "variable name expected" => {
                    return "Unexpected token".into()
                }
                "function name expected" => {
                    return "Function statements require a function name".into()
                }
                "invalid redefinition of lexical identifier" => {
                    return "Identifier has already been declared".into()
                }
                _ => {}
            }
            if let Some(tok) = message.strip_prefix("unexpected token in expression: ") {
                return format!("Unexpected token {tok}");
            }
            if let Some(tok) = message.strip_prefix("unexpected token: ") {
                return format!("Unexpected token {tok}");
            }
            if message == "unexpected token in expression" {
                return "Unexpected token".into();
            }
            if let Some(var) =
                quoted_between(message, "invalid redefinition of lexical identifier '", "'")
            {
                return format!("Identifier '{var}' has already been declared");
            }
            message.to_string()
        }
        "URIError" if message == "expecting hex digit" => "URI malformed".into(),
        _ => message.to_string(),
    }
}

/// QuickJS says only `not a function`; V8 names the callee
/// (`pm.response.foo is not a function`). Recover the callee's text from
/// the script source at the position of the error's top stack frame.
fn name_the_callee(err: &mut JsError, exec: &str, file: &str) {
    if err.name != "TypeError" {
        return;
    }
    let iterable = err.message == "value is not iterable"
        || err.message == "Cannot read properties of undefined (reading 'Symbol.iterator')";
    if iterable {
        // `for (x of a)`, `[...a]`: V8 names the value's expression
        if let Some((expr, _)) = err
            .stack
            .as_deref()
            .and_then(|stack| top_frame_position(stack, file))
            .and_then(|(line, col)| callee_at(exec, line, col))
        {
            err.message = format!("{expr} is not iterable");
        }
        return;
    }
    if err.message != "not a function" {
        return;
    }
    let callee = err
        .stack
        .as_deref()
        .and_then(|stack| top_frame_position(stack, file))
        .and_then(|(line, col)| callee_at(exec, line, col));
    err.message = match callee {
        Some((c, true)) => format!("{c} is not a constructor"),
        Some((c, false)) => format!("{c} is not a function"),
        None => "(intermediate value) is not a function".into(),
    };
}

/// `(line, column)` of the first stack frame, if it is in the script.
fn top_frame_position(stack: &str, file: &str) -> Option<(usize, usize)> {
    let first = stack.lines().next()?;
    let start = first.find(&format!("({file}:"))? + file.len() + 2;
    let rest = first[start..].trim_end_matches(')');
    let (line, col) = rest.split_once(':')?;
    Some((line.parse().ok()?, col.parse().ok()?))
}

/// The callee expression whose last part starts at the error position,
/// printed the way V8 prints it (`a.b(...).c`, `a.b` for `a["b"]`), and
/// whether it was called with `new`.
fn callee_at(exec: &str, line: usize, col: usize) -> Option<(String, bool)> {
    let text = exec.lines().nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = text.chars().collect();
    // QuickJS's columns are 1-based, except for calls on the first line
    // (shared with the wrapper's prefix), which come out 0-based: take the
    // candidate that starts an identifier
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let base = if line == 1 {
        col.checked_sub(WRAPPER_PREFIX_LEN)?
    } else {
        col
    };
    let starts_ident =
        |i: usize| i < chars.len() && is_ident(chars[i]) && (i == 0 || !is_ident(chars[i - 1]));
    let idx = [base.checked_sub(1), Some(base)]
        .into_iter()
        .flatten()
        .find(|&i| starts_ident(i))?;
    // forward: the callee ends at the call's opening parenthesis
    let mut end = idx;
    loop {
        while end < chars.len() && is_ident(chars[end]) {
            end += 1;
        }
        match chars.get(end) {
            Some('.') => end += 1,
            Some('?') if chars.get(end + 1) == Some(&'.') => end += 2,
            Some('[') => end = skip_balanced(&chars, end, '[', ']')?,
            Some('(') => {
                // a call inside the callee is followed by more of it
                let after = skip_balanced(&chars, end, '(', ')')?;
                match chars.get(after) {
                    Some('.') | Some('[') | Some('(') | Some('?') => end = after,
                    _ => break,
                }
            }
            _ => break,
        }
    }
    // backward: the object the member chain starts from
    let mut start = idx;
    loop {
        // a member access, not the `...` of a spread
        if start > 0 && chars[start - 1] == '.' && (start < 2 || chars[start - 2] != '.') {
            start -= 1;
            if start > 0 && chars[start - 1] == '?' {
                start -= 1;
            }
        } else {
            break;
        }
        loop {
            match start.checked_sub(1).map(|i| chars[i]) {
                Some(c) if is_ident(c) => start -= 1,
                Some(')') => start = skip_balanced_back(&chars, start - 1, '(', ')')?,
                Some(']') => start = skip_balanced_back(&chars, start - 1, '[', ']')?,
                Some(q @ ('\'' | '"')) => {
                    // a string literal: V8 prints it double-quoted
                    let open = chars[..start - 1].iter().rposition(|&c| c == q)?;
                    start = open;
                    break;
                }
                _ => break,
            }
        }
    }
    let callee: String = chars[start..end].iter().collect();
    let before: String = chars[..start].iter().collect();
    let before = before.trim_end();
    let is_new = before.ends_with("new")
        && !before[..before.len() - 3]
            .chars()
            .next_back()
            .is_some_and(is_ident);
    Some((print_callee(&callee), is_new))
}

fn skip_balanced(chars: &[char], open_at: usize, open: char, close: char) -> Option<usize> {
    let mut depth = 0;
    let mut i = open_at;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            if c == '\\' {
                i += 1;
            } else if c == q {
                quote = None;
            }
        } else if c == '\'' || c == '"' || c == '`' {
            quote = Some(c);
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i + 1);
            }
        }
        i += 1;
    }
    None
}

fn skip_balanced_back(chars: &[char], close_at: usize, open: char, close: char) -> Option<usize> {
    let mut depth = 0;
    let mut i = close_at as isize;
    while i >= 0 {
        let c = chars[i as usize];
        if c == close {
            depth += 1;
        } else if c == open {
            depth -= 1;
            if depth == 0 {
                return Some(i as usize);
            }
        }
        i -= 1;
    }
    None
}

/// V8's rendering: call arguments as `(...)`, `x["name"]` as `x.name`,
/// whitespace dropped.
fn print_callee(src: &str) -> String {
    let mut chars: Vec<char> = src.chars().collect();
    // a leading string literal keeps its spaces and gets double quotes
    let mut out = String::with_capacity(chars.len());
    if let Some(&q @ ('\'' | '"')) = chars.first() {
        if let Some(close) = chars[1..].iter().position(|&c| c == q) {
            out.push('"');
            out.extend(&chars[1..=close]);
            out.push('"');
            chars.drain(..close + 2);
        }
    }
    let chars: Vec<char> = chars.into_iter().filter(|c| !c.is_whitespace()).collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '(' => {
                let end = skip_balanced(&chars, i, '(', ')').unwrap_or(chars.len());
                out.push_str("(...)");
                i = end;
            }
            '[' => {
                let end = skip_balanced(&chars, i, '[', ']').unwrap_or(chars.len());
                let inner: String = chars[i + 1..end.saturating_sub(1).max(i + 1)]
                    .iter()
                    .collect();
                let quoted = inner.len() >= 2
                    && (inner.starts_with('"') || inner.starts_with('\''))
                    && inner.ends_with(inner.chars().next().unwrap_or('"'));
                if quoted {
                    out.push('.');
                    out.push_str(&inner[1..inner.len() - 1]);
                } else {
                    out.push('[');
                    out.push_str(&inner);
                    out.push(']');
                }
                i = end;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The engine.

/// A [`ScriptPool`](super::ScriptPool) worker's engine; lives on one thread.
pub struct QuickJsEngine {
    opts: Arc<EngineOptions>,
    module_dirs: Vec<PathBuf>,
    worker: Option<Worker>,
}

impl QuickJsEngine {
    pub fn new(opts: Arc<EngineOptions>) -> QuickJsEngine {
        let module_dirs = opts
            .module_dirs
            .iter()
            .filter_map(|d| d.canonicalize().ok())
            .collect();
        QuickJsEngine {
            opts,
            module_dirs,
            worker: None,
        }
    }

    fn worker(&mut self) -> Result<&mut Worker, String> {
        if self.worker.as_ref().is_some_and(|w| w.poisoned) {
            self.worker = None;
        }
        if self.worker.is_none() {
            self.worker = Some(Worker::new(&self.opts, &self.module_dirs)?);
        }
        Ok(self.worker.as_mut().expect("worker just built"))
    }
}

impl Engine for QuickJsEngine {
    fn run(&mut self, job: ScriptJob) -> ScriptOutcome {
        let result = catch_unwind(AssertUnwindSafe(|| self.run_job(&job)));
        match result {
            Ok(Ok(raw)) => assemble(job, raw),
            Ok(Err(message)) => {
                self.worker = None;
                failed_outcome(job, &message)
            }
            Err(panic) => {
                // A worker that panicked mid-job may hold broken invariants;
                // leak it rather than risk an abort in QuickJS's destructor.
                if let Some(w) = self.worker.take() {
                    std::mem::forget(w);
                }
                failed_outcome(job, &format!("internal error: {}", panic_message(&panic)))
            }
        }
    }
}

impl QuickJsEngine {
    fn run_job(&mut self, job: &ScriptJob) -> Result<RawOutcome, String> {
        let worker = self.worker()?;
        let shared = worker.shared.clone();
        *shared.host.borrow_mut() = job.host.clone();
        {
            let mut bodies = shared.bodies.borrow_mut();
            bodies.clear();
            bodies.push(job.response.clone());
        }
        shared.deadline.set(None);
        shared.interrupted.set(false);

        let listen = match job.listen {
            Listen::PreRequest => "prerequest",
            Listen::Test => "test",
        };
        let info = info_json(job);
        let globals = varlist_json(&job.scopes.globals);
        let collection = varlist_json(&job.scopes.collection);
        let environment = varlist_json(&job.scopes.environment);
        let data = varlist_json(&job.scopes.data);
        let local = varlist_json(&job.scopes.local);
        let request = if job.request.is_null() {
            String::new()
        } else {
            serde_json::to_string(&job.request).unwrap_or_default()
        };
        // `name\nvalue\n…`: header values cannot hold a newline
        let response = match (&job.response, job.listen) {
            (Some(r), Listen::Test) => {
                let mut lines = String::with_capacity(r.headers.len() * 48);
                for (i, (k, v)) in r.headers.iter().enumerate() {
                    if i > 0 {
                        lines.push('\n');
                    }
                    lines.push_str(k);
                    lines.push('\n');
                    lines.push_str(&v.replace(['\r', '\n'], " "));
                }
                Some((r, lines))
            }
            _ => None,
        };
        let cookies = serde_json::to_string(&job.cookies).unwrap_or_else(|_| "[]".into());
        let script_name = format!("{listen}-script");

        let Worker {
            hooks,
            scripts,
            context,
            poisoned,
            ..
        } = worker;

        let outcome = context.with(|ctx| -> Result<String, String> {
            let rq = |e: rquickjs::Error| describe_rq(&ctx, e);
            let begin = hooks.begin.clone().restore(&ctx).map_err(rq)?;
            let run = hooks.run.clone().restore(&ctx).map_err(rq)?;
            let failed = hooks.failed.clone().restore(&ctx).map_err(rq)?;
            let step = hooks.step.clone().restore(&ctx).map_err(rq)?;
            let timed_out = hooks.timed_out.clone().restore(&ctx).map_err(rq)?;
            let abort = hooks.abort.clone().restore(&ctx).map_err(rq)?;
            let settle = hooks.settle.clone().restore(&ctx).map_err(rq)?;
            let end = hooks.end.clone().restore(&ctx).map_err(rq)?;

            let mut args = Args::new(ctx.clone(), 14);
            for a in [
                listen,
                &info,
                &globals,
                &collection,
                &environment,
                &data,
                &local,
                &request,
                &cookies,
            ] {
                args.push_arg(a).map_err(rq)?;
            }
            if let Some((r, lines)) = &response {
                args.push_arg(r.code).map_err(rq)?;
                args.push_arg(r.status.as_str()).map_err(rq)?;
                args.push_arg(r.response_time).map_err(rq)?;
                args.push_arg(r.body.len() as f64).map_err(rq)?;
                args.push_arg(lines.as_str()).map_err(rq)?;
            }
            begin.call_arg::<()>(args).map_err(rq)?;

            let scripts = &mut scripts[job.listen as usize];
            for script in &job.scripts {
                if !scripts.contains_key(&*script.exec) {
                    if scripts.len() >= SCRIPT_CACHE_LIMIT {
                        scripts.clear();
                    }
                    let compiled = compile_script(&ctx, &script.exec, &script_name);
                    scripts.insert(
                        script.exec.clone(),
                        compiled.map(|f| Persistent::save(&ctx, f)),
                    );
                }
                let func = match &scripts[&*script.exec] {
                    Ok(p) => p.clone().restore(&ctx).map_err(rq)?,
                    Err(e) => {
                        failed
                            .call::<_, ()>((
                                script.owner.as_str(),
                                e.name.as_str(),
                                e.message.as_str(),
                            ))
                            .map_err(rq)?;
                        if job.stop_on_failure {
                            break;
                        }
                        continue;
                    }
                };
                let sandbox2 = SANDBOX2_MARKERS.iter().any(|m| script.exec.starts_with(m));

                shared.interrupted.set(false);
                shared.refused.store(false, Ordering::Relaxed);
                shared.deadline.set(job.timeout.map(|t| Instant::now() + t));
                // 0: done, 1: skipRequest (stop the phase), 2: callbacks pending
                let mut pending = false;
                let stop = match run.call::<_, i32>((func, script.owner.as_str(), sandbox2)) {
                    Ok(code) => {
                        pending = code == 2;
                        code == 1
                    }
                    Err(e) => {
                        let text = describe_rq(&ctx, e);
                        shared.deadline.set(None);
                        if shared.interrupted.get() {
                            *poisoned = true;
                            timed_out.call::<_, ()>((false,)).map_err(rq)?;
                        } else {
                            // an exception JS could not catch (memory): the
                            // script fails with it, and the worker is rebuilt
                            *poisoned = true;
                            let (name, message) = if text.contains("out of memory") {
                                ("InternalError", "out of memory".to_string())
                            } else {
                                ("Error", text)
                            };
                            abort.call::<_, ()>((name, message)).map_err(rq)?;
                        }
                        false
                    }
                };
                if !stop && !shared.interrupted.get() {
                    // promise reactions may schedule more work
                    while ctx.execute_pending_job() {
                        pending = true;
                    }
                    if pending {
                        event_loop(&ctx, &step, &timed_out, &shared, poisoned)?;
                    }
                }
                shared.deadline.set(None);
                if stop {
                    break;
                }
                if job.stop_on_failure && settle.call::<_, bool>(()).map_err(rq)? {
                    break;
                }
            }
            end.call::<_, String>(()).map_err(rq)
        });
        shared.deadline.set(None);
        *shared.host.borrow_mut() = None;
        shared.bodies.borrow_mut().clear();

        let text = outcome?;
        let raw: RawOutcome =
            serde_json::from_str(&text).map_err(|e| format!("reading the script results: {e}"))?;
        if raw.runs.iter().any(|r| {
            r.error
                .as_ref()
                .is_some_and(|e| e.message.contains("out of memory"))
        }) {
            *poisoned = true;
        }
        Ok(raw)
    }
}

/// Run callbacks (promise jobs, queued host calls, timers) until the script
/// has nothing left, or its deadline passes.
fn event_loop(
    ctx: &Ctx<'_>,
    step: &Function<'_>,
    timed_out: &Function<'_>,
    shared: &Shared,
    poisoned: &mut bool,
) -> Result<(), String> {
    loop {
        while ctx.execute_pending_job() {}
        if shared.interrupted.get() {
            return on_async_timeout(ctx, timed_out, shared, poisoned);
        }
        let wait = match step.call::<_, f64>(()) {
            Ok(w) => w,
            Err(e) => {
                let text = describe_rq(ctx, e);
                if shared.interrupted.get() {
                    return on_async_timeout(ctx, timed_out, shared, poisoned);
                }
                return Err(text);
            }
        };
        if shared.interrupted.get() {
            return on_async_timeout(ctx, timed_out, shared, poisoned);
        }
        if wait < 0.0 {
            return Ok(());
        }
        if wait > 0.0 {
            let pause = Duration::from_secs_f64(wait / 1000.0);
            if let Some(deadline) = shared.deadline.get() {
                let now = Instant::now();
                if now + pause >= deadline {
                    std::thread::sleep(deadline.saturating_duration_since(now));
                    return on_async_timeout(ctx, timed_out, shared, poisoned);
                }
            }
            std::thread::sleep(pause);
        }
    }
}

fn on_async_timeout(
    ctx: &Ctx<'_>,
    timed_out: &Function<'_>,
    shared: &Shared,
    poisoned: &mut bool,
) -> Result<(), String> {
    shared.deadline.set(None);
    *poisoned = true;
    timed_out
        .call::<_, ()>((true,))
        .map_err(|e| describe_rq(ctx, e))
}

/// What a script's source is wrapped in. `globalThis` is not visible in
/// Newman's sandbox, so it is shadowed by a parameter (which, unlike a
/// `var`, leaves a leading "use strict" directive in force); the wrapper
/// shares the script's first line so that line numbers stay the script's.
const WRAPPER_PREFIX: &str = "(function(globalThis){";
const WRAPPER_PREFIX_LEN: usize = WRAPPER_PREFIX.len();

/// Compile a script body into a function, keeping its line numbers.
fn compile_script<'js>(ctx: &Ctx<'js>, exec: &str, name: &str) -> Result<Function<'js>, JsError> {
    let mut src = String::with_capacity(exec.len() + 32);
    src.push_str(WRAPPER_PREFIX);
    src.push_str(exec);
    src.push_str("\n})");
    let mut opts = EvalOptions::default();
    opts.global = true;
    opts.strict = false;
    opts.backtrace_barrier = true;
    opts.filename = Some(name.to_string());
    match ctx.eval_with_options::<Value, _>(src, opts) {
        Ok(v) => v.into_function().ok_or_else(|| JsError {
            name: "SyntaxError".into(),
            message: "Unexpected token '}'".into(),
            stack: None,
        }),
        Err(rquickjs::Error::Exception) => {
            let err = js_error_from_value(&ctx.catch());
            let message = if err.name == "SyntaxError" && top_level_await(ctx, exec) {
                "await is only valid in async functions and the top level bodies of modules".into()
            } else {
                v8_message(&err.name, &err.message)
            };
            Err(JsError {
                message,
                name: err.name,
                stack: err.stack,
            })
        }
        Err(e) => Err(JsError {
            name: "Error".into(),
            message: e.to_string(),
            stack: None,
        }),
    }
}

/// Whether a script that does not compile would compile as an async
/// function body: then its problem is a top-level `await`.
fn top_level_await(ctx: &Ctx<'_>, exec: &str) -> bool {
    if !exec.contains("await") {
        return false;
    }
    let mut src = String::with_capacity(exec.len() + 32);
    src.push_str("(async function(){");
    src.push_str(exec);
    src.push_str("\n})");
    let mut opts = EvalOptions::default();
    opts.global = true;
    opts.strict = false;
    let ok = ctx.eval_with_options::<Value, _>(src, opts).is_ok();
    if !ok {
        let _ = ctx.catch();
    }
    ok
}

/// Turn `end()`'s answer into the outcome the runner consumes.
fn assemble(job: ScriptJob, raw: RawOutcome) -> ScriptOutcome {
    let ScriptJob {
        listen,
        scripts,
        mut scopes,
        ..
    } = job;
    let file = match listen {
        Listen::PreRequest => "prerequest-script",
        Listen::Test => "test-script",
    };
    let fix = |e: RawError, exec: &str| {
        let mut e = e.into_js();
        name_the_callee(&mut e, exec, file);
        e
    };
    let runs = raw
        .runs
        .into_iter()
        .zip(scripts.iter())
        .map(|(run, script)| ScriptRun {
            script_id: script.id.clone(),
            assertions: run
                .assertions
                .into_iter()
                .map(|a| Assertion {
                    name: a.name,
                    index: a.index,
                    skipped: a.skipped,
                    error: a.error.map(|e| fix(e, &script.exec)),
                })
                .collect(),
            error: run.error.map(|e| fix(e, &script.exec)),
        })
        .collect();
    if let Some(v) = raw.scopes.globals {
        scopes.globals = var_list(v);
    }
    if let Some(v) = raw.scopes.collection {
        scopes.collection = var_list(v);
    }
    if let Some(v) = raw.scopes.environment {
        scopes.environment = var_list(v);
    }
    if let Some(v) = raw.scopes.local {
        scopes.local = var_list(v);
    }
    let mut console: Vec<ConsoleEntry> = raw
        .console
        .into_iter()
        .map(|c| ConsoleEntry {
            level: match c.level.as_str() {
                "info" => ConsoleLevel::Info,
                "warn" => ConsoleLevel::Warn,
                "error" => ConsoleLevel::Error,
                "debug" => ConsoleLevel::Debug,
                "clear" => ConsoleLevel::Clear,
                _ => ConsoleLevel::Log,
            },
            messages: c.messages,
            script_index: c.script,
            after_assertions: c.after,
            prerequest: false,
        })
        .collect();
    for e in raw.async_errors {
        let err = e.error.into_js();
        console.push(ConsoleEntry {
            level: ConsoleLevel::Error,
            messages: vec![format!("{}: {}", err.name, err.message)],
            script_index: e.script,
            after_assertions: e.after,
            prerequest: false,
        });
    }
    let next_request = match raw.next_kind.as_deref() {
        Some("null") => Some(None),
        Some("name") => Some(raw.next),
        _ => None,
    };
    ScriptOutcome {
        runs,
        scopes,
        request: raw.request,
        next_request,
        skip_request: raw.skip,
        console,
        visualizer: raw.visualizer,
    }
}
