//! Turning loaded JSON into the model. Postman files are loose (a URL is a
//! string or an object, a description a string or an object, auth params a
//! list or a map), so this reads `serde_json::Value` by hand and reports the
//! JSON path of anything it cannot accept.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::model::*;

/// A shape problem at a JSON path (`item[2].request.url`).
#[derive(Debug)]
pub struct ShapeError {
    pub path: String,
    pub message: String,
}

type R<T> = Result<T, ShapeError>;

fn err<T>(path: &str, message: impl Into<String>) -> R<T> {
    Err(ShapeError {
        path: path.to_string(),
        message: message.into(),
    })
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Text of a scalar the way JS's `String(x)` would give it.
pub fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => crate::vars::number_to_js_string(n),
        other => other.to_string(),
    }
}

fn opt_str(obj: &Map<String, Value>, key: &str, path: &str) -> R<Option<String>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => Ok(Some(scalar_text(v))),
        Some(v) => err(
            &format!("{path}.{key}"),
            format!("expected a string, found {}", type_name(v)),
        ),
    }
}

fn description(obj: &Map<String, Value>) -> Option<String> {
    match obj.get("description") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o
            .get("content")
            .and_then(|c| c.as_str())
            .map(str::to_string),
        _ => None,
    }
}

fn is_disabled(obj: &Map<String, Value>) -> bool {
    matches!(obj.get("disabled"), Some(Value::Bool(true)))
}

static SCRIPT_SEQ: AtomicUsize = AtomicUsize::new(0);

fn fresh_id(prefix: &str) -> String {
    format!("{prefix}-{}", SCRIPT_SEQ.fetch_add(1, Ordering::Relaxed))
}

pub fn variables(v: Option<&Value>, path: &str) -> R<Vec<Variable>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let list = match v {
        Value::Null => return Ok(Vec::new()),
        Value::Array(a) => a,
        // v2.0 allowed a map of key → value in some exports.
        Value::Object(o) => {
            return Ok(o
                .iter()
                .map(|(k, v)| Variable::new(k.clone(), v.clone()))
                .collect())
        }
        other => {
            return err(
                path,
                format!("expected an array of variables, found {}", type_name(other)),
            )
        }
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let Value::Object(o) = entry else {
            return err(
                &p,
                format!("expected a variable object, found {}", type_name(entry)),
            );
        };
        let key = match o.get("key").or_else(|| o.get("id")) {
            Some(Value::String(s)) => s.clone(),
            Some(v @ Value::Number(_)) => scalar_text(v),
            None | Some(Value::Null) => continue, // a variable without a name can never be referenced
            Some(v) => {
                return err(
                    &format!("{p}.key"),
                    format!("expected a string, found {}", type_name(v)),
                )
            }
        };
        let kind = o
            .get("type")
            .and_then(|t| t.as_str())
            .unwrap_or("any")
            .to_string();
        // A variable with no value holds `undefined` in Newman, or, when
        // typed, `undefined` cast to its type (NaN, which JSON cannot hold,
        // stays null).
        let value = o
            .get("value")
            .cloned()
            .or_else(|| match kind.to_ascii_lowercase().as_str() {
                "string" => Some(Value::String("undefined".into())),
                "boolean" => Some(Value::Bool(false)),
                "number" => Some(Value::Null),
                _ => None,
            });
        out.push(Variable {
            key,
            undefined: value.is_none(),
            value: value.unwrap_or(Value::Null),
            kind,
            disabled: is_disabled(o),
        });
    }
    Ok(out)
}

