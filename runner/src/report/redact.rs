//! Secret masking for every report and the terminal.
//!
//! The [`Redactor`] sits in front of the reporters (see
//! [`ReporterSet`](super::ReporterSet)): each run event is masked once and
//! every reporter (cli, json, junit, html, progress) gets the masked copy,
//! so no reporter can forget to mask. `--no-redact` leaves it out.
//!
//! What is masked, with [`MASK`]:
//!
//! * the values of variables of type `secret` (collection, folder,
//!   environment and globals; those the scripts set during the run are
//!   learnt when the run ends), wherever they appear in any text: URLs,
//!   headers, request and response bodies, assertion names and messages,
//!   console output, errors. Their percent-encoded, form-encoded and
//!   JSON-escaped forms are searched for too;
//! * the values of `Authorization`, `Proxy-Authorization`, `Cookie` and
//!   `Set-Cookie` headers (the scheme and cookie names and attributes stay
//!   readable: `Bearer ********`, `sid=********; Path=/`), and the
//!   credentials of auth helpers (`bearer.token`, `basic.password`,
//!   `apikey.value`, …) in collection and request JSON;
//! * the credentials seen in those headers, when at least 12 characters
//!   long, are learnt as the run goes (up to [`MAX_LEARNED`] of them) and
//!   masked wherever else they appear (an echo of the request in a response
//!   body, a query string, a log line).
//!
//! In request and response bodies the mask is as long as what it hides
//! (`*` for each byte), so sizes stay true; elsewhere it is [`MASK`].
//!
//! Texts shorter than [`MIN_SEARCH_LEN`] characters are masked where they
//! stand whole (a header, a secret variable's value) but not searched for
//! inside other text, where they would mask unrelated characters.
//! A value that is only a `{{reference}}` is not a secret and is kept.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use base64::Engine as _;
use bytes::Bytes;
use serde_json::Value;

use crate::collection::{Collection, Item, Variable};
use crate::http::ResponseData;
use crate::run::{ExecutionRecord, RunEvent, RunSummary};
use crate::script::{JsError, ScriptRun};
use crate::vars::VarList;

/// What a secret is replaced with.
pub const MASK: &str = "********";
/// Shorter texts are not searched for inside other text.
pub const MIN_SEARCH_LEN: usize = 4;
/// Credentials learnt from headers during a run, at most.
pub const MAX_LEARNED: usize = 1024;

/// Headers whose values are credentials.
pub fn is_sensitive_header(name: &str) -> bool {
    [
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
    ]
    .iter()
    .any(|h| name.trim().eq_ignore_ascii_case(h))
}

/// Parameters of Postman's auth helpers that hold credentials.
pub fn is_sensitive_auth_param(key: &str) -> bool {
    const KEYS: &[&str] = &[
        "password",
        "token",
        "value",
        "accessToken",
        "refreshToken",
        "clientSecret",
        "clientToken",
        "consumerSecret",
        "tokenSecret",
        "secretKey",
        "sessionToken",
        "authKey",
        "secret",
        "privateKey",
        "signature",
    ];
    KEYS.iter().any(|k| k.eq_ignore_ascii_case(key))
}

/// `{{name}}`, optionally after an auth scheme (`Bearer {{token}}`): a
/// reference, not a secret.
fn is_reference(value: &str) -> bool {
    let v = value.trim();
    let v = match v.split_once(' ') {
        Some((scheme, rest)) if !scheme.contains("{{") => rest.trim(),
        _ => v,
    };
    v.starts_with("{{") && v.ends_with("}}") && v[2..v.len() - 2].find("}}").is_none()
}

