//! The `json` reporter: Newman's run summary as one JSON document
//! (`-r json`, `--reporter-json-export <path>`).
//!
//! The document has Newman's shape and layout (`JSON.stringify(summary,
//! null, 2)`): `collection`, `environment`, `globals` and `run` with
//! `stats`, `timings`, `executions`, `transfers`, `failures`, `error`.
//!
//! It is written as the run goes, so a run of any length needs no more
//! memory than one execution: each execution is written, already indented
//! for its place in the final file, to a hidden temporary file next to the
//! target as it arrives. When the run finishes, the final file is written
//! in order (collection, environment, globals, stats, timings, then the
//! executions copied from the temporary file, transfers, failures, error)
//! and the temporary file is removed. A run that stops early (Ctrl-C,
//! `--timeout`, `--bail`) still gets a complete file, with `run.error` set
//! and `run.interrupted: true`.
//!
//! Options: `export` (the path) and `omitResponses`
//! (`--reporter-json-omit-responses`: leave each response's body, the
//! `stream` byte array, out of `executions`).

pub mod sdk;

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{json, Map, Value};

use super::{paths, BuildCtx, Reporter, ReporterOptions};
use crate::collection::Collection;
use crate::http::{RequestError, ResponseData};
use crate::run::record::Attempt;
use crate::run::{Cursor, ExecutionRecord, Failure, RunEvent, RunSummary, SentRequest, Stat};
use crate::script::{Assertion, JsError, ScriptRun};

/// Settings of the json reporter.
#[derive(Debug, Clone, Default)]
pub struct JsonSettings {
    /// `--reporter-json-export`; `None` for Newman's default path.
    pub export: Option<String>,
    /// `--reporter-json-omit-responses`.
    pub omit_responses: bool,
    /// Relative paths are taken from here.
    pub base_dir: PathBuf,
    /// With several collections, this report's collection (1-based): the
    /// file name gets `-<part>` ([`paths::numbered`]).
    pub part: Option<usize>,
}

impl JsonSettings {
    pub fn from_options(opts: &ReporterOptions, ctx: &BuildCtx) -> Self {
        JsonSettings {
            export: opts.string("json", "export"),
            omit_responses: opts.flag("json", "omitResponses"),
            base_dir: ctx.cwd.clone(),
            part: ctx.part,
        }
    }
}

/// The executions written so far, in a temporary file beside the target.
struct Spool {
    target: PathBuf,
    temp_path: PathBuf,
    temp: BufWriter<File>,
    count: usize,
    /// Reused for each execution's text before it is indented into `temp`.
    scratch: Vec<u8>,
}

pub struct JsonReporter {
    settings: JsonSettings,
    collection: Option<sdk::Normalized>,
    spool: Option<Spool>,
    /// The request as sent, for executions whose request failed: Newman's
    /// `failures[].source` for a request error is the item as sent.
    failed_requests: HashMap<String, Value>,
    done: bool,
}

impl JsonReporter {
    pub fn new(settings: JsonSettings) -> Self {
        JsonReporter {
            settings,
            collection: None,
            spool: None,
            failed_requests: HashMap::new(),
            done: false,
        }
    }

    fn open(&mut self) -> io::Result<&mut Spool> {
        if self.spool.is_none() {
            let requested = self.settings.export.as_deref().map(std::path::Path::new);
            let target = paths::resolve(
                requested,
                paths::JSON_REPORT,
                &self.settings.base_dir,
                SystemTime::now(),
            )
            .map(|p| paths::numbered(p, self.settings.part))
            .map_err(|e| {
                let shown = requested
                    .map(std::path::Path::to_path_buf)
                    .unwrap_or_else(|| paths::DEFAULT_DIR.into());
                paths::file_error(e, &shown, "")
            })?;
            let temp_path = paths::temp_beside(&target, "executions");
            let temp = BufWriter::with_capacity(
                1 << 16,
                File::create(&temp_path).map_err(|e| paths::file_error(e, &temp_path, ""))?,
            );
            self.spool = Some(Spool {
                target,
                temp_path,
                temp,
                count: 0,
                scratch: Vec::with_capacity(1 << 14),
            });
        }
        self.spool
            .as_mut()
            .ok_or_else(|| io::Error::other("the json report could not be opened"))
    }

