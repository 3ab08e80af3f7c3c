//! Postman's JSON shapes as Newman's reports print them: what the
//! postman-collection SDK's `toJSON()` gives for a collection, an item, a
//! request, a URL, a variable list. The SDK normalises while it loads
//! (URLs split into parts, descriptions into `{content, type}`, unknown
//! fields dropped, ids made up where missing), and the key order of its
//! output follows the order its constructors assign fields; both are
//! reproduced here from the document as loaded.
//!
//! Ids come from the model (`Collection`, `RequestItem`, `Folder`) so the
//! same item has the same id in every report; ids the SDK would make up
//! (scripts, saved responses) are made up from a per-process seed and the
//! item's place, so they agree however often an item is normalised.
//!
//! Nothing here keeps a normalised copy of the collection: [`Normalized`]
//! normalises an item when asked and prints the whole collection as it
//! writes it, so a report costs no memory in proportion to the collection.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::collection::{Collection, Folder, Item, RequestItem};
use crate::vars::VarList;

/// The collection schema URL the SDK always writes into `info.schema`.
pub const SCHEMA_V21: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

const TEXT_PLAIN: &str = "text/plain";

thread_local! {
    /// Where made-up ids are being made: the item's place, and how many
    /// were made there so far.
    static ID_SCOPE: RefCell<Option<(String, u32)>> = const { RefCell::new(None) };
}

/// An id the SDK would make up: random-looking (a v4 UUID) but, inside
/// [`with_id_scope`], the same each time the same place is normalised.
fn new_id() -> String {
    use sha2::Digest;
    static SEED: std::sync::OnceLock<[u8; 16]> = std::sync::OnceLock::new();
    let scoped = ID_SCOPE.with(|s| {
        s.borrow_mut().as_mut().map(|(scope, n)| {
            *n += 1;
            format!("{scope}#{n}")
        })
    });
    let Some(place) = scoped else {
        return uuid::Uuid::new_v4().to_string();
    };
    let seed = SEED.get_or_init(|| *uuid::Uuid::new_v4().as_bytes());
    let mut h = sha2::Sha256::new();
    h.update(seed);
    h.update(place.as_bytes());
    let digest = h.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// Run `f` with made-up ids tied to `scope` (an item's place).
fn with_id_scope<T>(scope: String, f: impl FnOnce() -> T) -> T {
    let outer = ID_SCOPE.with(|s| s.replace(Some((scope, 0))));
    let out = f();
    ID_SCOPE.with(|s| *s.borrow_mut() = outer);
    out
}

/// The collection's id; one made up (once per process, so every report
/// agrees) when the file had none, as the SDK makes one up.
pub fn collection_id(c: &Collection) -> String {
    static MADE_UP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    if c.id.is_empty() {
        MADE_UP.get_or_init(new_id).clone()
    } else {
        c.id.clone()
    }
}

/// Keys with a leading `_` (not `_` itself) become the `_` object with the
/// underscores trimmed: `_postman_id` → `{"postman_id": …}`.
fn meta(obj: &Map<String, Value>) -> Option<Value> {
    let mut m = Map::new();
    for (k, v) in obj {
        if k.len() > 1 && k.starts_with('_') {
            m.insert(k.trim_start_matches('_').to_string(), v.clone());
        }
    }
    (!m.is_empty()).then_some(Value::Object(m))
}

/// `Description.toJSON()`: `{content, type}`.
pub fn description(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) => {
            let mut m = Map::new();
            m.insert("content".into(), Value::String(s.clone()));
            m.insert("type".into(), Value::String(TEXT_PLAIN.into()));
            Some(Value::Object(m))
        }
        Value::Object(o) => {
            let mut m = Map::new();
            if let Some(c) = o.get("content").filter(|c| !c.is_null()) {
                m.insert("content".into(), c.clone());
            }
            let ty = o
                .get("type")
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
                .unwrap_or(TEXT_PLAIN);
            m.insert("type".into(), Value::String(ty.into()));
            Some(Value::Object(m))
        }
        _ => None,
    }
}