/// A header value with its credential masked.
pub fn mask_header(name: &str, value: &str) -> String {
    if value.trim().is_empty() || is_reference(value) {
        return value.to_string();
    }
    let lower = name.trim().to_ascii_lowercase();
    match lower.as_str() {
        "cookie" => value
            .split(';')
            .map(|pair| match pair.split_once('=') {
                Some((n, _)) => format!("{n}={MASK}"),
                None if pair.trim().is_empty() => pair.to_string(),
                None => MASK.to_string(),
            })
            .collect::<Vec<_>>()
            .join(";"),
        "set-cookie" => {
            let (first, attrs) = match value.split_once(';') {
                Some((f, a)) => (f, Some(a)),
                None => (value, None),
            };
            let first = match first.split_once('=') {
                Some((n, _)) => format!("{n}={MASK}"),
                None => MASK.to_string(),
            };
            match attrs {
                Some(a) => format!("{first};{a}"),
                None => first,
            }
        }
        _ => match value.trim().split_once(' ') {
            Some((scheme, rest))
                if !rest.trim().is_empty()
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                format!("{scheme} {MASK}")
            }
            _ => MASK.to_string(),
        },
    }
}

/// The credentials a sensitive header carries, to be masked elsewhere.
fn header_credentials(name: &str, value: &str, out: &mut Vec<String>) {
    let value = value.trim();
    if value.is_empty() || is_reference(value) {
        return;
    }
    out.push(value.to_string());
    let lower = name.trim().to_ascii_lowercase();
    match lower.as_str() {
        "cookie" => {
            for pair in value.split(';') {
                if let Some((_, v)) = pair.split_once('=') {
                    out.push(v.trim().to_string());
                }
            }
        }
        "set-cookie" => {
            let first = value.split(';').next().unwrap_or("");
            if let Some((_, v)) = first.split_once('=') {
                out.push(v.trim().to_string());
            }
        }
        _ => {
            if let Some((scheme, rest)) = value.split_once(' ') {
                let rest = rest.trim();
                out.push(rest.to_string());
                if scheme.eq_ignore_ascii_case("basic") {
                    if let Some(pair) = base64::engine::general_purpose::STANDARD
                        .decode(rest)
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                    {
                        if let Some((_, pass)) = pair.split_once(':') {
                            out.push(pass.to_string());
                        }
                        out.push(pair);
                    }
                }
            }
        }
    }
}

/// The forms a text takes in URLs and JSON bodies.
fn variants(s: &str) -> Vec<String> {
    use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS, NON_ALPHANUMERIC};
    // What URL builders leave as it is in a query or path.
    const QUERY: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'<')
        .add(b'>')
        .add(b'\'')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'|')
        .add(b'\\')
        .add(b'^')
        .add(b'%');
    const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    let mut out = vec![s.to_string()];
    out.push(utf8_percent_encode(s, QUERY).to_string());
    out.push(utf8_percent_encode(s, COMPONENT).to_string());
    out.push(utf8_percent_encode(s, NON_ALPHANUMERIC).to_string());
    out.push(url::form_urlencoded::byte_serialize(s.as_bytes()).collect());
    if let Ok(json) = serde_json::to_string(s) {
        out.push(json[1..json.len() - 1].to_string());
    }
    out.sort();
    out.dedup();
    out
}

/// Masks secrets in run events. Built once at the start of a run with the
/// secret values of its inputs; learns header credentials as it goes.
#[derive(Default)]
pub struct Redactor {
    /// Every text searched for (with its encoded forms).
    needles: Vec<String>,
    known: HashSet<String>,
    learned: usize,
    matcher: Option<AhoCorasick>,
    dirty: bool,
    /// The last collection masked, and its masked copy.
    collection: Option<(Arc<Collection>, Arc<Collection>)>,
}

/// Shortest credential learned from headers that is masked everywhere.
const MIN_LEARNED_LEN: usize = 12;

impl Redactor {
    pub fn new() -> Self {
        Redactor::default()
    }

    /// A redactor for a run: the secret variables of the collection (and
    /// its folders), the environment and the globals.
    pub fn for_run(collection: &Collection, environment: &VarList, globals: &VarList) -> Self {
        let mut r = Redactor::new();
        r.add_collection(collection);
        r.add_variables(&environment.vars);
        r.add_variables(&globals.vars);
        r
    }

