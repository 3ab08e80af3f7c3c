//! The script sandbox: runs a phase's scripts (pre-request or test) for one
//! execution and answers with assertions, errors, variable changes and flow
//! control. The async side only sees [`ScriptPool`]; JS runtimes live on
//! dedicated worker threads behind the [`Engine`] trait.

mod alloc;
mod bytecode;
pub mod engine;
pub mod libs;
pub mod quickjs;
#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use crate::collection::{Listen, Script};
use crate::http::{CookieData, ResponseData};
use crate::vars::Scopes;

pub use engine::{Engine, EngineOptions, ScriptPool};

/// The engine's own JS compiled by build.rs, by part name (see
/// [`bytecode`]); empty for a cross-compiled build.
static BUILT_BYTECODE: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bytecode_table.rs"));

fn built_bytecode(name: &str) -> Option<&'static [u8]> {
    BUILT_BYTECODE
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| *b)
}

/// Everything one phase of one execution gives the sandbox.
#[derive(Clone)]
pub struct ScriptJob {
    pub listen: Listen,
    /// Scripts in run order: collection, folders (outer to inner), request.
    pub scripts: Vec<Arc<Script>>,
    /// Variable state before the phase; the outcome carries it back updated.
    pub scopes: Scopes,
    /// The request in Postman's JSON shape (v2.1 `request` object with `url`
    /// as an object). Unresolved in pre-request scripts, as sent in tests.
    pub request: serde_json::Value,
    pub response: Option<Arc<ResponseData>>,
    /// Cookies in the jar for the request URL (`pm.cookies`).
    pub cookies: Vec<CookieData>,
    pub info: ScriptInfo,
    /// `--timeout-script`; `None` is unlimited.
    pub timeout: Option<Duration>,
    /// Host services the sandbox may use (`pm.sendRequest`, the cookie jar).
    pub host: Option<Arc<dyn ScriptHost>>,
    /// `--bail`: a script that fails (an error, or a failed assertion, which
    /// becomes an `AssertionFailure` error as in Newman's runtime) stops the
    /// phase; the later scripts do not run.
    pub stop_on_failure: bool,
}

/// `pm.info` and what error messages name.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ScriptInfo {
    /// `prerequest` or `test`.
    pub event_name: String,
    /// 0-based.
    pub iteration: usize,
    pub iteration_count: usize,
    pub request_name: String,
    pub request_id: String,
    pub collection_name: String,
    /// `Folder / Sub / Request`, for messages.
    pub path: String,
    /// The environment file's `name` (`pm.environment.name`).
    pub environment_name: Option<String>,
}

/// Services a script can reach on the host, and nothing else.
pub trait ScriptHost: Send + Sync {
    /// `pm.sendRequest`: send a request given as a URL string or a Postman
    /// request object, through the run's HTTP client and cookie jar. Blocks
    /// the calling (JS worker) thread. `Err` carries Newman's error message.
    fn send_request(&self, request: serde_json::Value) -> Result<Arc<ResponseData>, String>;

    /// A `pm.sendRequest` failed with `message` (the `Err` of
    /// [`ScriptHost::send_request`]): Newman counts it as a failed request
    /// of the run and lists it among the run's failures.
    fn request_failed(&self, _message: &str) {}

    /// `pm.cookies.jar()`: one operation on the run's cookie jar. `op` is
    /// `get` `{url, name}` → the value or null; `getAll` `{url, http,
    /// secure?}` → `[cookie…]`; `set` `{url, cookie: {name, value, domain?,
    /// path?, expires?, httpOnly?, secure?} | "Set-Cookie text"}` → the
    /// cookie; `unset` `{url, name}`; `clear` `{url}`. Cookies use the
    /// [`CookieData`] JSON shape. `Err` is the message the script's callback
    /// receives.
    fn cookie_jar(&self, op: &str, args: serde_json::Value) -> Result<serde_json::Value, String> {
        let _ = (op, args);
        Err(COOKIE_JAR_UNAVAILABLE.to_string())
    }
}

/// The error `pm.cookies.jar()` callbacks get from a host without a jar.
pub const COOKIE_JAR_UNAVAILABLE: &str = "cookie jar is not available";

/// What the sandbox answers for one phase.
#[derive(Debug, Clone, Default)]
pub struct ScriptOutcome {
    /// One entry per script in [`ScriptJob::scripts`] that ran, in order.
    pub runs: Vec<ScriptRun>,
    pub scopes: Scopes,
    /// The request after pre-request scripts changed it (url, method,
    /// headers, body, auth); `None` when unchanged or in the test phase.
    pub request: Option<serde_json::Value>,
    /// `Some(None)` for `setNextRequest(null)`, `Some(Some(name_or_id))` for a jump.
    pub next_request: Option<Option<String>>,
    /// `pm.execution.skipRequest()` was called in a pre-request script.
    pub skip_request: bool,
    pub console: Vec<ConsoleEntry>,
    /// `pm.visualizer.set(template, data)`.
    pub visualizer: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ScriptRun {
    pub script_id: String,
    pub assertions: Vec<Assertion>,
    /// A synchronous error that ended the script (outside `pm.test`).
    pub error: Option<JsError>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Assertion {
    pub name: String,
    /// Position of the assertion within its script run (0-based).
    pub index: usize,
    pub skipped: bool,
    /// `None` when it passed.
    pub error: Option<JsError>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct JsError {
    /// `AssertionError`, `TypeError`, `ReferenceError`, …
    pub name: String,
    pub message: String,
    pub stack: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConsoleLevel {
    Log,
    Info,
    Warn,
    Error,
    Debug,
    Clear,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsoleEntry {
    pub level: ConsoleLevel,
    /// Each argument rendered as Node's `util.inspect` would (strings quoted),
    /// which is how Newman's CLI prints them.
    pub messages: Vec<String>,
    /// Index of the script (in `ScriptJob::scripts`) that logged it.
    pub script_index: usize,
    /// How many assertions that script had recorded before this call, so
    /// reporters can interleave console output with assertion lines.
    pub after_assertions: usize,
    /// Set by the executor: logged in the pre-request phase.
    #[serde(skip)]
    pub prerequest: bool,
}