    fn normalized(&mut self, collection: &Arc<Collection>) -> &sdk::Normalized {
        self.collection
            .get_or_insert_with(|| sdk::normalize(collection))
    }

    fn execution(&mut self, rec: &ExecutionRecord) -> io::Result<()> {
        // Newman records an execution when its request is sent (or fails);
        // an item whose request was skipped has none.
        if rec.request.is_none() && rec.request_error.is_none() {
            return Ok(());
        }
        let omit = self.settings.omit_responses;
        if let (Some(_), Some(sent)) = (&rec.request_error, &rec.request) {
            self.failed_requests.insert(
                rec.cursor.ref_id.clone(),
                sent_request_json(sent, rec.response.as_deref()),
            );
        }
        self.open()?;
        let Some(spool) = self.spool.as_mut() else {
            return Err(io::Error::other("the json report could not be opened"));
        };
        let item: Value = match self
            .collection
            .as_ref()
            .and_then(|c| c.item(&rec.item.item.id))
        {
            Some(v) => v,
            None => item_fallback(rec),
        };
        let item = &item;
        if spool.count > 0 {
            spool.temp.write_all(b",\n")?;
        }
        // Newman adds the execution once per request event: an auth
        // handshake's earlier requests repeat it (with the final request).
        for i in 0..=rec.auth_exchanges.len() {
            if i > 0 {
                spool.temp.write_all(b",\n")?;
            }
            spool.temp.write_all(b"      ")?;
            let out = ExecutionOut { rec, item, omit };
            spool.scratch.clear();
            serde_json::to_writer_pretty(&mut spool.scratch, &out)?;
            write_indented(&mut spool.temp, &spool.scratch, b"      ")?;
            spool.count += 1;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &RunSummary) -> io::Result<()> {
        if self.done {
            return Ok(());
        }
        self.done = true;
        self.normalized(&summary.collection);
        self.open()?;
        let (Some(spool), Some(collection)) = (self.spool.take(), self.collection.as_ref()) else {
            return Err(io::Error::other("the json report could not be opened"));
        };
        let Spool {
            target,
            temp_path,
            mut temp,
            count,
            ..
        } = spool;
        temp.flush()?;
        drop(temp);
        let result = write_final(
            &target,
            &temp_path,
            count,
            collection,
            &self.failed_requests,
            summary,
        )
        .map_err(|e| paths::file_error(e, &target, ""));
        let _ = std::fs::remove_file(&temp_path);
        result
    }
}

impl Drop for JsonReporter {
    fn drop(&mut self) {
        if let Some(spool) = self.spool.take() {
            let Spool {
                temp_path, temp, ..
            } = spool;
            drop(temp);
            let _ = std::fs::remove_file(temp_path);
        }
    }
}

impl Reporter for JsonReporter {
    fn name(&self) -> &'static str {
        "json"
    }

    fn on_event(&mut self, event: &RunEvent) -> io::Result<()> {
        match event {
            RunEvent::Started { collection, .. } => {
                self.normalized(collection);
                self.open()?;
                Ok(())
            }
            RunEvent::Execution(rec) => self.execution(rec),
            RunEvent::Finished(summary) => self.finish(summary),
            RunEvent::IterationStarted { .. } | RunEvent::IterationFinished { .. } => Ok(()),
        }
    }
}