    /// Also mask the secret variables of this collection (and its
    /// folders): one redactor serves every collection of an invocation.
    pub fn add_collection(&mut self, collection: &Collection) {
        self.add_variables(&collection.variables);
        fn folders(items: &[Item], r: &mut Redactor) {
            for it in items {
                if let Item::Folder(f) = it {
                    r.add_variables(&f.variables);
                    folders(&f.items, r);
                }
            }
        }
        folders(&collection.items, self);
    }

    /// Mask this text (and its encoded forms) wherever it appears.
    pub fn add_secret(&mut self, value: &str) {
        if value.chars().count() < MIN_SEARCH_LEN || is_reference(value) {
            return;
        }
        for v in variants(value) {
            if self.known.insert(v.clone()) {
                self.needles.push(v);
                self.dirty = true;
            }
        }
    }

    /// The values of the variables of type `secret`.
    pub fn add_variables(&mut self, vars: &[Variable]) {
        // an undefined value is no secret text (its `value` is a stand-in null)
        for v in vars.iter().filter(|v| is_secret(v) && !v.undefined) {
            if let Some(text) = crate::vars::value_to_text(&v.value) {
                self.add_secret(&text);
            }
        }
    }

    /// A credential seen in the run (bounded by [`MAX_LEARNED`]).
    fn learn(&mut self, value: &str) {
        // A short credential (`password`, a cookie such as `abc`) is masked
        // where it is a header value, but not searched for everywhere: that
        // would blank ordinary words out of test names and messages.
        if value.chars().count() < MIN_LEARNED_LEN
            || self.learned >= MAX_LEARNED
            || self.known.contains(value)
        {
            return;
        }
        self.learned += 1;
        self.add_secret(value);
    }

