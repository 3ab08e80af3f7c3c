//! The libraries a Postman script can `require()` (postman-sandbox 4.7.1's
//! list) and the legacy library globals (`_`, `CryptoJS`, `tv4`, `xml2Json`,
//! `atob`, `btoa`).
//!
//! Two halves:
//! * native helpers registered on a hidden, non-enumerable global object
//!   `__pg_native` by [`install`]: hashing, HMAC, PBKDF2/EvpKDF, block
//!   ciphers, randomness, UTF-8/base64 conversion, XML parsing, JSON-schema
//!   validation and CSV parsing. Every helper checks its arguments and throws
//!   a JS `TypeError` on bad input; none of them panics.
//! * JS written for this project (`script/js/libs/*.js`) that gives each
//!   library its familiar API on top of those helpers. [`PRELUDE`] only
//!   defines `globalThis.__pg_modules` whose entries are getters: the first
//!   access to a module evaluates that module's source (through
//!   `__pg_native.load`) and caches the exports, so creating a context stays
//!   cheap whatever the number of libraries.
//!
//! Modules: `crypto-js`, `lodash`, `moment`, `uuid`, `ajv`, `tv4`, `xml2js`,
//! `atob`, `btoa`, `buffer`, `querystring`, `url`, `punycode`, `util`,
//! `events`, `path`, `assert`, `timers`, `string_decoder`, `stream`, `os`,
//! `fs`, `csv-parse/lib/sync`, `json`, plus `__legacy` (`xml2Json`, `atob`,
//! `btoa`, `_` in lodash-3 flavour) for the engine's legacy globals.
//! Not provided: `chai` (the engine owns it), `cheerio`, `backbone`,
//! `postman-collection`.
//!
//! Known differences from the sandbox's real packages (see also
//! `tests/js/libs_parity.mjs`, whose cases all match):
//! * crypto-js: a message that is neither a string nor a WordArray hashes
//!   as empty (crypto-js hashes garbage); AES keys must be 16/24/32 bytes;
//!   Rabbit, RC4 and the x64 word types are absent.
//! * moment: English locale only; local time is the host zone as QuickJS
//!   reports it; the js-Date fallback warning is shortened.
//! * ajv: no custom keywords/formats, `addMetaSchema` does not enable
//!   draft-04; formats `url` and `regex` are close approximations.
//! * tv4: schemas added with `addSchema` are not resolved by `$ref`.
//! * xml2js: `explicitChildren`, `xmlns`, `validator` and async mode are
//!   ignored; sax's error positions are approximated.

mod crypto;
mod csv;
mod schema;
mod xml;

#[cfg(test)]
mod parity_expected;
#[cfg(test)]
mod tests;

use rquickjs::function::Rest;
use rquickjs::{Ctx, Exception, Function, Object, Result, TypedArray, Value};

/// Register the native helpers under the hidden global `__pg_native`.
pub fn install(ctx: &rquickjs::Ctx<'_>) -> rquickjs::Result<()> {
    let native = Object::new(ctx.clone())?;
    macro_rules! reg {
        ($($name:literal => $f:path),* $(,)?) => {
            $( native.set($name, Function::new(ctx.clone(), $f)?.with_name($name)?)?; )*
        };
    }
    reg! {
        "load" => load_module,
        "digest" => crypto::digest,
        "hmac" => crypto::hmac,
        "pbkdf2" => crypto::pbkdf2,
        "evpkdf" => crypto::evpkdf,
        "cipher" => crypto::cipher,
        "random" => crypto::random,
        "utf8Encode" => crypto::utf8_encode,
        "utf8Decode" => crypto::utf8_decode,
        "b64Encode" => crypto::b64_encode,
        "b64Decode" => crypto::b64_decode,
        "xmlParse" => xml::parse,
        "schemaValidate" => schema::validate,
        "csvParse" => csv::parse,
    }
    let global = ctx.globals();
    let define: Function = ctx.eval(
        "(function (o) { Object.defineProperty(globalThis, '__pg_native', \
         { value: o, enumerable: false, configurable: true, writable: false }); })",
    )?;
    define.call::<_, ()>((native,))?;
    drop(global);
    Ok(())
}

/// Defines `globalThis.__pg_modules` (lazy module table) and
/// `globalThis.__pg_schema_validate(schema, data) -> { valid, errors }`.
pub const PRELUDE: &str = super::bytecode::LIBS_PRELUDE_JS;

/// A lazily loaded JS part by its `load` name: its key and source.
fn module_source(name: &str) -> Option<(&'static str, &'static str)> {
    super::bytecode::LIBRARIES
        .iter()
        .find(|(k, _)| *k == name)
        .copied()
}

/// Bytecode of the JS parts the build did not embed (a cross-compiled
/// build), compiled on first use and shared by every context of the
/// process (parsing lodash or moment costs several ms; loading their
/// bytecode a fraction of that).
static BYTECODE: std::sync::OnceLock<std::sync::Mutex<BytecodeMap>> = std::sync::OnceLock::new();
type BytecodeMap = std::collections::HashMap<&'static str, std::sync::Arc<Vec<u8>>>;