fn write_final(
    target: &std::path::Path,
    temp_path: &std::path::Path,
    count: usize,
    collection: &sdk::Normalized,
    failed_requests: &HashMap<String, Value>,
    summary: &RunSummary,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, File::create(target)?);
    out.write_all(b"{\n  \"collection\": ")?;
    pretty_streamed(&mut out, collection, b"  ")?;
    out.write_all(b",\n  \"environment\": ")?;
    pretty(&mut out, &environment_json(summary), b"  ")?;
    out.write_all(b",\n  \"globals\": ")?;
    pretty(&mut out, &globals_json(summary), b"  ")?;
    out.write_all(b",\n  \"run\": {\n    \"stats\": ")?;
    pretty(&mut out, &stats_json(summary), b"    ")?;
    out.write_all(b",\n    \"timings\": ")?;
    pretty(&mut out, &timings_json(summary), b"    ")?;
    if count == 0 {
        out.write_all(b",\n    \"executions\": [],\n")?;
    } else {
        out.write_all(b",\n    \"executions\": [\n")?;
        let mut temp = File::open(temp_path)?;
        io::copy(&mut temp, &mut out)?;
        out.write_all(b"\n    ],\n")?;
    }
    out.write_all(b"    \"transfers\": ")?;
    pretty(
        &mut out,
        &json!({ "responseTotal": summary.transfers_response_total }),
        b"    ",
    )?;
    out.write_all(b",\n    \"failures\": ")?;
    write_failures(&mut out, summary, collection, failed_requests)?;
    out.write_all(b",\n    \"error\": ")?;
    pretty(&mut out, &run_error(summary), b"    ")?;
    if summary.interrupted {
        out.write_all(b",\n    \"interrupted\": true")?;
    }
    out.write_all(b"\n  }\n}")?;
    out.flush()
}

fn pretty<T: Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
    indent: &'static [u8],
) -> io::Result<()> {
    let mut text = Vec::with_capacity(1 << 12);
    serde_json::to_writer_pretty(&mut text, value)?;
    write_indented(out, &text, indent)
}

/// [`pretty`] for values too big to print to memory first (the collection,
/// a failure whose parent is the whole collection): printed straight
/// through an indenting writer.
fn pretty_streamed<T: Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
    indent: &'static [u8],
) -> io::Result<()> {
    let mut w = Indenting {
        out,
        prefix: indent,
    };
    serde_json::to_writer_pretty(&mut w, value)?;
    Ok(())
}

/// A writer that puts `prefix` after every newline it passes on.
struct Indenting<'a, W: Write> {
    out: &'a mut W,
    prefix: &'static [u8],
}

impl<W: Write> Write for Indenting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        write_indented(self.out, buf, self.prefix)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `run.failures`, one failure at a time.
fn write_failures(
    out: &mut impl Write,
    summary: &RunSummary,
    collection: &sdk::Normalized,
    failed_requests: &HashMap<String, Value>,
) -> io::Result<()> {
    if summary.failures.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (i, f) in summary.failures.iter().enumerate() {
        out.write_all(if i == 0 { b"\n      " } else { b",\n      " })?;
        let failure = FailureOut {
            f,
            collection,
            failed_requests,
        };
        pretty_streamed(out, &failure, b"      ")?;
    }
    out.write_all(b"\n    ]")
}

/// Write `text` (pretty JSON) with `prefix` after every newline, so a value
/// printed with two-space indentation lands at its depth in the whole
/// document. JSON strings never hold a raw newline, so this cannot touch
/// data. The value is printed to memory first: serde's pretty printer makes
/// a write per token, too many small writes for the report's byte arrays.
fn write_indented(out: &mut impl Write, text: &[u8], prefix: &[u8]) -> io::Result<()> {
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text) {
        out.write_all(&text[start..=i])?;
        out.write_all(prefix)?;
        start = i + 1;
    }
    out.write_all(&text[start..])
}

/// A number as JavaScript prints it: whole numbers without `.0`.
pub fn js_num(x: f64) -> Value {
    if !x.is_finite() {
        return Value::Null;
    }
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        return Value::from(x as i64);
    }
    serde_json::Number::from_f64(x)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

/// Response times are whole milliseconds in Newman's reports.
pub fn response_ms(resp: &ResponseData) -> u64 {
    if resp.response_time.is_finite() && resp.response_time > 0.0 {
        resp.response_time.round() as u64
    } else {
        0
    }
}

fn environment_json(summary: &RunSummary) -> Value {
    let mut m = Map::new();
    let id = summary
        .environment_id
        .clone()
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    m.insert("id".into(), Value::String(id));
    if let Some(name) = summary.environment_name.as_ref().filter(|n| !n.is_empty()) {
        m.insert("name".into(), Value::String(name.clone()));
    }
    m.insert("values".into(), sdk::var_list(&summary.environment));
    Value::Object(m)
}