fn events(v: Option<&Value>, path: &str, owner: &str) -> R<Vec<Event>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let list = match v {
        Value::Null => return Ok(Vec::new()),
        Value::Array(a) => a,
        other => {
            return err(
                path,
                format!("expected an array of events, found {}", type_name(other)),
            )
        }
    };
    let mut out = Vec::new();
    for (i, e) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let Value::Object(o) = e else {
            return err(
                &p,
                format!("expected an event object, found {}", type_name(e)),
            );
        };
        let listen = match o.get("listen").and_then(|l| l.as_str()) {
            Some("prerequest") => Listen::PreRequest,
            Some("test") => Listen::Test,
            // Other listeners (e.g. the app's "beforeRequest") are not run by Newman.
            _ => continue,
        };
        let Some(script) = o.get("script") else {
            continue;
        };
        let script = match script {
            Value::Object(s) => s,
            Value::Null => continue,
            other => {
                return err(
                    &format!("{p}.script"),
                    format!("expected a script object, found {}", type_name(other)),
                )
            }
        };
        let exec = match script.get("exec") {
            Some(Value::Array(lines)) => {
                let mut text = String::new();
                for (j, l) in lines.iter().enumerate() {
                    if j > 0 {
                        text.push('\n');
                    }
                    match l {
                        Value::String(s) => text.push_str(s),
                        Value::Null => {}
                        other => {
                            return err(
                                &format!("{p}.script.exec[{j}]"),
                                format!(
                                    "expected a line of script text, found {}",
                                    type_name(other)
                                ),
                            )
                        }
                    }
                }
                text
            }
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) => String::new(),
            Some(other) => {
                return err(
                    &format!("{p}.script.exec"),
                    format!(
                        "expected an array of lines or a string, found {}",
                        type_name(other)
                    ),
                )
            }
        };
        let id = script
            .get("id")
            .and_then(|v| v.as_str())
            .map(|s| format!("{s}#{}", fresh_id("s")))
            .unwrap_or_else(|| fresh_id("script"));
        out.push(Event {
            listen,
            script: Arc::new(Script::new(id, exec.into(), owner.to_string())),
            disabled: is_disabled(o),
        });
    }
    Ok(out)
}

pub fn auth(v: Option<&Value>, path: &str) -> R<Option<Auth>> {
    let Some(v) = v else { return Ok(None) };
    let o = match v {
        Value::Null => return Ok(None),
        Value::Object(o) => o,
        other => {
            return err(
                path,
                format!("expected an auth object, found {}", type_name(other)),
            )
        }
    };
    let kind = match o.get("type") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return err(
                &format!("{path}.type"),
                format!("expected a string, found {}", type_name(other)),
            )
        }
        None => {
            return err(
                &format!("{path}.type"),
                "expected the auth type (for example \"basic\"), found nothing",
            )
        }
    };
    let mut params = Vec::new();
    match o.get(&kind) {
        Some(Value::Array(list)) => {
            for p in list {
                if let Some(po) = p.as_object() {
                    if let Some(k) = po.get("key").and_then(|k| k.as_str()) {
                        let value = po.get("value").cloned().unwrap_or(Value::Null);
                        params.push((k.to_string(), cast_auth_param(po, value)));
                    }
                }
            }
        }
        Some(Value::Object(map)) => {
            for (k, v) in map {
                params.push((k.clone(), v.clone()));
            }
        }
        _ => {}
    }
    Ok(Some(Auth { kind, params }))
}

/// The SDK casts a typed auth parameter's value (`Variable` types):
/// `"string"` with JavaScript's `String()` (`false` → `"false"`, which is
/// truthy), `"boolean"` with `Boolean()`.
fn cast_auth_param(p: &Map<String, Value>, value: Value) -> Value {
    if !p.contains_key("value") {
        return value;
    }
    match (p.get("type").and_then(|t| t.as_str()), value) {
        (Some("string"), Value::Bool(b)) => Value::String(b.to_string()),
        (Some("string"), Value::Null) => Value::String("null".into()),
        (Some("string"), Value::Number(n)) => Value::String(n.to_string()),
        (Some("boolean"), v) => Value::Bool(match v {
            Value::Bool(b) => b,
            Value::Null => false,
            Value::String(s) => !s.is_empty(),
            Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
            _ => true,
        }),
        (_, v) => v,
    }
}

fn ppb(v: Option<&Value>) -> Map<String, Value> {
    match v {
        Some(Value::Object(o)) => o.clone(),
        _ => Map::new(),
    }
}