/// `__pg_native.load(name)`: evaluate one JS part and return its factory.
fn load_module<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let name = arg_string(&ctx, &args, 0, "load", "name")?;
    let Some((key, src)) = module_source(&name) else {
        return Err(Exception::throw_type(
            &ctx,
            &format!("no library part named '{name}'"),
        ));
    };
    if let Some(bytes) = super::built_bytecode(&super::bytecode::library_key(key)) {
        return run_part(&ctx, bytes);
    }
    let cache = BYTECODE.get_or_init(Default::default);
    let cached = cache.lock().ok().and_then(|c| c.get(key).cloned());
    let bytes = match cached {
        Some(b) => b,
        None => {
            let b = std::sync::Arc::new(compile_part(&ctx, key, src)?);
            if let Ok(mut c) = cache.lock() {
                c.insert(key, b.clone());
            }
            b
        }
    };
    run_part(&ctx, &bytes)
}

/// Compile a part (a strict global script) to bytecode without running it.
fn compile_part(ctx: &Ctx<'_>, name: &str, src: &str) -> Result<Vec<u8>> {
    super::bytecode::compile(
        ctx,
        src,
        &super::bytecode::library_file(name),
        super::bytecode::Kind::Library,
    )
    .map_err(|()| rquickjs::Error::Exception)
}

/// Run bytecode made by [`compile_part`] or by build.rs; answers its
/// completion value.
fn run_part<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    super::bytecode::run(ctx, bytes).map_err(|()| rquickjs::Error::Exception)
}

// ---------------------------------------------------------------------------
// Argument helpers shared by the native functions.

pub(crate) fn type_error(ctx: &Ctx<'_>, msg: &str) -> rquickjs::Error {
    Exception::throw_type(ctx, msg)
}

pub(crate) fn arg<'a, 'js>(args: &'a Rest<Value<'js>>, i: usize) -> Option<&'a Value<'js>> {
    args.0.get(i).filter(|v| !v.is_undefined())
}

/// A JS string argument as Rust UTF-8. Lone surrogates are replaced by
/// U+FFFD (callers that must reject them check in JS first).
pub(crate) fn js_string<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Option<String>> {
    let Some(s) = v.as_string() else {
        return Ok(None);
    };
    match s.to_string() {
        Ok(s) => Ok(Some(s)),
        Err(_) => {
            // Not valid UTF-8 (a lone surrogate): let JS repair it.
            let fix: Function = ctx.eval(
                "(function (s) { return String.prototype.toWellFormed ? s.toWellFormed() : \
                 s.replace(/[\\uD800-\\uDFFF]/g, '\\uFFFD'); })",
            )?;
            let fixed: rquickjs::String = fix.call((s.clone(),))?;
            Ok(Some(fixed.to_string().unwrap_or_default()))
        }
    }
}

pub(crate) fn arg_string<'js>(
    ctx: &Ctx<'js>,
    args: &Rest<Value<'js>>,
    i: usize,
    func: &str,
    what: &str,
) -> Result<String> {
    match arg(args, i) {
        Some(v) => match js_string(ctx, v)? {
            Some(s) => Ok(s),
            None => Err(type_error(ctx, &format!("{func}: {what} must be a string"))),
        },
        None => Err(type_error(ctx, &format!("{func}: {what} must be a string"))),
    }
}

pub(crate) fn arg_bool(args: &Rest<Value<'_>>, i: usize) -> bool {
    arg(args, i).and_then(|v| v.as_bool()).unwrap_or(false)
}

/// A non-negative integer argument no larger than `max`.
pub(crate) fn arg_uint(
    ctx: &Ctx<'_>,
    args: &Rest<Value<'_>>,
    i: usize,
    func: &str,
    what: &str,
    max: f64,
) -> Result<usize> {
    let n = arg(args, i).and_then(|v| v.as_number());
    match n {
        Some(n) if n.is_finite() && n >= 0.0 && n <= max && n.fract() == 0.0 => Ok(n as usize),
        _ => Err(type_error(
            ctx,
            &format!("{func}: {what} must be an integer between 0 and {max}"),
        )),
    }
}

/// Bytes from a string (UTF-8), a Uint8Array or an ArrayBuffer.
pub(crate) fn bytes_of<'js>(
    ctx: &Ctx<'js>,
    v: Option<&Value<'js>>,
    func: &str,
    what: &str,
) -> Result<Vec<u8>> {
    if let Some(v) = v {
        if let Some(s) = js_string(ctx, v)? {
            return Ok(s.into_bytes());
        }
        if let Some(obj) = v.as_object() {
            if let Some(ta) = obj.as_typed_array::<u8>() {
                if let Some(raw) = ta.as_raw() {
                    // SAFETY: copied before any JS runs again.
                    return Ok(unsafe { raw.as_ref() }.to_vec());
                }
                return Ok(Vec::new());
            }
            if let Some(ab) = obj.as_array_buffer() {
                // SAFETY: copied before any JS runs again.
                return Ok(unsafe { ab.as_bytes() }
                    .map(|b| b.to_vec())
                    .unwrap_or_default());
            }
        }
    }
    Err(type_error(
        ctx,
        &format!("{func}: {what} must be a string, Uint8Array or ArrayBuffer"),
    ))
}

pub(crate) fn arg_bytes<'js>(
    ctx: &Ctx<'js>,
    args: &Rest<Value<'js>>,
    i: usize,
    func: &str,
    what: &str,
) -> Result<Vec<u8>> {
    bytes_of(ctx, arg(args, i), func, what)
}

pub(crate) fn to_u8array<'js>(ctx: &Ctx<'js>, bytes: Vec<u8>) -> Result<Value<'js>> {
    Ok(TypedArray::<u8>::new(ctx.clone(), bytes)?.into_value())
}