fn globals_json(summary: &RunSummary) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), Value::String(uuid::Uuid::new_v4().to_string()));
    m.insert("values".into(), sdk::var_list(&summary.globals));
    Value::Object(m)
}

fn stat(s: &Stat) -> Value {
    json!({ "total": s.total, "pending": s.pending, "failed": s.failed })
}

fn stats_json(summary: &RunSummary) -> Value {
    let s = &summary.stats;
    let mut out = json!({
        "iterations": stat(&s.iterations),
        "items": stat(&s.items),
        "scripts": stat(&s.scripts),
        "prerequests": stat(&s.prerequests),
        "requests": stat(&s.requests),
        "tests": stat(&s.tests),
        "assertions": stat(&s.assertions),
        "testScripts": stat(&s.test_scripts),
        "prerequestScripts": stat(&s.prerequest_scripts),
    });
    // postgate: only when a retry policy was in force.
    if let (Some(f), Value::Object(o)) = (&s.flaky, &mut out) {
        o.insert("flaky".into(), stat(f));
    }
    out
}

fn timings_json(summary: &RunSummary) -> Value {
    let t = &summary.timings;
    json!({
        "responseAverage": js_num(t.response_average),
        "responseMin": js_num(t.response_min.round()),
        "responseMax": js_num(t.response_max.round()),
        "responseSd": js_num(t.response_sd),
        "dnsAverage": 0,
        "dnsMin": 0,
        "dnsMax": 0,
        "dnsSd": 0,
        "firstByteAverage": 0,
        "firstByteMin": 0,
        "firstByteMax": 0,
        "firstByteSd": 0,
        "started": t.started,
        "completed": t.completed,
    })
}

/// `run.error`: `null`, or `{name, message}` when the run stopped early.
fn run_error(summary: &RunSummary) -> Value {
    match (&summary.error, summary.interrupted) {
        (Some(msg), _) => json!({ "name": "Error", "message": msg }),
        (None, true) => {
            json!({ "name": "Error", "message": "the run stopped early (--bail) after a failure" })
        }
        (None, false) => Value::Null,
    }
}

/// The cursor as Newman's runtime reports it.
pub fn cursor_json(c: &Cursor) -> Value {
    json!({
        "position": c.position,
        "iteration": c.iteration,
        "length": c.length,
        "cycles": c.cycles,
        "empty": c.length == 0,
        "eof": c.length == 0,
        "bof": c.length == 0 || (c.position == 0 && c.iteration == 0),
        "cr": c.length == 0 || (c.position == 0 && c.iteration > 0),
        "ref": c.ref_id,
        "httpRequestId": c.http_request_id,
    })
}

/// Newman's assertion error: `{name, index, test, message, stack}`, the
/// stack made up as Newman makes it up (`sandbox-script.js:<i+1>:<pos+1>)`).
/// The name is kept as thrown, even when empty (`{name: '', message}`).
pub fn assertion_error(a_name: &str, index: usize, err: &JsError, position: usize) -> Value {
    let name = err.name.as_str();
    json!({
        "name": name,
        "index": index,
        "test": a_name,
        "message": err.message,
        "stack": assertion_stack(name, &err.message, index, position),
    })
}

pub fn assertion_stack(name: &str, message: &str, index: usize, position: usize) -> String {
    format!(
        "{name}: {message}\n   at Object.eval sandbox-script.js:{}:{})",
        index + 1,
        position + 1
    )
}

fn assertion_json(a: &Assertion, position: usize) -> Value {
    let mut m = Map::new();
    m.insert("assertion".into(), Value::String(a.name.clone()));
    m.insert("skipped".into(), Value::Bool(a.skipped));
    if let Some(e) = &a.error {
        m.insert(
            "error".into(),
            assertion_error(&a.name, a.index, e, position),
        );
    }
    Value::Object(m)
}

/// A script error as Newman serialises it: `type`, `name`, `message`.
/// Errors from Newman's sandbox carry no stack, so none is written (the
/// engine's frames would name its own internals).
pub fn script_error(e: &JsError) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), Value::String("Error".into()));
    m.insert("name".into(), Value::String(e.name.clone()));
    m.insert("message".into(), Value::String(e.message.clone()));
    Value::Object(m)
}

