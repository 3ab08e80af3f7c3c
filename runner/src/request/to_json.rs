//! The Postman JSON shape of a request definition, unresolved, as
//! pre-request scripts see it (`pm.request.toJSON()`): `url` as an object
//! (parts parsed from raw when only raw is given), `header`, `method`,
//! `body` in v2.1 shape, `auth` in v2.1 list shape. `collection::parse`'s
//! `request_def` reads it back.

use serde_json::{json, Map, Value};

use crate::collection::{Auth, Body, FormValue, RequestDef};
use crate::vars::{resolve, Scopes};

use super::build::HeaderEntry;
use super::url::PmUrl;

/// `auth` in v2.1 shape: `{type, <type>: [{type, value, key}]}`, parameter
/// values resolved when `scopes` is given.
pub(crate) fn auth_json(a: &Auth, scopes: Option<&Scopes>) -> Value {
    let mut o = Map::new();
    o.insert("type".into(), json!(a.kind));
    if a.kind != "noauth" {
        let params: Vec<Value> = a
            .params
            .iter()
            .map(|(k, v)| {
                let value = match (v, scopes) {
                    (Value::String(s), Some(sc)) => Value::String(resolve(s, sc)),
                    (other, _) => other.clone(),
                };
                json!({"type": "any", "value": value, "key": k})
            })
            .collect();
        o.insert(a.kind.clone(), Value::Array(params));
    }
    Value::Object(o)
}

fn body_json(b: &Body) -> Option<Value> {
    let kv = |disabled: bool, key: &str, value: &str| {
        let mut o = Map::new();
        if disabled {
            o.insert("disabled".into(), Value::Bool(true));
        }
        o.insert("key".into(), json!(key));
        o.insert("value".into(), json!(value));
        o
    };
    Some(match b {
        Body::None => return None,
        Body::Raw { raw, language } => {
            let mut o = Map::new();
            o.insert("mode".into(), json!("raw"));
            o.insert("raw".into(), json!(raw));
            if let Some(l) = language {
                o.insert("options".into(), json!({"raw": {"language": l}}));
            }
            Value::Object(o)
        }
        Body::UrlEncoded(list) => json!({
            "mode": "urlencoded",
            "urlencoded": list.iter().map(|p| {
                let mut o = kv(p.disabled, &p.key, &p.value);
                if let Some(ct) = &p.content_type {
                    o.insert("contentType".into(), json!(ct));
                }
                Value::Object(o)
            }).collect::<Vec<_>>()
        }),
        Body::FormData(list) => json!({
            "mode": "formdata",
            "formdata": list.iter().map(|p| {
                let mut o = match &p.value {
                    FormValue::Text(v) => {
                        let mut o = kv(p.disabled, &p.key, v);
                        o.insert("type".into(), json!("text"));
                        o
                    }
                    FormValue::File(srcs) => {
                        let mut o = Map::new();
                        if p.disabled {
                            o.insert("disabled".into(), Value::Bool(true));
                        }
                        o.insert("key".into(), json!(p.key));
                        o.insert("type".into(), json!("file"));
                        match srcs.as_slice() {
                            [] => {}
                            [one] => {
                                o.insert("src".into(), json!(one));
                            }
                            many => {
                                o.insert("src".into(), json!(many));
                            }
                        }
                        o
                    }
                };
                if let Some(ct) = &p.content_type {
                    o.insert("contentType".into(), json!(ct));
                }
                Value::Object(o)
            }).collect::<Vec<_>>()
        }),
        Body::File { src } => {
            let mut f = Map::new();
            if let Some(s) = src {
                f.insert("src".into(), json!(s));
            }
            json!({"mode": "file", "file": f})
        }
        Body::GraphQl {
            query,
            variables,
            operation_name,
        } => {
            let mut g = serde_json::Map::new();
            g.insert("query".into(), json!(query));
            if let Some(op) = operation_name {
                g.insert("operationName".into(), json!(op));
            }
            g.insert("variables".into(), json!(variables));
            json!({"mode": "graphql", "graphql": g})
        }
    })
}