    fn ensure(&mut self) {
        if !self.dirty {
            return;
        }
        self.dirty = false;
        self.matcher = if self.needles.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.needles)
                .ok()
        };
    }

    /// Is anything searched for?
    pub fn has_secrets(&self) -> bool {
        !self.needles.is_empty()
    }

    /// The text with every secret masked.
    pub fn text<'a>(&self, s: &'a str) -> Cow<'a, str> {
        match &self.matcher {
            Some(m) if m.is_match(s) => {
                let mut out = String::with_capacity(s.len());
                m.replace_all_with(s, &mut out, |_, _, dst| {
                    dst.push_str(MASK);
                    true
                });
                Cow::Owned(out)
            }
            _ => Cow::Borrowed(s),
        }
    }

    /// Bytes with every secret masked (bodies). Here the mask is as long
    /// as what it hides, so body sizes (`responseSize`, the CLI's size)
    /// stay true.
    pub fn bytes(&self, b: &Bytes) -> Bytes {
        match &self.matcher {
            Some(m) if m.is_match(b.as_ref()) => {
                let mut out = Vec::with_capacity(b.len());
                m.replace_all_with_bytes(b, &mut out, |mat, _, dst| {
                    dst.resize(dst.len() + mat.len(), b'*');
                    true
                });
                Bytes::from(out)
            }
            _ => b.clone(),
        }
    }

    fn string(&self, s: &mut String) {
        if let Cow::Owned(o) = self.text(s) {
            *s = o;
        }
    }

    fn header(&self, name: &str, value: &mut String) {
        if is_sensitive_header(name) {
            *value = mask_header(name, value);
        }
        self.string(value);
    }

    fn headers(&self, hs: &mut [(String, String)]) {
        for (k, v) in hs.iter_mut() {
            self.header(k, v);
        }
    }

    fn js_error(&self, e: &mut JsError) {
        self.string(&mut e.message);
        if let Some(s) = &mut e.stack {
            self.string(s);
        }
    }

    fn scripts(&self, runs: &mut [ScriptRun]) {
        for run in runs {
            for a in &mut run.assertions {
                self.string(&mut a.name);
                if let Some(e) = &mut a.error {
                    self.js_error(e);
                }
            }
            if let Some(e) = &mut run.error {
                self.js_error(e);
            }
        }
    }

    /// Mask a JSON document in place (collections, requests): header
    /// values by name, auth helper credentials, `secret` variables, then
    /// every string.
    pub fn json(&self, v: &mut Value) {
        json_walk(v, &mut |s| self.string(s));
    }

    fn vars(&self, list: &mut VarList) {
        for v in &mut list.vars {
            if is_secret(v) {
                if !matches!(v.value, Value::Null) {
                    v.value = Value::String(MASK.into());
                }
            } else {
                self.json(&mut v.value);
            }
        }
    }

    fn response(&self, r: &ResponseData) -> ResponseData {
        let mut r = r.clone();
        self.headers(&mut r.headers);
        self.headers(&mut r.request_headers);
        r.body = self.bytes(&r.body);
        self.string(&mut r.url);
        for c in &mut r.cookies {
            if !c.value.is_empty() {
                c.value = MASK.into();
            }
        }
        for (url, values) in &mut r.set_cookie_log {
            self.string(url);
            for v in values {
                *v = mask_header("set-cookie", v);
            }
        }
        r
    }

    /// Learn the credentials a record carries.
    fn learn_record(&mut self, rec: &ExecutionRecord) -> bool {
        let mut sensitive = false;
        let mut found = Vec::new();
        if let Some(sent) = &rec.request {
            for (k, v) in &sent.prepared.headers {
                if is_sensitive_header(k) {
                    sensitive = true;
                    header_credentials(k, v, &mut found);
                }
            }
            sensitive |= json_credentials(&sent.json, None, &mut found);
        }
        if let Some(resp) = &rec.response {
            for (k, v) in resp.request_headers.iter().chain(&resp.headers) {
                if is_sensitive_header(k) {
                    sensitive = true;
                    header_credentials(k, v, &mut found);
                }
            }
            for c in &resp.cookies {
                sensitive = true;
                found.push(c.value.clone());
            }
            sensitive |= !resp.set_cookie_log.is_empty();
        }
        for v in found {
            self.learn(v.trim());
        }
        self.ensure();
        sensitive
    }

    /// A masked copy of the record, or `None` when nothing in it needs masking.
    pub fn record(&mut self, rec: &ExecutionRecord) -> Option<ExecutionRecord> {
        let sensitive = self.learn_record(rec);
        if !sensitive && self.matcher.is_none() {
            return None;
        }
        let mut r = rec.clone();
        if let Some(sent) = &mut r.request {
            self.string(&mut sent.prepared.url);
            self.headers(&mut sent.prepared.headers);
            if let Some(b) = &sent.prepared.body {
                sent.prepared.body = Some(self.bytes(b));
            }
            for w in &mut sent.prepared.warnings {
                self.string(w);
            }
            self.json(&mut sent.json);
        }
        if let Some(resp) = &r.response {
            r.response = Some(Arc::new(self.response(resp)));
        }
        if let Some(e) = &mut r.request_error {
            self.string(&mut e.message);
        }
        self.scripts(&mut r.prerequest);
        self.scripts(&mut r.test);
        for c in &mut r.console {
            for m in &mut c.messages {
                self.string(m);
            }
        }
        for w in &mut r.warnings {
            self.string(w);
        }
        for a in &mut r.attempts {
            if let Some(e) = &mut a.request_error {
                self.string(&mut e.message);
            }
            for x in &mut a.assertions {
                self.string(&mut x.name);
                if let Some(e) = &mut x.error {
                    self.js_error(e);
                }
            }
            for (_, e) in &mut a.script_errors {
                self.js_error(e);
            }
        }
        Some(r)
    }

    /// The masked collection (computed once per collection).
    pub fn collection(&mut self, c: &Arc<Collection>) -> Arc<Collection> {
        if let Some((orig, masked)) = &self.collection {
            if Arc::ptr_eq(orig, c) {
                return masked.clone();
            }
        }
        self.ensure();
        let needs =
            json_needs(&c.raw, None, self.matcher.as_ref()) || c.variables.iter().any(is_secret);
        let masked = if needs {
            let mut copy = (**c).clone();
            let mut raw = (*c.raw).clone();
            self.json(&mut raw);
            copy.raw = Arc::new(raw);
            let mut vars = VarList::new(std::mem::take(&mut copy.variables));
            self.vars(&mut vars);
            copy.variables = vars.vars;
            Arc::new(copy)
        } else {
            c.clone()
        };
        self.collection = Some((c.clone(), masked.clone()));
        masked
    }

    /// A masked copy of the final summary. Secret variables the scripts
    /// set during the run are learnt first.
    pub fn summary(&mut self, s: &RunSummary) -> RunSummary {
        self.add_variables(&s.environment.vars);
        self.add_variables(&s.globals.vars);
        self.add_variables(&s.collection_variables.vars);
        self.ensure();
        let mut out = s.clone();
        out.collection = self.collection(&s.collection);
        self.vars(&mut out.environment);
        self.vars(&mut out.globals);
        self.vars(&mut out.collection_variables);
        for f in &mut out.failures {
            self.js_error(&mut f.error);
            self.string(&mut f.test);
        }
        if let Some(e) = &mut out.error {
            self.string(e);
        }
        out
    }

    /// The event as reporters should see it.
    pub fn event<'a>(&mut self, event: &'a RunEvent) -> Cow<'a, RunEvent> {
        match event {
            RunEvent::Started {
                collection,
                cycles,
                items,
            } => {
                let masked = self.collection(collection);
                if Arc::ptr_eq(&masked, collection) {
                    Cow::Borrowed(event)
                } else {
                    Cow::Owned(RunEvent::Started {
                        collection: masked,
                        cycles: *cycles,
                        items: *items,
                    })
                }
            }
            RunEvent::Execution(rec) => match self.record(rec) {
                Some(r) => Cow::Owned(RunEvent::Execution(Arc::new(r))),
                None => Cow::Borrowed(event),
            },
            RunEvent::Finished(summary) => {
                Cow::Owned(RunEvent::Finished(Arc::new(self.summary(summary))))
            }
            RunEvent::IterationStarted { .. } | RunEvent::IterationFinished { .. } => {
                Cow::Borrowed(event)
            }
        }
    }
}