/// The fields every SDK `Property` starts with: `_`, `id`, `name`,
/// `disabled`, `description` (each only when present).
fn property_head(obj: &Map<String, Value>, id: Option<&str>, out: &mut Map<String, Value>) {
    if let Some(m) = meta(obj) {
        out.insert("_".into(), m);
    }
    match id {
        Some(id) => {
            out.insert("id".into(), Value::String(id.into()));
        }
        None => {
            if let Some(v) = obj.get("id").filter(|v| !v.is_null()) {
                out.insert("id".into(), v.clone());
            }
        }
    }
    if let Some(Value::String(n)) = obj.get("name") {
        if !n.is_empty() {
            out.insert("name".into(), Value::String(n.clone()));
        }
    }
    if let Some(d) = obj.get("disabled") {
        out.insert("disabled".into(), Value::Bool(truthy(d)));
    }
    if let Some(d) = obj.get("description").and_then(description) {
        out.insert("description".into(), d);
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// Variable types the SDK knows; any other becomes `any`.
fn known_type(t: &str) -> bool {
    matches!(
        t,
        "string" | "boolean" | "number" | "array" | "object" | "any"
    )
}

/// `Variable.toJSON()` for a definition object: `[id] [name] [disabled]
/// [description] type [value] [key]`.
pub fn variable(obj: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    property_head(obj, None, &mut out);
    let ty = obj
        .get("type")
        .and_then(Value::as_str)
        .filter(|t| known_type(t))
        .unwrap_or("any");
    out.insert("type".into(), Value::String(ty.into()));
    if let Some(v) = obj.get("value") {
        out.insert("value".into(), typed_value(ty, v));
    }
    if let Some(k) = obj
        .get("key")
        .filter(|k| !k.is_null())
        .or_else(|| obj.get("id"))
    {
        out.insert("key".into(), k.clone());
    }
    Value::Object(out)
}

/// Object and array variables hold their value as JSON text.
fn typed_value(ty: &str, v: &Value) -> Value {
    match (ty, v) {
        ("object" | "array", Value::String(_)) => v.clone(),
        ("object" | "array", other) => Value::String(other.to_string()),
        _ => v.clone(),
    }
}

/// A variable list of the model (environment, globals, collection
/// variables at the end of a run) in the SDK's shape.
pub fn var_list(list: &VarList) -> Value {
    Value::Array(
        list.vars
            .iter()
            .map(|v| {
                let mut out = Map::new();
                if v.disabled {
                    out.insert("disabled".into(), Value::Bool(true));
                }
                let ty = if known_type(&v.kind) {
                    v.kind.as_str()
                } else {
                    "any"
                };
                out.insert("type".into(), Value::String(ty.into()));
                // `undefined` has no value field, as the SDK's toJSON drops it
                if !v.undefined {
                    out.insert("value".into(), typed_value(ty, &v.value));
                }
                out.insert("key".into(), Value::String(v.key.clone()));
                Value::Object(out)
            })
            .collect(),
    )
}

fn variables(v: Option<&Value>) -> Value {
    match v {
        Some(Value::Array(list)) => Value::Array(
            list.iter()
                .filter_map(Value::as_object)
                .map(variable)
                .collect(),
        ),
        Some(Value::Object(map)) => Value::Array(
            map.iter()
                .map(|(k, v)| {
                    let mut o = Map::new();
                    o.insert("key".into(), Value::String(k.clone()));
                    o.insert("value".into(), v.clone());
                    variable(&o)
                })
                .collect(),
        ),
        _ => Value::Array(Vec::new()),
    }
}

/// `Header.toJSON()`: `[disabled] [description] key value [system]`.
fn header(obj: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    property_head(obj, None, &mut out);
    out.insert(
        "key".into(),
        obj.get("key")
            .filter(|k| truthy(k))
            .cloned()
            .unwrap_or(Value::String(String::new())),
    );
    out.insert(
        "value".into(),
        obj.get("value")
            .cloned()
            .unwrap_or(Value::String(String::new())),
    );
    if let Some(s) = obj.get("system") {
        out.insert("system".into(), s.clone());
    }
    Value::Object(out)
}

fn parse_header_text(s: &str) -> Vec<Value> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (k, v) = line.split_once(':').unwrap_or((line, ""));
            let mut o = Map::new();
            o.insert("key".into(), Value::String(k.trim().into()));
            o.insert("value".into(), Value::String(v.trim().into()));
            Value::Object(o)
        })
        .collect()
}

fn headers(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(list)) => list
            .iter()
            .flat_map(|h| match h {
                Value::Object(o) => vec![header(o)],
                Value::String(s) => parse_header_text(s),
                _ => Vec::new(),
            })
            .collect(),
        Some(Value::String(s)) => parse_header_text(s),
        _ => Vec::new(),
    }
}

/// `QueryParam.toJSON()`: `[disabled] [description] key value [system]`.
fn query_param(obj: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    property_head(obj, None, &mut out);
    if let Some(k) = obj.get("key") {
        out.insert("key".into(), k.clone());
    }
    if let Some(v) = obj.get("value") {
        out.insert("value".into(), v.clone());
    }
    if let Some(s) = obj.get("system") {
        out.insert("system".into(), s.clone());
    }
    Value::Object(out)
}

/// `a=1&b&&c=` the way the SDK splits a query string.
fn parse_query(q: &str) -> Vec<Value> {
    let parts: Vec<&str> = q.split('&').collect();
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut o = Map::new();
            if p.is_empty() && i != last {
                o.insert("key".into(), Value::Null);
                o.insert("value".into(), Value::Null);
            } else {
                match p.find('=') {
                    None => {
                        o.insert("key".into(), Value::String((*p).into()));
                        o.insert("value".into(), Value::Null);
                    }
                    Some(i) => {
                        o.insert("key".into(), Value::String(p[..i].into()));
                        o.insert("value".into(), Value::String(p[i + 1..].into()));
                    }
                }
            }
            Value::Object(o)
        })
        .collect()
}

fn query_list(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_object)
            .map(query_param)
            .collect(),
        Some(Value::String(s)) => parse_query(s)
            .iter()
            .filter_map(Value::as_object)
            .map(query_param)
            .collect(),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                let mut o = Map::new();
                o.insert("key".into(), Value::String(k.clone()));
                o.insert("value".into(), v.clone());
                query_param(&o)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Characters inside `{{…}}` that would otherwise split a URL, swapped for
/// private-use stand-ins while splitting.
const RESERVED: [(char, char); 8] = [
    ('.', '\u{F0000}'),
    (':', '\u{F0001}'),
    ('/', '\u{F0002}'),
    ('?', '\u{F0003}'),
    ('#', '\u{F0004}'),
    ('@', '\u{F0005}'),
    ('&', '\u{F0006}'),
    (']', '\u{F0007}'),
];

