//! The URL builder: arbitrary URL strings and URL parts (with variables,
//! path variables, queries and a hash), methods, headers, auth and bodies
//! through `request::build`; the raw URL text also through the parser and
//! its printers.
#![no_main]

use std::path::Path;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use postgate::collection::parse;
use postgate::request::{build, url::PmUrl, BuildContext};
use postgate::vars::Scopes;
use serde_json::{json, Map, Value};

#[derive(Arbitrary, Debug)]
enum Url {
    Raw(String),
    Parts {
        raw: Option<String>,
        protocol: Option<String>,
        host: Option<Vec<String>>,
        port: Option<String>,
        path: Option<Vec<String>>,
        query: Vec<(Option<String>, Option<String>, bool)>,
        variable: Vec<(String, String)>,
        hash: Option<String>,
    },
}

/// Auth types and the parameter names they read.
const AUTH: &[(&str, &[&str])] = &[
    ("basic", &["username", "password"]),
    ("bearer", &["token"]),
    ("apikey", &["key", "value", "in"]),
    (
        "digest",
        &[
            "username",
            "password",
            "realm",
            "nonce",
            "algorithm",
            "qop",
            "nc",
            "cnonce",
            "opaque",
        ],
    ),
    (
        "oauth1",
        &[
            "consumerKey",
            "consumerSecret",
            "token",
            "tokenSecret",
            "signatureMethod",
            "timestamp",
            "nonce",
            "version",
            "realm",
            "addParamsToHeader",
            "addEmptyParamsToSign",
            "includeBodyHash",
            "privateKey",
            "callback",
            "verifier",
        ],
    ),
    (
        "oauth2",
        &["accessToken", "addTokenTo", "headerPrefix", "tokenType"],
    ),
    (
        "hawk",
        &[
            "authId",
            "authKey",
            "algorithm",
            "user",
            "nonce",
            "extraData",
            "app",
            "delegation",
            "timestamp",
            "includePayloadHash",
        ],
    ),
    (
        "awsv4",
        &[
            "accessKey",
            "secretKey",
            "region",
            "service",
            "sessionToken",
            "addAuthDataToQuery",
        ],
    ),
    ("ntlm", &["username", "password", "domain", "workstation"]),
    (
        "edgegrid",
        &[
            "accessToken",
            "clientToken",
            "clientSecret",
            "nonce",
            "timestamp",
            "baseURL",
            "headersToSign",
        ],
    ),
    (
        "jwt",
        &[
            "algorithm",
            "secret",
            "payload",
            "header",
            "addTokenTo",
            "headerPrefix",
            "queryParamKey",
            "isSecretBase64Encoded",
            "privateKey",
        ],
    ),
    (
        "asap",
        &[
            "alg",
            "iss",
            "sub",
            "aud",
            "kid",
            "privateKey",
            "claims",
            "exp",
        ],
    ),
    ("noauth", &[]),
];

#[derive(Arbitrary, Debug)]
enum Param {
    Text(String),
    Bool(bool),
    Number(i64),
}

#[derive(Arbitrary, Debug)]
enum Body {
    Raw(String, Option<String>),
    UrlEncoded(Vec<(String, String, bool)>),
    FormData(Vec<(String, String, bool)>),
    File(String),
    GraphQl(String, String),
}

#[derive(Arbitrary, Debug)]
struct Input {
    url: Url,
    method: String,
    headers: Vec<(String, String, bool)>,
    vars: Vec<(String, String)>,
    auth: Option<(u8, Vec<(u8, Param)>)>,
    body: Option<Body>,
}

fn text(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| json!(s))
}

fn kv(list: &[(String, String, bool)]) -> Value {
    Value::Array(
        list.iter()
            .map(|(k, v, d)| json!({"key": k, "value": v, "disabled": d}))
            .collect(),
    )
}

fn request_json(input: &Input) -> Value {
    let url = match &input.url {
        Url::Raw(s) => json!(s),
        Url::Parts {
            raw,
            protocol,
            host,
            port,
            path,
            query,
            variable,
            hash,
        } => json!({
            "raw": text(raw),
            "protocol": text(protocol),
            "host": host,
            "port": text(port),
            "path": path,
            "query": query.iter().map(|(k, v, d)| json!({"key": text(k), "value": text(v), "disabled": d})).collect::<Vec<_>>(),
            "variable": variable.iter().map(|(k, v)| json!({"key": k, "value": v})).collect::<Vec<_>>(),
            "hash": text(hash),
        }),
    };
    let mut req = Map::new();
    req.insert("url".into(), url);
    req.insert("method".into(), json!(input.method));
    req.insert("header".into(), kv(&input.headers));
    if let Some((kind, params)) = &input.auth {
        let (name, names) = AUTH[*kind as usize % AUTH.len()];
        let list: Vec<Value> = params
            .iter()
            .filter(|_| !names.is_empty())
            .map(|(i, p)| {
                let value = match p {
                    Param::Text(s) => json!(s),
                    Param::Bool(b) => json!(b),
                    Param::Number(n) => json!(n),
                };
                json!({"key": names[*i as usize % names.len()], "value": value})
            })
            .collect();
        req.insert("auth".into(), json!({"type": name, name: list}));
    }
    if let Some(body) = &input.body {
        let b = match body {
            Body::Raw(raw, lang) => {
                json!({"mode": "raw", "raw": raw, "options": {"raw": {"language": text(lang)}}})
            }
            Body::UrlEncoded(list) => json!({"mode": "urlencoded", "urlencoded": kv(list)}),
            Body::FormData(list) => {
                json!({"mode": "formdata", "formdata": list.iter().map(|(k, v, file)| {
                if *file {
                    json!({"key": k, "type": "file", "src": v})
                } else {
                    json!({"key": k, "type": "text", "value": v})
                }
            }).collect::<Vec<_>>()})
            }
            Body::File(src) => json!({"mode": "file", "file": {"src": src}}),
            Body::GraphQl(q, v) => {
                json!({"mode": "graphql", "graphql": {"query": q, "variables": v}})
            }
        };
        req.insert("body".into(), b);
    }
    Value::Object(req)
}

fuzz_target!(|input: Input| {
    if let Url::Raw(raw) = &input.url {
        let u = PmUrl::parse(raw);
        let _ = u.to_sdk_string();
        let _ = u.to_node_url();
        let _ = u.to_json();
        let _ = u.get_path();
        let _ = u.get_host();
        let _ = u.query_string();
    }
    let Ok(def) = parse::request_def(Some(&request_json(&input)), "request") else {
        return;
    };
    let mut scopes = Scopes::default();
    for (k, v) in &input.vars {
        scopes.environment.set(k, json!(v));
    }
    // Files are only ever looked for inside an empty directory.
    let empty = std::env::temp_dir().join("postgate-fuzz-empty");
    let _ = std::fs::create_dir_all(&empty);
    let cx = BuildContext {
        scopes: &scopes,
        auth: def.auth.as_ref(),
        working_dir: Path::new(&empty),
        restrict_files: true,
        disable_body_pruning: false,
        disabled_system_headers: Vec::new(),
    };
    let _ = build(&def, &cx);
});