pub fn request_to_json(def: &RequestDef) -> Value {
    let mut o = Map::new();
    o.insert("url".into(), PmUrl::from_def(&def.url).to_json());
    if !def.headers.is_empty() {
        o.insert(
            "header".into(),
            Value::Array(
                def.headers
                    .iter()
                    .map(|h| {
                        HeaderEntry {
                            key: h.key.clone(),
                            value: h.value.clone(),
                            disabled: h.disabled,
                            system: false,
                        }
                        .to_json()
                    })
                    .collect(),
            ),
        );
    }
    o.insert(
        "method".into(),
        json!(if def.method.is_empty() {
            "GET"
        } else {
            def.method.as_str()
        }),
    );
    if let Some(b) = def.body.as_ref().and_then(body_json) {
        o.insert("body".into(), b);
    }
    if let Some(a) = &def.auth {
        o.insert("auth".into(), auth_json(a, None));
    }
    if let Some(c) = &def.certificate {
        o.insert("certificate".into(), c.clone());
    }
    if let Some(p) = &def.proxy {
        o.insert("proxy".into(), p.clone());
    }
    // the legacy `request.description` of scripts reads it
    if let Some(d) = &def.description {
        o.insert("description".into(), json!(d));
    }
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{FormParam, Header, KeyValue, UrlDef};
    use crate::request::{build, BuildContext};

    fn sample() -> RequestDef {
        RequestDef {
            url: UrlDef {
                raw: "http://127.0.0.1:5055/a/:id?x=1&y#frag".into(),
                ..Default::default()
            },
            method: "POST".into(),
            headers: vec![Header {
                key: "H".into(),
                value: "{{v}}".into(),
                disabled: true,
            }],
            body: Some(Body::UrlEncoded(vec![KeyValue {
                key: "a".into(),
                value: "1".into(),
                disabled: false,
                content_type: None,
            }])),
            auth: Some(Auth {
                kind: "bearer".into(),
                params: vec![("token".into(), json!("{{tok}}"))],
            }),
            ..Default::default()
        }
    }

    #[test]
    fn shape_matches_newman_prerequest_view() {
        let j = request_to_json(&sample());
        assert_eq!(
            j,
            json!({
                "url": {"protocol": "http", "port": "5055", "path": ["a", ":id"], "hash": "frag",
                        "host": ["127", "0", "0", "1"],
                        "query": [{"key": "x", "value": "1"}, {"key": "y", "value": null}],
                        "variable": [{"type": "any", "key": "id"}]},
                "header": [{"disabled": true, "key": "H", "value": "{{v}}"}],
                "method": "POST",
                "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1"}]},
                "auth": {"type": "bearer", "bearer": [{"type": "any", "value": "{{tok}}", "key": "token"}]}
            })
        );
    }

    #[test]
    fn round_trips_through_the_parser() {
        let mut d = sample();
        d.body = Some(Body::FormData(vec![
            FormParam {
                key: "t".into(),
                value: FormValue::Text("v".into()),
                disabled: false,
                content_type: Some("text/x".into()),
            },
            FormParam {
                key: "f".into(),
                value: FormValue::File(vec!["a.txt".into()]),
                disabled: true,
                content_type: None,
            },
        ]));
        let j = request_to_json(&d);
        let back = crate::collection::parse::request_def(Some(&j), "request").expect("parse");
        assert_eq!(back.method, d.method);
        assert_eq!(back.headers, d.headers);
        assert_eq!(back.body, d.body);
        assert_eq!(back.auth, d.auth);
        // A variable written without a value reads back as an empty string,
        // so compare from the first round trip on: it must be stable.
        let j2 = request_to_json(&back);
        let back2 = crate::collection::parse::request_def(Some(&j2), "request").expect("parse");
        assert_eq!(request_to_json(&back2), j2);
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let cx = BuildContext {
            scopes: &s,
            auth: None,
            working_dir: &dir,
            restrict_files: false,
            disable_body_pruning: false,
            disabled_system_headers: Vec::new(),
        };
        let (a, _) = build(&d, &cx).expect("build");
        let (b, _) = build(&back, &cx).expect("build");
        assert_eq!(a.url, b.url);
    }
}