fn mask_variables(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        // The variable ends at the first `}}`, and must not contain braces.
        match after.find("}}") {
            Some(end) if !after[..end].contains(['{', '}']) => {
                out.push_str(&rest[..start + 2]);
                for c in after[..end].chars() {
                    out.push(
                        RESERVED
                            .iter()
                            .find(|(r, _)| *r == c)
                            .map(|(_, m)| *m)
                            .unwrap_or(c),
                    );
                }
                out.push_str("}}");
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str(&rest[..start + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn unmask(s: &str) -> String {
    s.chars()
        .map(|c| {
            RESERVED
                .iter()
                .find(|(_, m)| *m == c)
                .map(|(r, _)| *r)
                .unwrap_or(c)
        })
        .collect()
}

/// The parts of a URL string, split as the SDK's URL parser splits them.
#[derive(Debug, Default, PartialEq)]
pub struct UrlParts {
    pub protocol: Option<String>,
    pub auth: Option<Vec<String>>,
    pub host: Option<Vec<String>>,
    pub port: Option<String>,
    pub path: Option<Vec<String>>,
    pub query: Option<Vec<String>>,
    pub hash: Option<String>,
}

pub fn parse_url(raw: &str) -> UrlParts {
    let mut parts = UrlParts::default();
    let masked = mask_variables(raw.trim_start());
    let mut s: &str = &masked;
    if let Some(i) = s.find('#') {
        parts.hash = Some(unmask(&s[i + 1..]));
        s = &s[..i];
    }
    if let Some(i) = s.find('?') {
        parts.query = Some(s[i + 1..].split('&').map(unmask).collect());
        s = &s[..i];
    }
    let owned = s.replace('\\', "/");
    let mut s: &str = &owned;
    let stripped;
    if let Some(i) = s.find("://") {
        let protocol = &s[..i];
        let rest = &s[i + 3..];
        let trimmed = rest.trim_start_matches('/');
        stripped = if protocol.eq_ignore_ascii_case("file") && trimmed.len() != rest.len() {
            format!("/{trimmed}")
        } else {
            trimmed.to_string()
        };
        parts.protocol = Some(unmask(protocol));
        s = &stripped;
    }
    let mut host_part = s;
    if let Some(i) = s.find('/') {
        parts.path = Some(s[i + 1..].split('/').map(unmask).collect());
        host_part = &s[..i];
    }
    if let Some(i) = host_part.rfind('@') {
        let auth = &host_part[..i];
        parts.auth = Some(match auth.find(':') {
            Some(j) => vec![unmask(&auth[..j]), unmask(&auth[j + 1..])],
            None => vec![unmask(auth)],
        });
        host_part = &host_part[i + 1..];
    }
    if let Some(i) = host_part.rfind(':') {
        let port = &host_part[i + 1..];
        if !port.contains(']') {
            parts.port = Some(unmask(port));
            host_part = &host_part[..i];
        }
    }
    if !host_part.is_empty() {
        parts.host = Some(host_part.split('.').map(unmask).collect());
    }
    parts
}

/// `:id` path segments become URL variables (each name once).
fn path_variables(path: &[String]) -> Vec<Value> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for seg in path {
        if let Some(rest) = seg.strip_prefix(':') {
            let name = rest.split(':').next().unwrap_or("");
            if !name.is_empty() && !seen.contains(&name) {
                seen.push(name);
                let mut o = Map::new();
                o.insert("key".into(), Value::String(name.into()));
                out.push(variable(&o));
            }
        }
    }
    out
}

/// Split a host string on dots outside `{{…}}`.
fn split_host(s: &str) -> Vec<Value> {
    mask_variables(s)
        .split('.')
        .map(|p| Value::String(unmask(p)))
        .collect()
}

fn strs(v: Vec<String>) -> Value {
    Value::Array(v.into_iter().map(Value::String).collect())
}

/// `Url.toJSON()`: `[auth] [protocol] [port] [path] [hash] [host] query variable`.
pub fn url(v: Option<&Value>) -> Value {
    let mut out = Map::new();
    match v {
        Some(Value::Object(o)) => {
            if let Some(a) = o.get("auth").filter(|a| !a.is_null()) {
                out.insert("auth".into(), a.clone());
            }
            for key in ["protocol", "port"] {
                if let Some(x) = o.get(key).filter(|x| !x.is_null()) {
                    out.insert(key.into(), x.clone());
                }
            }
            match o.get("path") {
                Some(Value::String(p)) if !p.is_empty() => {
                    let p = if p.len() > 1 {
                        p.strip_prefix('/').unwrap_or(p)
                    } else {
                        p
                    };
                    let list: Vec<String> = if p == "/" {
                        vec![String::new()]
                    } else {
                        p.split('/').map(String::from).collect()
                    };
                    out.insert("path".into(), strs(list));
                }
                Some(Value::Array(a)) => {
                    out.insert("path".into(), Value::Array(a.clone()));
                }
                _ => {}
            }
            if let Some(h) = o.get("hash").filter(|x| !x.is_null()) {
                out.insert("hash".into(), h.clone());
            }
            match o.get("host") {
                Some(Value::String(h)) if !h.is_empty() => {
                    out.insert("host".into(), Value::Array(split_host(h)));
                }
                Some(Value::Array(a)) => {
                    out.insert("host".into(), Value::Array(a.clone()));
                }
                _ => {}
            }
            out.insert("query".into(), Value::Array(query_list(o.get("query"))));
            let vars = match o.get("variable") {
                Some(Value::Array(list)) => list
                    .iter()
                    .filter_map(Value::as_object)
                    .map(|v| {
                        let mut v = v.clone();
                        if v.get("key").is_none_or(|k| !truthy(k)) {
                            if let Some(id) = v.get("id").cloned() {
                                v.insert("key".into(), id);
                            }
                        }
                        variable(&v)
                    })
                    .collect(),
                _ => Vec::new(),
            };
            out.insert("variable".into(), Value::Array(vars));
        }
        Some(Value::String(s)) => {
            let p = parse_url(s);
            if let Some(a) = p.auth {
                let mut m = Map::new();
                if let Some(u) = a.first() {
                    m.insert("user".into(), Value::String(u.clone()));
                }
                if let Some(pw) = a.get(1) {
                    m.insert("password".into(), Value::String(pw.clone()));
                }
                out.insert("auth".into(), Value::Object(m));
            }
            if let Some(x) = p.protocol {
                out.insert("protocol".into(), Value::String(x));
            }
            if let Some(x) = p.port {
                out.insert("port".into(), Value::String(x));
            }
            let vars = p.path.as_deref().map(path_variables).unwrap_or_default();
            if let Some(x) = p.path {
                out.insert("path".into(), strs(x));
            }
            if let Some(x) = p.hash {
                out.insert("hash".into(), Value::String(x));
            }
            if let Some(x) = p.host {
                out.insert("host".into(), strs(x));
            }
            let query = p
                .query
                .map(|q| parse_query(&q.join("&")))
                .unwrap_or_default();
            out.insert("query".into(), Value::Array(query));
            out.insert("variable".into(), Value::Array(vars));
        }
        _ => {
            out.insert("query".into(), Value::Array(Vec::new()));
            out.insert("variable".into(), Value::Array(Vec::new()));
        }
    }
    Value::Object(out)
}

fn form_param(obj: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    property_head(obj, None, &mut out);
    out.insert(
        "key".into(),
        obj.get("key")
            .filter(|k| truthy(k))
            .cloned()
            .unwrap_or(Value::String(String::new())),
    );
    let value = obj
        .get("value")
        .filter(|v| truthy(v))
        .cloned()
        .unwrap_or(Value::String(String::new()));
    let is_file = obj.get("type").and_then(Value::as_str) == Some("file");
    if !(is_file && value.as_str().is_none_or(str::is_empty)) {
        out.insert("value".into(), value);
    }
    for key in ["type", "src", "contentType", "fileName"] {
        if let Some(v) = obj.get(key).filter(|v| !v.is_null()) {
            out.insert(key.into(), v.clone());
        }
    }
    Value::Object(out)
}

/// `RequestBody.toJSON()`: `mode [raw] [urlencoded] [formdata] [file]
/// [graphql] [options] [disabled]`; `{}` without a mode.
fn body(v: &Value) -> Value {
    let o = match v {
        Value::String(s) => {
            let mut m = Map::new();
            m.insert("mode".into(), Value::String("raw".into()));
            m.insert("raw".into(), Value::String(s.clone()));
            return Value::Object(m);
        }
        Value::Object(o) => o,
        _ => return Value::Object(Map::new()),
    };
    let mut out = Map::new();
    if let Some(m) = meta(o) {
        out.insert("_".into(), m);
    }
    let Some(mode_raw) = o.get("mode").filter(|m| truthy(m)) else {
        return Value::Object(out);
    };
    let mode_text = match mode_raw {
        Value::String(s) => s.to_lowercase(),
        other => other.to_string().to_lowercase(),
    };
    let mode = match mode_text.as_str() {
        "raw" | "urlencoded" | "formdata" | "file" | "graphql" => mode_text.clone(),
        _ => "raw".to_string(),
    };
    out.insert("mode".into(), Value::String(mode.clone()));
    match o.get("raw").filter(|r| truthy(r)) {
        Some(r) => {
            out.insert("raw".into(), r.clone());
        }
        None if mode == "raw" => {
            out.insert("raw".into(), Value::String(String::new()));
        }
        None => {}
    }
    match o.get("urlencoded").filter(|r| truthy(r)) {
        Some(u) => {
            out.insert("urlencoded".into(), Value::Array(query_list(Some(u))));
        }
        None if mode == "urlencoded" => {
            out.insert("urlencoded".into(), Value::Array(Vec::new()));
        }
        None => {}
    }
    match o.get("formdata").filter(|r| truthy(r)) {
        Some(Value::Array(list)) => {
            out.insert(
                "formdata".into(),
                Value::Array(
                    list.iter()
                        .filter_map(Value::as_object)
                        .map(form_param)
                        .collect(),
                ),
            );
        }
        _ if mode == "formdata" => {
            out.insert("formdata".into(), Value::Array(Vec::new()));
        }
        _ => {}
    }
    match o.get("file") {
        Some(Value::String(s)) => {
            let mut m = Map::new();
            m.insert("src".into(), Value::String(s.clone()));
            out.insert("file".into(), Value::Object(m));
        }
        Some(f) if !f.is_null() => {
            out.insert("file".into(), f.clone());
        }
        _ => {}
    }
    match o.get("graphql").filter(|g| truthy(g)) {
        Some(g) => {
            let mut m = Map::new();
            for key in ["query", "operationName", "variables"] {
                if let Some(v) = g.get(key) {
                    m.insert(key.into(), v.clone());
                }
            }
            out.insert("graphql".into(), Value::Object(m));
        }
        None if mode == "graphql" => {
            out.insert("graphql".into(), Value::Object(Map::new()));
        }
        None => {}
    }
    if let Some(opts @ Value::Object(_)) = o.get("options") {
        out.insert("options".into(), opts.clone());
    }
    if let Some(d) = o.get("disabled") {
        out.insert("disabled".into(), d.clone());
    }
    Value::Object(out)
}

/// `RequestAuth.toJSON()`: `type` then each type's parameters as variables.
pub fn auth(v: &Value) -> Option<Value> {
    let o = v.as_object()?;
    let mut out = Map::new();
    property_head(o, None, &mut out);
    let ty = o.get("type").and_then(Value::as_str);
    if let Some(t) = ty {
        out.insert("type".into(), Value::String(t.into()));
        out.insert(t.into(), variables(o.get(t)));
    }
    for (k, params) in o {
        if k == "type"
            || Some(k.as_str()) == ty
            || !matches!(params, Value::Array(_) | Value::Object(_))
        {
            continue;
        }
        if k.starts_with('_') || k == "id" || k == "name" || k == "description" || k == "disabled" {
            continue;
        }
        out.insert(k.clone(), variables(Some(params)));
    }
    Some(Value::Object(out))
}

/// `Request.toJSON()`: `[description] url [header] method [body] [auth]
/// [proxy] [certificate]`.
pub fn request(v: Option<&Value>) -> Value {
    let mut out = Map::new();
    match v {
        Some(Value::Object(o)) => {
            property_head(o, None, &mut out);
            out.insert("url".into(), url(o.get("url")));
            let hs = headers(o.get("header"));
            if !hs.is_empty() {
                out.insert("header".into(), Value::Array(hs));
            }
            let method = match o.get("method") {
                Some(Value::String(m)) => m.to_uppercase(),
                Some(Value::Null) | None => "GET".into(),
                Some(other) => other.to_string().to_uppercase(),
            };
            out.insert("method".into(), Value::String(method));
            if let Some(b) = o.get("body") {
                if !b.is_null() {
                    out.insert("body".into(), body(b));
                }
            }
            if let Some(a) = o.get("auth").filter(|a| truthy(a)).and_then(auth) {
                out.insert("auth".into(), a);
            }
            for key in ["proxy", "certificate"] {
                if let Some(x) = o.get(key).filter(|x| truthy(x)) {
                    out.insert(key.into(), x.clone());
                }
            }
        }
        Some(s @ Value::String(_)) => {
            out.insert("url".into(), url(Some(s)));
            out.insert("method".into(), Value::String("GET".into()));
        }
        _ => {
            out.insert("url".into(), url(None));
            out.insert("method".into(), Value::String("GET".into()));
        }
    }
    Value::Object(out)
}

fn script(v: &Value) -> Value {
    let o: Map<String, Value> = match v {
        Value::String(_) | Value::Array(_) => {
            let mut m = Map::new();
            m.insert("exec".into(), v.clone());
            m
        }
        Value::Object(o) => o.clone(),
        _ => Map::new(),
    };
    let mut out = Map::new();
    let id = o
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(new_id);
    property_head(&o, Some(&id), &mut out);
    let ty = o
        .get("type")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .unwrap_or("text/javascript");
    out.insert("type".into(), Value::String(ty.into()));
    if let Some(p) = o.get("packages").filter(|p| !p.is_null()) {
        out.insert("packages".into(), p.clone());
    }
    if let Some(src) = o.get("src") {
        out.insert("src".into(), url(Some(src)));
    } else {
        match o.get("exec") {
            Some(Value::String(s)) => {
                let lines: Vec<String> = s
                    .split('\n')
                    .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
                    .collect();
                out.insert("exec".into(), strs(lines));
            }
            Some(Value::Array(a)) => {
                out.insert("exec".into(), Value::Array(a.clone()));
            }
            _ => {}
        }
    }
    Value::Object(out)
}

fn event(o: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    property_head(o, None, &mut out);
    if let Some(Value::String(l)) = o.get("listen") {
        out.insert("listen".into(), Value::String(l.clone()));
    }
    if let Some(s) = o.get("script").filter(|s| !s.is_null()) {
        out.insert("script".into(), script(s));
    }
    Value::Object(out)
}

fn events(v: Option<&Value>) -> Value {
    match v {
        Some(Value::Array(list)) => Value::Array(
            list.iter()
                .filter_map(Value::as_object)
                .map(event)
                .collect(),
        ),
        _ => Value::Array(Vec::new()),
    }
}

/// A saved example response (`Response.toJSON()`, bodies as saved).
fn example_response(o: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    let id = o
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(new_id);
    property_head(o, Some(&id), &mut out);
    if let Some(r) = o.get("originalRequest").filter(|r| truthy(r)) {
        out.insert("originalRequest".into(), request(Some(r)));
    }
    if let Some(s) = o
        .get("status")
        .or_else(|| o.get("reason"))
        .filter(|s| !s.is_null())
    {
        out.insert("status".into(), s.clone());
    }
    if let Some(c) = o.get("code").filter(|c| !c.is_null()) {
        out.insert("code".into(), c.clone());
    }
    out.insert("header".into(), Value::Array(headers(o.get("header"))));
    if let Some(b) = o.get("body").filter(|b| !b.is_null()) {
        out.insert("body".into(), b.clone());
    }
    if let Some(Value::Array(c)) = o.get("cookie") {
        out.insert("cookie".into(), Value::Array(c.clone()));
    } else {
        out.insert("cookie".into(), Value::Array(Vec::new()));
    }
    if let Some(t) = o.get("responseTime").filter(|t| !t.is_null()) {
        out.insert("responseTime".into(), t.clone());
    }
    Value::Object(out)
}

fn ppb(o: &Map<String, Value>, out: &mut Map<String, Value>) {
    if let Some(p @ Value::Object(_)) = o.get("protocolProfileBehavior") {
        out.insert("protocolProfileBehavior".into(), p.clone());
    }
}

/// Where each item sits in the tree, as indices into nested `item` arrays
/// (the document's and the model's agree).
type TreePath = Vec<usize>;

/// The collection in the SDK's shape, normalised on demand: an item when
/// a report asks for it, the whole collection as it is serialised.
#[derive(Debug, Clone)]
pub struct Normalized {
    collection: Arc<Collection>,
    /// The collection id (made up when the file had none, as the SDK does).
    pub id: String,
    items: HashMap<String, TreePath>,
}

/// A group in the tree: the collection itself or a folder at a path.
pub struct Group<'a> {
    n: &'a Normalized,
    path: Vec<usize>,
    /// The folder and its object in the document; `None` for the collection.
    folder: Option<(&'a Folder, &'a Map<String, Value>)>,
}

impl Normalized {
    /// The item's JSON, as the report's `executions[].item` and
    /// `failures[].source`.
    pub fn item(&self, id: &str) -> Option<Value> {
        let path = self.items.get(id)?;
        match self.node(path)? {
            (Item::Request(r), raw) => Some(with_id_scope(scope_of(path), || request_item(r, raw))),
            (Item::Folder(_), _) => None,
        }
    }

    /// The group holding the item (a folder, or the whole collection for
    /// an item at the root): `failures[].parent`.
    pub fn parent(&self, id: &str) -> Option<Group<'_>> {
        let p = self.items.get(id)?;
        let path = &p[..p.len().saturating_sub(1)];
        if path.is_empty() {
            return Some(self.whole());
        }
        match self.node(path)? {
            (Item::Folder(f), raw) => Some(Group {
                n: self,
                path: path.to_vec(),
                folder: Some((f, raw)),
            }),
            (Item::Request(_), _) => None,
        }
    }

    /// The whole collection (`Collection.toJSON()`).
    pub fn whole(&self) -> Group<'_> {
        Group {
            n: self,
            path: Vec::new(),
            folder: None,
        }
    }

    /// The model's item and the document's object at `path`.
    fn node(&self, path: &[usize]) -> Option<(&Item, &Map<String, Value>)> {
        let (first, rest) = path.split_first()?;
        let mut raw = self.collection.raw.get("item").and_then(|l| l.get(*first));
        let mut item = self.collection.items.get(*first)?;
        for &i in rest {
            let Item::Folder(f) = item else {
                return None;
            };
            raw = raw.and_then(|r| r.get("item")).and_then(|l| l.get(i));
            item = f.items.get(i)?;
        }
        Some((item, raw.and_then(Value::as_object).unwrap_or(empty_map())))
    }
}

fn scope_of(path: &[usize]) -> String {
    let mut s = String::with_capacity(path.len() * 4);
    for i in path {
        s.push_str(&i.to_string());
        s.push('/');
    }
    s
}

fn empty_map() -> &'static Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Map::new)
}