fn is_secret(v: &Variable) -> bool {
    v.kind.eq_ignore_ascii_case("secret")
}

fn key_of(o: &serde_json::Map<String, Value>) -> Option<&str> {
    o.get("key").and_then(Value::as_str)
}

/// The auth helper parameters of an auth object (`{type, <type>: …}`).
fn auth_params(o: &mut serde_json::Map<String, Value>) -> Option<&mut Value> {
    let ty = o.get("type")?.as_str()?.to_string();
    match o.get(&ty) {
        Some(Value::Array(_)) | Some(Value::Object(_)) => o.get_mut(&ty),
        _ => None,
    }
}

fn mask_value(v: &mut Value) {
    match v {
        Value::String(s) if s.is_empty() || is_reference(s) => {}
        Value::Null => {}
        _ => *v = Value::String(MASK.into()),
    }
}

/// Mask by structure (headers, auth, secret variables), then call `text`
/// on every string.
fn json_walk(v: &mut Value, text: &mut dyn FnMut(&mut String)) {
    json_walk_in(v, None, text)
}

fn json_walk_in(v: &mut Value, parent: Option<&str>, text: &mut dyn FnMut(&mut String)) {
    match v {
        Value::String(s) => text(s),
        Value::Array(list) => {
            for el in list.iter_mut() {
                if let Value::Object(o) = el {
                    match parent {
                        Some("header" | "headers")
                            if key_of(o).is_some_and(is_sensitive_header) =>
                        {
                            let name = key_of(o).unwrap_or("").to_string();
                            if let Some(Value::String(val)) = o.get_mut("value") {
                                *val = mask_header(&name, val);
                            }
                        }
                        Some("variable" | "values")
                            if o.get("type")
                                .and_then(Value::as_str)
                                .is_some_and(|t| t.eq_ignore_ascii_case("secret")) =>
                        {
                            if let Some(val) = o.get_mut("value") {
                                mask_value(val);
                            }
                        }
                        Some("cookie" | "cookies") => {
                            if let Some(val) = o.get_mut("value") {
                                mask_value(val);
                            }
                        }
                        _ => {}
                    }
                }
                json_walk_in(el, parent, text);
            }
        }
        Value::Object(o) => {
            if let Some(params) = auth_params(o) {
                match params {
                    Value::Array(list) => {
                        for p in list.iter_mut().filter_map(Value::as_object_mut) {
                            if key_of(p).is_some_and(is_sensitive_auth_param) {
                                if let Some(val) = p.get_mut("value") {
                                    mask_value(val);
                                }
                            }
                        }
                    }
                    Value::Object(map) => {
                        for (k, val) in map.iter_mut() {
                            if is_sensitive_auth_param(k) {
                                mask_value(val);
                            }
                        }
                    }
                    _ => {}
                }
            }
            for (k, el) in o.iter_mut() {
                let key = k.as_str();
                json_walk_in(el, Some(key), text);
            }
        }
        _ => {}
    }
}