fn script_errors(runs: &[ScriptRun]) -> Value {
    Value::Array(
        runs.iter()
            .filter_map(|r| r.error.as_ref())
            .map(|e| json!({ "error": script_error(e) }))
            .collect(),
    )
}

/// Linux errno values Node reports for the common network errors.
fn errno(code: &str) -> Option<i64> {
    Some(match code {
        "ECONNREFUSED" => -111,
        "ECONNRESET" => -104,
        "ETIMEDOUT" => -110,
        "EHOSTUNREACH" => -113,
        "ENETUNREACH" => -101,
        "EPIPE" => -32,
        "ENOTFOUND" => -3008,
        "EAI_AGAIN" => -3001,
        _ => return None,
    })
}

/// The fields of a Node network error, recovered from its message
/// (`connect ECONNREFUSED 127.0.0.1:9`, `getaddrinfo ENOTFOUND host`).
fn network_fields(code: &str, message: &str) -> Map<String, Value> {
    let mut words = message.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let third = words.next();
    let code = if code.is_empty()
        && second.starts_with('E')
        && second.chars().all(|c| c.is_ascii_uppercase() || c == '_')
    {
        second
    } else {
        code
    };
    let mut m = Map::new();
    if let Some(n) = errno(code) {
        m.insert("errno".into(), Value::from(n));
    }
    if !code.is_empty() {
        m.insert("code".into(), Value::String(code.into()));
    }
    if second == code && matches!(first, "connect" | "getaddrinfo" | "read" | "write") {
        m.insert("syscall".into(), Value::String(first.into()));
        if let Some(target) = third {
            if first == "getaddrinfo" {
                m.insert("hostname".into(), Value::String(target.into()));
            } else if let Some((addr, port)) = target.rsplit_once(':') {
                m.insert("address".into(), Value::String(addr.into()));
                match port.parse::<u64>() {
                    Ok(p) => m.insert("port".into(), Value::from(p)),
                    Err(_) => m.insert("port".into(), Value::String(port.into())),
                };
            }
        }
    }
    m
}

/// `requestError` of an execution. Newman's keeps only the Node error's
/// own fields (the message is lost); this adds `message`.
pub fn request_error_json(e: &RequestError) -> Value {
    let mut m = network_fields(&e.code, &e.message);
    m.insert("message".into(), Value::String(e.message.clone()));
    Value::Object(m)
}

fn header_list(headers: &[(String, String)]) -> Value {
    Value::Array(
        headers
            .iter()
            .map(|(k, v)| json!({ "key": k, "value": v }))
            .collect(),
    )
}

/// The request of an execution in the SDK's shape. The executor's JSON is
/// normalised; headers that went on the wire but are not in it are the
/// runtime's own and are added with `system: true`, as Newman marks them.
pub fn sent_request_json(sent: &SentRequest, response: Option<&ResponseData>) -> Value {
    let base = match &sent.json {
        Value::Object(o) if !o.is_empty() => sent.json.clone(),
        _ => json!({ "url": sent.prepared.url, "method": sent.prepared.method }),
    };
    let mut req = sdk::request(Some(&base));
    if let Value::Object(o) = &base {
        if o.get("url")
            .is_none_or(|u| u.is_null() || u.as_str() == Some(""))
        {
            if let Value::Object(r) = &mut req {
                r.insert(
                    "url".into(),
                    sdk::url(Some(&Value::String(sent.prepared.url.clone()))),
                );
            }
        }
    }
    let Value::Object(mut r) = req else {
        return req;
    };
    let mut hs: Vec<Value> = r
        .get("header")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    // The headers of the first hop as they went out (with the jar's Cookie)
    // when the client recorded them, else the prepared ones.
    let wire = response
        .map(|r| &r.request_headers)
        .filter(|h| !h.is_empty())
        .unwrap_or(&sent.prepared.headers);
    for (k, v) in wire {
        let present = hs.iter().any(|h| {
            h.get("key")
                .and_then(Value::as_str)
                .is_some_and(|hk| hk.eq_ignore_ascii_case(k))
        });
        if !present {
            hs.push(json!({ "key": k, "value": v, "system": true }));
        }
    }
    // Keep Newman's key order: url, header, method, body, …
    let mut out = Map::new();
    let mut header_done = false;
    for (k, v) in std::mem::take(&mut r) {
        if k == "method" && !header_done {
            if !hs.is_empty() {
                out.insert("header".into(), Value::Array(std::mem::take(&mut hs)));
            }
            header_done = true;
        }
        if k == "header" {
            continue;
        }
        out.insert(k, v);
    }
    if !header_done && !hs.is_empty() {
        out.insert("header".into(), Value::Array(hs));
    }
    Value::Object(out)
}