/// `Item.toJSON()` of a request item.
fn request_item(r: &RequestItem, raw_obj: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    property_head(raw_obj, Some(&r.id), &mut out);
    if raw_obj.get("name").is_none() && !r.name.is_empty() {
        out.insert("name".into(), Value::String(r.name.clone()));
    }
    out.insert("request".into(), request(raw_obj.get("request")));
    let responses = match raw_obj.get("response") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_object)
            .map(example_response)
            .collect(),
        _ => Vec::new(),
    };
    out.insert("response".into(), Value::Array(responses));
    out.insert("event".into(), events(raw_obj.get("event")));
    ppb(raw_obj, &mut out);
    Value::Object(out)
}

/// `ItemGroup.toJSON()` of a folder, with `item` left as a placeholder
/// for the children, which are printed one at a time.
fn folder_head(f: &Folder, raw_obj: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    property_head(raw_obj, Some(&f.id), &mut out);
    if raw_obj.get("name").is_none() && !f.name.is_empty() {
        out.insert("name".into(), Value::String(f.name.clone()));
    }
    out.insert("item".into(), Value::Null);
    if let Some(a) = raw_obj.get("auth").filter(|a| truthy(a)).and_then(auth) {
        out.insert("auth".into(), a);
    }
    out.insert("event".into(), events(raw_obj.get("event")));
    ppb(raw_obj, &mut out);
    out
}