fn str_list(v: &Value, path: &str, sep: char) -> R<Vec<String>> {
    match v {
        Value::String(s) => Ok(if s.is_empty() {
            Vec::new()
        } else {
            s.split(sep).map(str::to_string).collect()
        }),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, x)| match x {
                Value::String(s) => Ok(s.clone()),
                Value::Object(o) => Ok(o.get("value").map(scalar_text).unwrap_or_default()),
                Value::Null => Ok(String::new()),
                v @ (Value::Number(_) | Value::Bool(_)) => Ok(scalar_text(v)),
                other => err(
                    &format!("{path}[{i}]"),
                    format!("expected a string, found {}", type_name(other)),
                ),
            })
            .collect(),
        other => err(
            path,
            format!("expected a string or an array, found {}", type_name(other)),
        ),
    }
}

pub fn url(v: Option<&Value>, path: &str) -> R<UrlDef> {
    match v {
        None | Some(Value::Null) => Ok(UrlDef::default()),
        Some(Value::String(s)) => Ok(UrlDef {
            raw: s.clone(),
            ..UrlDef::default()
        }),
        Some(Value::Object(o)) => {
            let raw = opt_str(o, "raw", path)?.unwrap_or_default();
            let host = match o.get("host") {
                Some(v @ (Value::String(_) | Value::Array(_))) => {
                    Some(str_list(v, &format!("{path}.host"), '.')?)
                }
                _ => None,
            };
            let path_parts = match o.get("path") {
                Some(v @ (Value::String(_) | Value::Array(_))) => {
                    let mut parts = str_list(v, &format!("{path}.path"), '/')?;
                    if let Value::String(s) = v {
                        if s.starts_with('/') && !parts.is_empty() {
                            parts.remove(0);
                        }
                    }
                    Some(parts)
                }
                _ => None,
            };
            let mut query = Vec::new();
            if let Some(Value::Array(list)) = o.get("query") {
                for q in list {
                    if let Some(qo) = q.as_object() {
                        query.push(QueryParam {
                            key: qo.get("key").and_then(|k| {
                                if k.is_null() {
                                    None
                                } else {
                                    Some(scalar_text(k))
                                }
                            }),
                            value: qo.get("value").and_then(|k| {
                                if k.is_null() {
                                    None
                                } else {
                                    Some(scalar_text(k))
                                }
                            }),
                            disabled: is_disabled(qo),
                        });
                    }
                }
            }
            Ok(UrlDef {
                raw,
                protocol: opt_str(o, "protocol", path)?,
                host,
                port: opt_str(o, "port", path)?,
                path: path_parts,
                query,
                variables: variables(o.get("variable"), &format!("{path}.variable"))?,
                hash: opt_str(o, "hash", path)?,
                structured: true,
            })
        }
        Some(other) => err(
            path,
            format!(
                "expected a URL string or object, found {}",
                type_name(other)
            ),
        ),
    }
}

fn headers(v: Option<&Value>, path: &str) -> R<Vec<Header>> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(list)) => {
            let mut out = Vec::new();
            for (i, h) in list.iter().enumerate() {
                match h {
                    Value::Object(o) => out.push(Header {
                        key: o.get("key").map(scalar_text).unwrap_or_default(),
                        value: o.get("value").map(scalar_text).unwrap_or_default(),
                        disabled: is_disabled(o),
                    }),
                    Value::String(s) => out.extend(parse_header_text(s)),
                    other => {
                        return err(
                            &format!("{path}[{i}]"),
                            format!("expected a header object, found {}", type_name(other)),
                        )
                    }
                }
            }
            Ok(out)
        }
        // v2.0 allowed the headers as one "Key: value\n" string.
        Some(Value::String(s)) => Ok(parse_header_text(s)),
        Some(other) => err(
            path,
            format!("expected an array of headers, found {}", type_name(other)),
        ),
    }
}

fn parse_header_text(s: &str) -> Vec<Header> {
    s.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() {
                return None;
            }
            let (disabled, line) = match line.strip_prefix("//") {
                Some(rest) => (true, rest.trim()),
                None => (false, line),
            };
            let (k, v) = line.split_once(':').unwrap_or((line, ""));
            Some(Header {
                key: k.trim().to_string(),
                value: v.trim().to_string(),
                disabled,
            })
        })
        .collect()
}