/// An item the collection's document does not hold (a request made up by
/// the run, such as a readiness probe): described from the model.
fn item_fallback(rec: &ExecutionRecord) -> Value {
    let request = crate::request::request_to_json(&rec.item.item.request);
    json!({
        "id": rec.item.item.id,
        "name": rec.item.item.name,
        "request": sdk::request(Some(&request)),
        "response": [],
        "event": [],
    })
}

/// A response body as Node's `Buffer.toJSON()`: `{type, data: [bytes]}`,
/// written byte by byte without building a JSON array in memory.
struct BufferOut<'a>(&'a [u8]);

impl Serialize for BufferOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Bytes<'a>(&'a [u8]);
        impl Serialize for Bytes<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.len()))?;
                for b in self.0 {
                    seq.serialize_element(b)?;
                }
                seq.end()
            }
        }
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("type", "Buffer")?;
        m.serialize_entry("data", &Bytes(self.0))?;
        m.end()
    }
}

struct ResponseOut<'a> {
    resp: &'a ResponseData,
    omit_body: bool,
}

impl Serialize for ResponseOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.resp;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &uuid::Uuid::new_v4().to_string())?;
        m.serialize_entry("status", &r.status)?;
        m.serialize_entry("code", &r.code)?;
        m.serialize_entry("header", &header_list(&r.headers))?;
        if !self.omit_body {
            m.serialize_entry("stream", &BufferOut(&r.body))?;
        }
        // Newman 6.2's response objects never carry cookies (they are in
        // the jar and in the Set-Cookie headers); the list stays empty.
        m.serialize_entry("cookie", &[] as &[Value])?;
        m.serialize_entry("responseTime", &response_ms(r))?;
        m.serialize_entry("responseSize", &r.body.len())?;
        m.end()
    }
}

/// One entry of `run.executions`, keys in the order Newman's summary
/// creates them as the run's events arrive.
struct ExecutionOut<'a> {
    rec: &'a ExecutionRecord,
    item: &'a Value,
    omit: bool,
}

impl Serialize for ExecutionOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rec = self.rec;
        let position = rec.cursor.position;
        let assertions: Vec<Value> = rec
            .assertions()
            .map(|a| assertion_json(a, position))
            .collect();
        let first_pre_assert = rec.prerequest.iter().position(|r| !r.assertions.is_empty());
        let first_pre_err = rec.prerequest.iter().position(|r| r.error.is_some());
        let pre_errors = first_pre_err.is_some();
        let test_errors = rec.test.iter().any(|r| r.error.is_some());

        let mut m = s.serialize_map(None)?;
        m.serialize_entry("cursor", &cursor_json(&rec.cursor))?;
        m.serialize_entry("item", self.item)?;
        let mut assertions_done = false;
        match (first_pre_assert, first_pre_err) {
            (Some(a), Some(e)) if e < a => {
                m.serialize_entry("prerequestScript", &script_errors(&rec.prerequest))?;
                m.serialize_entry("assertions", &assertions)?;
                assertions_done = true;
            }
            (Some(_), _) => {
                m.serialize_entry("assertions", &assertions)?;
                assertions_done = true;
                if pre_errors {
                    m.serialize_entry("prerequestScript", &script_errors(&rec.prerequest))?;
                }
            }
            (None, _) => {
                if pre_errors {
                    m.serialize_entry("prerequestScript", &script_errors(&rec.prerequest))?;
                }
            }
        }
        let request = match &rec.request {
            Some(sent) => sent_request_json(sent, rec.response.as_deref()),
            None => self.item.get("request").cloned().unwrap_or(Value::Null),
        };
        m.serialize_entry("request", &request)?;
        if let Some(resp) = &rec.response {
            m.serialize_entry(
                "response",
                &ResponseOut {
                    resp,
                    omit_body: self.omit,
                },
            )?;
        }
        m.serialize_entry("id", &rec.item.item.id)?;
        if let Some(e) = &rec.request_error {
            m.serialize_entry("requestError", &request_error_json(e))?;
        }
        if !assertions_done && !assertions.is_empty() {
            m.serialize_entry("assertions", &assertions)?;
        }
        if test_errors {
            m.serialize_entry("testScript", &script_errors(&rec.test))?;
        }
        // postgate: the failed earlier attempts of a retried request.
        if !rec.attempts.is_empty() {
            let attempts: Vec<Value> = rec
                .attempts
                .iter()
                .map(|a| attempt_json(a, position))
                .collect();
            m.serialize_entry("attempts", &attempts)?;
            m.serialize_entry("flaky", &rec.flaky())?;
        }
        m.end()
    }
}