/// `Collection.toJSON()` with `item` left as a placeholder.
fn collection_head(n: &Normalized) -> Map<String, Value> {
    let c = &n.collection;
    let root = c.raw.as_object().unwrap_or(empty_map());
    let info = root
        .get("info")
        .and_then(Value::as_object)
        .unwrap_or(empty_map());
    let mut out = Map::new();
    if let Some(m) = meta(info) {
        out.insert("_".into(), m);
    }
    out.insert("item".into(), Value::Null);
    if let Some(a) = root.get("auth").filter(|a| truthy(a)).and_then(auth) {
        out.insert("auth".into(), a);
    }
    out.insert("event".into(), events(root.get("event")));
    ppb(root, &mut out);
    out.insert("variable".into(), variables(root.get("variable")));

    let mut info_out = Map::new();
    info_out.insert("_postman_id".into(), Value::String(n.id.clone()));
    if !c.name.is_empty() {
        info_out.insert("name".into(), Value::String(c.name.clone()));
    }
    if let Some(v) = info.get("version").filter(|v| truthy(v)) {
        info_out.insert("version".into(), v.clone());
    }
    info_out.insert("schema".into(), Value::String(SCHEMA_V21.into()));
    if let Some(d) = info.get("description").and_then(description) {
        info_out.insert("description".into(), d);
    }
    out.insert("info".into(), Value::Object(info_out));
    out
}

