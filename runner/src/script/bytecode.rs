//! The JS the engine loads itself: the prelude parts every context
//! evaluates (chai, the library table, the `pm` API) and the library parts
//! evaluated on first use (lodash, moment, …), and how they are compiled to
//! QuickJS bytecode.
//!
//! `build.rs` includes this file to compile every part at build time, so
//! that no run pays for parsing ~250 KB of JS (about 20 ms of CPU); the
//! engine compiles at run time only what the build could not (a
//! cross-compiled build, the unit tests' stand-in). Hence this file uses
//! nothing but `std` and `rquickjs`.

use rquickjs::{qjs, Ctx, Value};

/// Where in [`PRELUDE_PARTS`] the native library functions are installed.
pub const INSTALL_LIBS: &str = "libs::install";

/// The prelude parts in load order, by name (also the file name their
/// stack frames show); [`INSTALL_LIBS`] is not JS.
pub const PRELUDE_PARTS: &[&str] = &[
    "chai.js",
    "chai_postman.js",
    INSTALL_LIBS,
    "libs.js",
    "pm.js",
];

const CHAI_JS: &str = include_str!("js/chai.js");
const CHAI_POSTMAN_JS: &str = include_str!("js/chai_postman.js");
/// Defines the lazy module table; also read by `postgate lint`.
pub const LIBS_PRELUDE_JS: &str = include_str!("js/libs/prelude.js");

/// The pm prelude, in dependency order; concatenated into one function
/// body so that the files share a scope and nothing leaks to the global.
const PM_FILES: &[(&str, &str)] = &[
    ("util.js", include_str!("js/pm/util.js")),
    ("list.js", include_str!("js/pm/list.js")),
    ("request.js", include_str!("js/pm/request.js")),
    ("response.js", include_str!("js/pm/response.js")),
    ("variables.js", include_str!("js/pm/variables.js")),
    ("inspect.js", include_str!("js/pm/inspect.js")),
    ("console.js", include_str!("js/pm/console.js")),
    ("timers.js", include_str!("js/pm/timers.js")),
    ("cookies.js", include_str!("js/pm/cookies.js")),
    ("require.js", include_str!("js/pm/require.js")),
    ("legacy.js", include_str!("js/pm/legacy.js")),
    ("pm.js", include_str!("js/pm/pm.js")),
];

/// The library parts by key. Each evaluates to a factory
/// `function (native, modules) { …; return exports; }`.
pub const LIBRARIES: &[(&str, &str)] = &[
    ("crypto", include_str!("js/libs/crypto.js")),
    ("lodash", include_str!("js/libs/lodash.js")),
    ("moment", include_str!("js/libs/moment.js")),
    ("schema", include_str!("js/libs/schema.js")),
    ("xml2js", include_str!("js/libs/xml2js.js")),
    ("node", include_str!("js/libs/node.js")),
    ("url", include_str!("js/libs/url.js")),
    ("misc", include_str!("js/libs/misc.js")),
];

/// The source of a prelude part (`None` for [`INSTALL_LIBS`]). Made only
/// when the bytecode is not embedded: the pm part is assembled from files.
pub fn prelude_source(name: &str) -> Option<String> {
    match name {
        "chai.js" => Some(CHAI_JS.to_string()),
        "chai_postman.js" => Some(CHAI_POSTMAN_JS.to_string()),
        "libs.js" => Some(LIBS_PRELUDE_JS.to_string()),
        "pm.js" => {
            let mut pm = String::with_capacity(PM_FILES.iter().map(|(_, s)| s.len() + 64).sum());
            pm.push_str("(function (native) {\n'use strict';\n");
            for (file, src) in PM_FILES {
                pm.push_str("// ---- ");
                pm.push_str(file);
                pm.push('\n');
                pm.push_str(src);
                pm.push('\n');
            }
            pm.push_str("})");
            Some(pm)
        }
        _ => None,
    }
}

/// The key under which a library part's bytecode is kept.
pub fn library_key(key: &str) -> String {
    format!("lib:{key}")
}

/// The file name a library part's stack frames show.
pub fn library_file(key: &str) -> String {
    format!("postgate:libs/{key}.js")
}

/// How a part is compiled.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A sloppy global script without its source text (so that
    /// `String(pm.test)` shows `[native code]`, and the bytecode is small).
    Prelude,
    /// A strict global script.
    Library,
}

/// Compile `src` to bytecode without running it. On `Err` the exception
/// is pending in `ctx`.
pub fn compile(ctx: &Ctx<'_>, src: &str, file: &str, kind: Kind) -> Result<Vec<u8>, ()> {
    let source = std::ffi::CString::new(src).map_err(|_| ())?;
    let file = std::ffi::CString::new(file).map_err(|_| ())?;
    let (eval_flags, write_flags) = match kind {
        Kind::Prelude => (
            qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY,
            qjs::JS_WRITE_OBJ_BYTECODE | qjs::JS_WRITE_OBJ_STRIP_SOURCE,
        ),
        Kind::Library => (
            qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY | qjs::JS_EVAL_FLAG_STRICT,
            qjs::JS_WRITE_OBJ_BYTECODE,
        ),
    };
    // SAFETY: the context is alive for the duration of the borrow; the
    // source is NUL-terminated as JS_Eval requires; the compiled function
    // is freed once, and the buffer JS_WriteObject returns is copied and
    // freed once with the context's allocator that made it.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let func = qjs::JS_Eval(
            raw,
            source.as_ptr(),
            src.len() as _,
            file.as_ptr(),
            eval_flags as i32,
        );
        if qjs::JS_IsException(func) {
            return Err(());
        }
        let mut len = 0;
        let buf = qjs::JS_WriteObject(raw, &mut len, func, write_flags as i32);
        qjs::JS_FreeValue(raw, func);
        if buf.is_null() {
            return Err(());
        }
        let bytes = std::slice::from_raw_parts(buf, len as usize).to_vec();
        qjs::js_free(raw, buf as *mut _);
        Ok(bytes)
    }
}

/// Load bytecode made by [`compile`] (here or by build.rs) and run it;
/// answers its completion value. On `Err` the exception is pending in `ctx`.
pub fn run<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>, ()> {
    // SAFETY: `bytes` came from JS_WriteObject of the same QuickJS: either
    // this process's, or build.rs's, which links the one rquickjs-sys of
    // Cargo.lock built for this very target (a cross build embeds none) and
    // whose output is embedded read-only (a unit test checks that it equals
    // what this process compiles). JS_ReadObject checks the format version
    // and every length while it reads; JS_EvalFunction consumes the
    // function object, and its result is handed to rquickjs once.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let func = qjs::JS_ReadObject(
            raw,
            bytes.as_ptr(),
            bytes.len() as _,
            qjs::JS_READ_OBJ_BYTECODE as i32,
        );
        if qjs::JS_IsException(func) {
            return Err(());
        }
        let value = qjs::JS_EvalFunction(raw, func);
        if qjs::JS_IsException(value) {
            return Err(());
        }
        Ok(Value::from_raw(ctx.clone(), value))
    }
}