/// Credentials in a request's JSON (sensitive headers, auth helper
/// parameters); `true` when it has any.
fn json_credentials(v: &Value, parent: Option<&str>, out: &mut Vec<String>) -> bool {
    let mut any = false;
    match v {
        Value::Array(list) => {
            for el in list {
                if let (Some("header" | "headers"), Value::Object(o)) = (parent, el) {
                    if let Some(k) = key_of(o).filter(|k| is_sensitive_header(k)) {
                        any = true;
                        if let Some(val) = o.get("value").and_then(Value::as_str) {
                            header_credentials(k, val, out);
                        }
                    }
                }
                any |= json_credentials(el, parent, out);
            }
        }
        Value::Object(o) => {
            if let Some(ty) = o.get("type").and_then(Value::as_str) {
                let mut take = |k: &str, val: &Value| {
                    if is_sensitive_auth_param(k) {
                        if let Some(s) = crate::vars::value_to_text(val) {
                            if !s.is_empty() && !is_reference(&s) {
                                out.push(s);
                                any = true;
                            }
                        }
                    }
                };
                match o.get(ty) {
                    Some(Value::Array(list)) => {
                        for p in list.iter().filter_map(Value::as_object) {
                            if let (Some(k), Some(val)) = (key_of(p), p.get("value")) {
                                take(k, val);
                            }
                        }
                    }
                    Some(Value::Object(map)) => {
                        for (k, val) in map {
                            take(k, val);
                        }
                    }
                    _ => {}
                }
            }
            for (k, el) in o {
                any |= json_credentials(el, Some(k), out);
            }
        }
        _ => {}
    }
    any
}