/// A group's `item` array, each child normalised as it is printed.
struct Children<'a> {
    n: &'a Normalized,
    path: &'a [usize],
    items: &'a [Item],
    /// The group's `item` array in the document.
    raw: Option<&'a Value>,
}

impl Serialize for Children<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        let mut path = self.path.to_vec();
        for (i, item) in self.items.iter().enumerate() {
            let raw = self
                .raw
                .and_then(|l| l.get(i))
                .and_then(Value::as_object)
                .unwrap_or(empty_map());
            path.push(i);
            match item {
                Item::Request(r) => {
                    let v = with_id_scope(scope_of(&path), || request_item(r, raw));
                    seq.serialize_element(&v)?;
                }
                Item::Folder(f) => seq.serialize_element(&Group {
                    n: self.n,
                    path: path.clone(),
                    folder: Some((f, raw)),
                })?,
            }
            path.pop();
        }
        seq.end()
    }
}

impl Serialize for Group<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (head, items, raw) = match self.folder {
            None => {
                let c = &self.n.collection;
                let head = with_id_scope(String::new(), || collection_head(self.n));
                (head, &c.items[..], c.raw.get("item"))
            }
            Some((f, raw)) => (
                with_id_scope(scope_of(&self.path), || folder_head(f, raw)),
                &f.items[..],
                raw.get("item"),
            ),
        };
        let mut m = s.serialize_map(Some(head.len()))?;
        for (k, v) in &head {
            if k == "item" {
                let children = Children {
                    n: self.n,
                    path: &self.path,
                    items,
                    raw,
                };
                m.serialize_entry(k, &children)?;
            } else {
                m.serialize_entry(k, v)?;
            }
        }
        m.end()
    }
}