fn epoch_ms(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// One failed earlier attempt of a retried request.
pub fn attempt_json(a: &Attempt, position: usize) -> Value {
    let mut m = Map::new();
    m.insert("attempt".into(), Value::from(a.number));
    m.insert("started".into(), Value::from(epoch_ms(a.started)));
    m.insert(
        "duration".into(),
        Value::from(a.duration.as_millis() as u64),
    );
    m.insert("cause".into(), Value::String(a.kind.name().into()));
    if let Some(code) = a.code {
        m.insert("code".into(), Value::from(code));
        m.insert(
            "status".into(),
            Value::String(a.status.clone().unwrap_or_default()),
        );
    }
    if let Some(t) = a.response_time {
        m.insert("responseTime".into(), js_num(t.round()));
    }
    if let Some(e) = &a.request_error {
        m.insert("requestError".into(), request_error_json(e));
    }
    m.insert(
        "assertions".into(),
        Value::Array(
            a.assertions
                .iter()
                .map(|x| assertion_json(x, position))
                .collect(),
        ),
    );
    if !a.script_errors.is_empty() {
        m.insert(
            "scriptErrors".into(),
            Value::Array(
                a.script_errors
                    .iter()
                    .map(|(listen, e)| json!({ "at": format!("{listen}-script"), "error": script_error(e) }))
                    .collect(),
            ),
        );
    }
    m.insert("delay".into(), Value::from(a.delay.as_millis() as u64));
    Value::Object(m)
}

/// The error object of a failure, in the shape Newman's summary keeps.
fn failure_error(f: &Failure) -> Value {
    if f.is_request_error {
        let mut m = network_fields("", &f.error.message);
        m.insert("name".into(), Value::String("Error".into()));
        m.insert("message".into(), Value::String(f.error.message.clone()));
        m.insert(
            "stack".into(),
            Value::String(format!("Error: {}", f.error.message)),
        );
        return Value::Object(m);
    }
    match f.index {
        Some(index) => assertion_error(&f.test, index, &f.error, f.cursor.position),
        None => script_error(&f.error),
    }
}

struct FailureOut<'a> {
    f: &'a Failure,
    collection: &'a sdk::Normalized,
    failed_requests: &'a HashMap<String, Value>,
}

impl Serialize for FailureOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.f;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("error", &failure_error(f))?;
        m.serialize_entry("at", &f.at)?;
        if let Some(item) = self.collection.item(&f.source.item_id) {
            match (
                f.is_request_error,
                self.failed_requests.get(&f.cursor.ref_id),
                item,
            ) {
                (true, Some(sent), Value::Object(mut o)) => {
                    o.insert("request".into(), sent.clone());
                    m.serialize_entry("source", &o)?;
                }
                (_, _, item) => m.serialize_entry("source", &item)?,
            }
        }
        if !f.is_request_error {
            if let Some(parent) = self.collection.parent(&f.source.item_id) {
                m.serialize_entry("parent", &parent)?;
            }
        }
        m.serialize_entry("cursor", &cursor_json(&f.cursor))?;
        m.end()
    }
}

#[cfg(test)]
pub(crate) mod tests;