/// Would [`json_walk`] change anything? (Checked before copying a whole
/// collection.)
fn json_needs(v: &Value, parent: Option<&str>, matcher: Option<&AhoCorasick>) -> bool {
    match v {
        Value::String(s) => matcher.is_some_and(|m| m.is_match(s)),
        Value::Array(list) => list.iter().any(|el| {
            if let Value::Object(o) = el {
                let hit = match parent {
                    Some("header" | "headers") => key_of(o).is_some_and(is_sensitive_header),
                    Some("variable" | "values") => o
                        .get("type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.eq_ignore_ascii_case("secret")),
                    Some("cookie" | "cookies") => true,
                    _ => false,
                };
                if hit {
                    return true;
                }
            }
            json_needs(el, parent, matcher)
        }),
        Value::Object(o) => {
            if let Some(ty) = o.get("type").and_then(Value::as_str) {
                if matches!(o.get(ty), Some(Value::Array(_) | Value::Object(_))) {
                    return true;
                }
            }
            o.iter()
                .any(|(k, el)| json_needs(el, Some(k.as_str()), matcher))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn redactor(secrets: &[&str]) -> Redactor {
        let mut r = Redactor::new();
        for s in secrets {
            r.add_secret(s);
        }
        r.ensure();
        r
    }

    #[test]
    fn masks_secret_and_its_encoded_forms() {
        let r = redactor(&["s3cr3t value/+"]);
        assert_eq!(r.text("a s3cr3t value/+ b"), format!("a {MASK} b"));
        assert_eq!(r.text("q=s3cr3t%20value%2F%2B"), format!("q={MASK}"));
        assert_eq!(r.text("q=s3cr3t+value%2F%2B"), format!("q={MASK}"));
        assert!(matches!(r.text("nothing here"), Cow::Borrowed(_)));
    }

    #[test]
    fn body_masks_keep_the_length() {
        let r = redactor(&["token-123"]);
        let body = Bytes::from_static(b"{\"t\":\"token-123\"}");
        let masked = r.bytes(&body);
        assert_eq!(masked.len(), body.len());
        assert_eq!(&masked[..], b"{\"t\":\"*********\"}");
    }

    #[test]
    fn an_undefined_secret_variable_masks_nothing() {
        let mut r = Redactor::new();
        r.add_variables(&[Variable {
            key: "s".into(),
            kind: "secret".into(),
            undefined: true,
            ..Variable::default()
        }]);
        r.ensure();
        assert_eq!(r.text("null"), "null");
    }

    #[test]
    fn short_values_are_not_searched_for() {
        let r = redactor(&["ab"]);
        assert!(!r.has_secrets());
        assert_eq!(r.text("abc"), "abc");
    }

    #[test]
    fn header_masks_keep_scheme_names_and_attributes() {
        assert_eq!(
            mask_header("Authorization", "Bearer abc.def"),
            format!("Bearer {MASK}")
        );
        assert_eq!(mask_header("authorization", "abcdef"), MASK);
        assert_eq!(
            mask_header("Cookie", "a=1; sid=xyz"),
            format!("a={MASK}; sid={MASK}")
        );
        assert_eq!(
            mask_header("Set-Cookie", "sid=xyz; Path=/; HttpOnly"),
            format!("sid={MASK}; Path=/; HttpOnly")
        );
        assert_eq!(
            mask_header("Authorization", "Bearer {{token}}"),
            "Bearer {{token}}"
        );
    }

    #[test]
    fn basic_credentials_are_learnt_decoded() {
        let mut out = Vec::new();
        // "user:hunter22"
        header_credentials("Authorization", "Basic dXNlcjpodW50ZXIyMg==", &mut out);
        assert!(out.contains(&"hunter22".to_string()), "{out:?}");
        assert!(out.contains(&"dXNlcjpodW50ZXIyMg==".to_string()), "{out:?}");
    }

    #[test]
    fn json_masks_headers_auth_and_secret_variables() {
        let r = redactor(&["topsecret"]);
        let mut v = json!({
            "variable": [
                {"key": "k", "value": "v1-plain", "type": "secret"},
                {"key": "p", "value": "public"}
            ],
            "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "tok-123"}]},
            "item": [{"request": {
                "header": [
                    {"key": "Authorization", "value": "Basic abc"},
                    {"key": "X-Other", "value": "has topsecret inside"}
                ],
                "url": "http://x/?q=topsecret"
            }}]
        });
        assert!(json_needs(&v, None, r.matcher.as_ref()));
        r.json(&mut v);
        assert_eq!(v["variable"][0]["value"], MASK);
        assert_eq!(v["variable"][1]["value"], "public");
        assert_eq!(v["auth"]["bearer"][0]["value"], MASK);
        let req = &v["item"][0]["request"];
        assert_eq!(req["header"][0]["value"], format!("Basic {MASK}"));
        assert_eq!(req["header"][1]["value"], format!("has {MASK} inside"));
        assert_eq!(req["url"], format!("http://x/?q={MASK}"));
    }

    #[test]
    fn plain_documents_need_nothing() {
        let v = json!({"item": [{"request": {"url": "http://x", "header": [{"key": "Accept", "value": "*/*"}]}}]});
        assert!(!json_needs(&v, None, None));
    }

    #[test]
    fn learning_is_bounded() {
        let mut r = Redactor::new();
        for i in 0..(MAX_LEARNED + 10) {
            r.learn(&format!("cookie-value-{i}"));
        }
        assert_eq!(r.learned, MAX_LEARNED);
    }
}