impl Serialize for Normalized {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.whole().serialize(s)
    }
}

fn index_items(items: &[Item], path: &mut TreePath, index: &mut HashMap<String, TreePath>) {
    for (i, it) in items.iter().enumerate() {
        path.push(i);
        match it {
            Item::Request(r) => {
                index.insert(r.id.clone(), path.clone());
            }
            Item::Folder(f) => index_items(&f.items, path, index),
        }
        path.pop();
    }
}

/// `Collection.toJSON()` of the collection as loaded, made as it is used.
pub fn normalize(c: &Arc<Collection>) -> Normalized {
    let mut index = HashMap::new();
    index_items(&c.items, &mut Vec::new(), &mut index);
    Normalized {
        id: collection_id(c),
        collection: c.clone(),
        items: index,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn made_up_ids_agree_between_the_collection_and_each_execution_item() {
        let doc = json!({
            "info": {"name": "c", "schema": SCHEMA_V21},
            "item": [
                {"name": "f", "item": [
                    {"id": "r1", "name": "r1", "request": "http://x/1",
                     "event": [{"listen": "test", "script": {"exec": ["1"]}},
                               {"listen": "prerequest", "script": {"exec": ["2"]}}],
                     "response": [{"name": "saved"}]}
                ]},
                {"id": "r2", "name": "r2", "request": "http://x/2",
                 "event": [{"listen": "test", "script": {"exec": ["1"]}}]}
            ]
        });
        let c = crate::collection::collection_from_value(doc, std::path::Path::new("c.json"))
            .expect("collection");
        let n = normalize(&Arc::new(c));
        let whole = serde_json::to_value(n.whole()).expect("serialises");
        let r1 = n.item("r1").expect("r1");
        assert_eq!(r1, n.item("r1").expect("r1 again"));
        assert_eq!(whole["item"][0]["item"][0], r1);
        assert_eq!(whole["item"][1], n.item("r2").expect("r2"));
        let ids = [
            &r1["event"][0]["script"]["id"],
            &r1["event"][1]["script"]["id"],
            &r1["response"][0]["id"],
            &whole["item"][1]["event"][0]["script"]["id"],
        ];
        for id in ids {
            let text = id.as_str().expect("an id");
            assert!(uuid::Uuid::parse_str(text).is_ok(), "{text}");
        }
        // distinct places, distinct ids
        let distinct: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
        let parent = serde_json::to_value(n.parent("r1").expect("parent")).expect("serialises");
        assert_eq!(parent, whole["item"][0]);
    }

    fn u(s: &str) -> Value {
        url(Some(&Value::String(s.into())))
    }

    // Expected values were produced by postman-collection 4.4 (`new Url(s).toJSON()`).
    #[test]
    fn url_strings_split_like_the_sdk() {
        assert_eq!(
            u("{{base}}/a/:id?x=1&&y=#h"),
            json!({"path":["a",":id"],"hash":"h","host":["{{base}}"],"query":[{"key":"x","value":"1"},{"key":null,"value":null},{"key":"y","value":""}],"variable":[{"type":"any","key":"id"}]})
        );
        assert_eq!(
            u("https://u:p@{{host.name}}:{{port}}/p/q/"),
            json!({"auth":{"user":"u","password":"p"},"protocol":"https","port":"{{port}}","path":["p","q",""],"host":["{{host.name}}"],"query":[],"variable":[]})
        );
        assert_eq!(
            u("localhost:3000"),
            json!({"port":"3000","host":["localhost"],"query":[],"variable":[]})
        );
        assert_eq!(
            u("/rel/path"),
            json!({"path":["rel","path"],"query":[],"variable":[]})
        );
        assert_eq!(
            u("http://[::1]:8080/x"),
            json!({"protocol":"http","port":"8080","path":["x"],"host":["[::1]"],"query":[],"variable":[]})
        );
        assert_eq!(
            u("file:///tmp/x"),
            json!({"protocol":"file","path":["tmp","x"],"query":[],"variable":[]})
        );
        assert_eq!(u(""), json!({"query":[],"variable":[]}));
        assert_eq!(
            u("http://example.com/"),
            json!({"protocol":"http","path":[""],"host":["example","com"],"query":[],"variable":[]})
        );
        assert_eq!(
            u("{{url}}"),
            json!({"host":["{{url}}"],"query":[],"variable":[]})
        );
        assert_eq!(
            u("http://a.com/p;x?q=a=b"),
            json!({"protocol":"http","path":["p;x"],"host":["a","com"],"query":[{"key":"q","value":"a=b"}],"variable":[]})
        );
    }

    #[test]
    fn url_objects_keep_parts() {
        let v = json!({"raw":"http://x.com/a","host":"x.com","path":"/a/b","query":[{"key":"k","value":"v","disabled":true,"description":"d"}],"variable":[{"id":"v1","value":1}]});
        assert_eq!(
            url(Some(&v)),
            json!({"path":["a","b"],"host":["x","com"],"query":[{"disabled":true,"description":{"content":"d","type":"text/plain"},"key":"k","value":"v"}],"variable":[{"id":"v1","type":"any","value":1,"key":"v1"}]})
        );
    }

    #[test]
    fn requests_and_bodies() {
        let r = json!({"url":"http://x","body":{"mode":"formdata","formdata":[{"key":"f","type":"file","src":["a","b"],"value":null},{"key":"t","value":"v","contentType":"text/plain","disabled":true}]}});
        assert_eq!(
            request(Some(&r)),
            json!({"url":{"protocol":"http","host":["x"],"query":[],"variable":[]},"method":"GET","body":{"mode":"formdata","formdata":[{"key":"f","type":"file","src":["a","b"]},{"disabled":true,"key":"t","value":"v","contentType":"text/plain"}]}})
        );
        let r = json!({"url":"http://x","body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"b","type":"text","disabled":false}]}});
        assert_eq!(
            request(Some(&r))["body"],
            json!({"mode":"urlencoded","urlencoded":[{"disabled":false,"key":"a","value":"b"}]})
        );
        assert_eq!(
            request(Some(&json!({"url":"http://x","body":{"raw":"x"}})))["body"],
            json!({})
        );
        assert_eq!(
            request(Some(&json!({"url":"http://x","body":{"mode":"raw"}})))["body"],
            json!({"mode":"raw","raw":""})
        );
        let r = json!({"url":"http://x","body":{"mode":"graphql","graphql":{"query":"q"}},"header":"A: 1\nB: 2"});
        assert_eq!(
            request(Some(&r)),
            json!({"url":{"protocol":"http","host":["x"],"query":[],"variable":[]},"header":[{"key":"A","value":"1"},{"key":"B","value":"2"}],"method":"GET","body":{"mode":"graphql","graphql":{"query":"q"}}})
        );
    }

    #[test]
    fn auth_params() {
        assert_eq!(
            auth(&json!({"type":"basic","basic":{"username":"u","password":"p"}})).unwrap(),
            json!({"type":"basic","basic":[{"type":"any","value":"u","key":"username"},{"type":"any","value":"p","key":"password"}]})
        );
        assert_eq!(
            auth(&json!({"type":"basic","basic":[{"key":"username","value":"u"}],"bearer":[{"key":"token","value":"t","type":"string"}]})).unwrap(),
            json!({"type":"basic","basic":[{"type":"any","value":"u","key":"username"}],"bearer":[{"type":"string","value":"t","key":"token"}]})
        );
        assert_eq!(
            auth(&json!({"type":"noauth"})).unwrap(),
            json!({"type":"noauth","noauth":[]})
        );
    }

    #[test]
    fn events_and_scripts() {
        let e = event(json!({"listen":"test","id":"e1","disabled":true,"script":{"id":"s","exec":"a\r\nb","type":"text/javascript","name":"n"}}).as_object().unwrap());
        assert_eq!(
            e,
            json!({"id":"e1","disabled":true,"listen":"test","script":{"id":"s","name":"n","type":"text/javascript","exec":["a","b"]}})
        );
        let e = event(
            json!({"listen":"test","script":"a\nb"})
                .as_object()
                .unwrap(),
        );
        assert_eq!(e["script"]["exec"], json!(["a", "b"]));
        assert!(e["script"]["id"].as_str().is_some_and(|s| s.len() == 36));
    }

    #[test]
    fn scope_values() {
        let list = VarList::new(vec![
            crate::collection::Variable {
                key: "a".into(),
                value: json!("1"),
                kind: "string".into(),
                disabled: false,
                undefined: false,
            },
            crate::collection::Variable {
                key: "b".into(),
                value: json!(2),
                kind: "default".into(),
                disabled: true,
                undefined: false,
            },
            crate::collection::Variable {
                key: "d".into(),
                value: json!({"x": 1}),
                kind: "object".into(),
                disabled: false,
                undefined: false,
            },
        ]);
        assert_eq!(
            var_list(&list),
            json!([{"type":"string","value":"1","key":"a"},{"disabled":true,"type":"any","value":2,"key":"b"},{"type":"object","value":"{\"x\":1}","key":"d"}])
        );
    }
}