fn kv_list(v: Option<&Value>, path: &str) -> R<Vec<KeyValue>> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(list)) => Ok(list
            .iter()
            .filter_map(|x| x.as_object())
            .map(|o| KeyValue {
                key: o.get("key").map(scalar_text).unwrap_or_default(),
                value: o.get("value").map(scalar_text).unwrap_or_default(),
                disabled: is_disabled(o),
                content_type: o
                    .get("contentType")
                    .and_then(|c| c.as_str())
                    .map(str::to_string),
            })
            .collect()),
        Some(other) => err(
            path,
            format!("expected an array, found {}", type_name(other)),
        ),
    }
}

fn body(v: Option<&Value>, path: &str) -> R<Option<Body>> {
    let o = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(o)) => o,
        Some(Value::String(s)) => {
            return Ok(Some(Body::Raw {
                raw: s.clone(),
                language: None,
            }))
        }
        Some(other) => {
            return err(
                path,
                format!("expected a body object, found {}", type_name(other)),
            )
        }
    };
    if is_disabled(o) {
        return Ok(Some(Body::None));
    }
    let mode = o.get("mode").and_then(|m| m.as_str()).unwrap_or("");
    let b = match mode {
        "raw" => Body::Raw {
            raw: o.get("raw").map(scalar_text).unwrap_or_default(),
            language: o
                .get("options")
                .and_then(|x| x.get("raw"))
                .and_then(|x| x.get("language"))
                .and_then(|x| x.as_str())
                .map(str::to_string),
        },
        "urlencoded" => {
            Body::UrlEncoded(kv_list(o.get("urlencoded"), &format!("{path}.urlencoded"))?)
        }
        "formdata" => {
            let mut params = Vec::new();
            if let Some(Value::Array(list)) = o.get("formdata") {
                for p in list.iter().filter_map(|x| x.as_object()) {
                    let key = p.get("key").map(scalar_text).unwrap_or_default();
                    let is_file = p.get("type").and_then(|t| t.as_str()) == Some("file");
                    let value = if is_file {
                        FormValue::File(match p.get("src") {
                            Some(Value::String(s)) => vec![s.clone()],
                            Some(Value::Array(a)) => a
                                .iter()
                                .filter_map(|x| x.as_str().map(str::to_string))
                                .collect(),
                            _ => Vec::new(),
                        })
                    } else {
                        FormValue::Text(p.get("value").map(scalar_text).unwrap_or_default())
                    };
                    params.push(FormParam {
                        key,
                        value,
                        disabled: is_disabled(p),
                        content_type: p
                            .get("contentType")
                            .and_then(|c| c.as_str())
                            .map(str::to_string),
                    });
                }
            }
            Body::FormData(params)
        }
        "file" => Body::File {
            src: o
                .get("file")
                .and_then(|f| f.get("src"))
                .and_then(|s| s.as_str())
                .map(str::to_string),
        },
        "graphql" => {
            let g = o.get("graphql");
            let query = g
                .and_then(|g| g.get("query"))
                .map(scalar_text)
                .unwrap_or_default();
            let variables = g
                .and_then(|g| g.get("variables"))
                .map(scalar_text)
                .unwrap_or_default();
            let operation_name = g
                .and_then(|g| g.get("operationName"))
                .and_then(|v| v.as_str())
                .filter(|s| !s.is_empty())
                .map(str::to_string);
            Body::GraphQl {
                query,
                variables,
                operation_name,
            }
        }
        _ => Body::None,
    };
    Ok(Some(b))
}

pub fn request_def(v: Option<&Value>, path: &str) -> R<RequestDef> {
    match v {
        None | Some(Value::Null) => Ok(RequestDef {
            method: "GET".into(),
            ..RequestDef::default()
        }),
        // A bare string is a GET of that URL.
        Some(Value::String(s)) => Ok(RequestDef {
            url: UrlDef {
                raw: s.clone(),
                ..UrlDef::default()
            },
            method: "GET".into(),
            ..RequestDef::default()
        }),
        Some(Value::Object(o)) => Ok(RequestDef {
            url: url(o.get("url"), &format!("{path}.url"))?,
            method: opt_str(o, "method", path)?
                .filter(|m| !m.is_empty())
                .map(|m| m.to_uppercase())
                .unwrap_or_else(|| "GET".into()),
            headers: headers(o.get("header"), &format!("{path}.header"))?,
            body: body(o.get("body"), &format!("{path}.body"))?,
            auth: auth(o.get("auth"), &format!("{path}.auth"))?,
            description: description(o),
            certificate: o.get("certificate").cloned(),
            proxy: o.get("proxy").cloned(),
        }),
        Some(other) => err(
            path,
            format!(
                "expected a request object or URL string, found {}",
                type_name(other)
            ),
        ),
    }
}

pub fn items(v: Option<&Value>, path: &str, depth: usize) -> R<Vec<Item>> {
    if depth > 64 {
        return err(path, "folders are nested more than 64 levels deep");
    }
    let list = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(other) => {
            return err(
                path,
                format!("expected an array of items, found {}", type_name(other)),
            )
        }
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, it) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let Value::Object(o) = it else {
            return err(
                &p,
                format!("expected an item object, found {}", type_name(it)),
            );
        };
        let name = opt_str(o, "name", &p)?.unwrap_or_default();
        let id = opt_str(o, "id", &p)?
            .or(opt_str(o, "_postman_id", &p)?)
            .unwrap_or_else(|| fresh_id("item"));
        let is_folder = o.contains_key("item") && !o.contains_key("request");
        // The item's JSON is not copied: reports read it from the
        // collection's document (`Collection::raw`), which holds it once.
        if is_folder {
            out.push(Item::Folder(Arc::new(Folder {
                id,
                description: description(o),
                items: items(o.get("item"), &format!("{p}.item"), depth + 1)?,
                events: events(o.get("event"), &format!("{p}.event"), &name)?,
                auth: auth(o.get("auth"), &format!("{p}.auth"))?,
                protocol_profile_behavior: ppb(o.get("protocolProfileBehavior")),
                variables: variables(o.get("variable"), &format!("{p}.variable"))?,
                name,
            })));
        } else {
            out.push(Item::Request(Arc::new(RequestItem {
                id,
                description: description(o),
                request: request_def(o.get("request"), &format!("{p}.request"))?,
                events: events(o.get("event"), &format!("{p}.event"), &name)?,
                protocol_profile_behavior: ppb(o.get("protocolProfileBehavior")),
                name,
            })));
        }
    }
    Ok(out)
}

pub fn collection(doc: Value) -> R<Collection> {
    let Value::Object(o) = &doc else {
        return err(
            "$",
            format!("expected a collection object, found {}", type_name(&doc)),
        );
    };
    let info = match o.get("info") {
        Some(Value::Object(i)) => i,
        Some(other) => {
            return err(
                "info",
                format!("expected an object, found {}", type_name(other)),
            )
        }
        None => {
            if o.contains_key("requests") && o.contains_key("order") {
                return err(
                    "$",
                    "this is a Postman v1 collection, which is not supported; export it from Postman as Collection v2.1",
                );
            }
            return err(
                "info",
                "expected the collection's info object (with name and schema), found nothing",
            );
        }
    };
    let schema = opt_str(info, "schema", "info")?.unwrap_or_default();
    let known = schema.is_empty() || schema.contains("/v2.0.0/") || schema.contains("/v2.1.0/");
    if !known {
        return err(
            "info.schema",
            format!("unsupported collection schema \"{schema}\"; postgate reads collection v2.0.0 and v2.1.0"),
        );
    }
    let name = opt_str(info, "name", "info")?.unwrap_or_default();
    let id = opt_str(info, "_postman_id", "info")?
        .or(opt_str(info, "id", "info")?)
        .unwrap_or_default();
    let description = description(info);
    let items = items(o.get("item"), "item", 0)?;
    let events = events(o.get("event"), "event", &name)?;
    let variables = variables(o.get("variable"), "variable")?;
    let auth = auth(o.get("auth"), "auth")?;
    let protocol_profile_behavior = ppb(o.get("protocolProfileBehavior"));
    Ok(Collection {
        id,
        description,
        items,
        events,
        variables,
        auth,
        protocol_profile_behavior,
        name,
        schema,
        // the document moves in: the only copy of the items' JSON
        raw: Arc::new(doc),
    })
}
