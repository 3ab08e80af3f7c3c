//! Resolve and assemble one request the way postman-runtime 7.39.1 does:
//! the URL text resolved first and re-parsed, headers resolved, auth
//! signed, the body built (Content-Type implied by its mode), Newman's
//! system headers added where the user set none, then the wire headers
//! (form Content-Types, Content-Length) and the request JSON that test
//! scripts and reports see.

use serde_json::{json, Map, Value};

use crate::auth::{self, AuthTarget, BodyView};
use crate::collection::{Auth, Body, KeyValue, RequestDef};
use crate::http::PreparedRequest;
use crate::vars::{resolve, Scopes};

use super::body::{build_body, BodyInput, ContentType, FileAccess};
use super::to_json::auth_json;
use super::url::{PmUrl, Query};

/// The `User-Agent` Newman 6.2 sends.
pub const USER_AGENT: &str = "PostmanRuntime/7.39.1";

/// What building a request needs besides the request itself.
#[derive(Clone)]
pub struct BuildContext<'a> {
    pub scopes: &'a Scopes,
    /// The effective auth after inheritance (`None` or `noauth`: no auth).
    pub auth: Option<&'a Auth>,
    /// Base for relative file paths (form-data files, file bodies).
    pub working_dir: &'a std::path::Path,
    /// `--no-insecure-file-read`: refuse files outside `working_dir`.
    pub restrict_files: bool,
    /// `protocolProfileBehavior.disableBodyPruning`.
    pub disable_body_pruning: bool,
    /// `protocolProfileBehavior.disabledSystemHeaders`: system headers not
    /// to add (lower-case names).
    pub disabled_system_headers: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{0}")]
    InvalidUrl(String),
    #[error("{0}")]
    File(String),
}

/// One header as the runtime's HeaderList holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeaderEntry {
    pub key: String,
    pub value: String,
    pub disabled: bool,
    pub system: bool,
}

impl HeaderEntry {
    pub(crate) fn to_json(&self) -> Value {
        let mut o = Map::new();
        if self.disabled {
            o.insert("disabled".into(), Value::Bool(true));
        }
        o.insert("key".into(), json!(self.key));
        o.insert("value".into(), json!(self.value));
        if self.system {
            o.insert("system".into(), Value::Bool(true));
        }
        Value::Object(o)
    }
}

/// The request while auth signs it.
struct Draft<'a> {
    headers: Vec<HeaderEntry>,
    url: PmUrl,
    method: String,
    /// The body definition; oauth1 may add fields to an urlencoded one.
    body: Option<std::borrow::Cow<'a, Body>>,
    scopes: &'a Scopes,
    files: (&'a std::path::Path, bool),
}

impl Draft<'_> {
    fn last_enabled(&self, name: &str) -> Option<&HeaderEntry> {
        self.headers
            .iter()
            .rev()
            .find(|h| !h.disabled && h.key.eq_ignore_ascii_case(name))
    }
}

impl AuthTarget for Draft<'_> {
    fn method(&self) -> String {
        self.method.clone()
    }
    fn url(&self) -> String {
        self.url.to_node_url().href
    }
    fn headers(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .filter(|h| !h.disabled)
            .map(|h| (h.key.clone(), h.value.clone()))
            .collect()
    }
    fn body(&self) -> BodyView {
        let Some(body) = self.body.as_deref() else {
            return BodyView::None;
        };
        let r = |s: &str| resolve(s, self.scopes);
        if let Body::UrlEncoded(params) = body {
            return BodyView::UrlEncoded(
                params
                    .iter()
                    .filter(|p| !p.disabled)
                    .map(|p| (r(&p.key), r(&p.value)))
                    .collect(),
            );
        }
        if matches!(body, Body::FormData(_)) {
            return BodyView::FormData;
        }
        let user_ct = self.last_enabled("content-type").map(|h| h.value.clone());
        // As the handlers see it: not pruned (they hash what is defined).
        let built = build_body(
            Some(body),
            &BodyInput {
                method: &self.method,
                scopes: self.scopes,
                user_content_type: user_ct.as_deref(),
                disable_body_pruning: true,
                files: FileAccess {
                    working_dir: self.files.0,
                    restrict: self.files.1,
                },
            },
        );
        match (body, built.bytes) {
            (Body::File { .. }, b) => BodyView::File(b.map(|b| b.to_vec())),
            (Body::GraphQl { .. }, Some(b)) => BodyView::GraphQl(b.to_vec()),
            (_, Some(b)) => BodyView::Raw(b.to_vec()),
            (_, None) => BodyView::None,
        }
    }
    fn remove_headers(&mut self, pred: &dyn Fn(&str) -> bool) {
        self.headers.retain(|h| !pred(&h.key));
    }
    fn add_header(&mut self, key: &str, value: &str) {
        self.headers.push(HeaderEntry {
            key: key.into(),
            value: value.into(),
            disabled: false,
            system: true,
        });
    }
    fn remove_query(&mut self, key: &str) {
        self.url.query.retain(|q| q.key.as_deref() != Some(key));
    }
    fn add_query_opt(&mut self, key: &str, value: Option<&str>) {
        self.url.query.push(Query {
            key: Some(key.into()),
            value: value.map(str::to_string),
            disabled: false,
        });
    }
    fn set_query(&mut self, params: Vec<(String, Option<String>)>) {
        self.url.query = params
            .into_iter()
            .map(|(k, v)| Query {
                key: Some(k),
                value: v,
                disabled: false,
            })
            .collect();
    }
    fn urlencoded_remove(&mut self, pred: &dyn Fn(&str) -> bool) {
        if let Some(b) = self.body.as_mut() {
            if let Body::UrlEncoded(params) = b.to_mut() {
                params.retain(|p| !pred(&p.key));
            }
        }
    }
    fn urlencoded_add(&mut self, key: &str, value: &str) {
        if let Some(b) = self.body.as_mut() {
            if let Body::UrlEncoded(params) = b.to_mut() {
                params.push(KeyValue {
                    key: key.into(),
                    value: value.into(),
                    disabled: false,
                    content_type: None,
                });
            }
        }
    }
}

/// Methods for which Node sends `Content-Length: 0` when there is no body.
fn sends_zero_length(method: &str) -> bool {
    !matches!(
        method.to_ascii_uppercase().as_str(),
        "GET" | "HEAD" | "DELETE" | "OPTIONS" | "TRACE" | "CONNECT"
    )
}

/// Build the request to send. Also returns the resolved request in Postman's
/// JSON shape, which test scripts see as `pm.request` and reports record.
/// Console warnings (file load errors, unsupported auth) are in
/// [`PreparedRequest::warnings`].
pub fn build(
    def: &RequestDef,
    cx: &BuildContext<'_>,
) -> Result<(PreparedRequest, Value), BuildError> {
    let scopes = cx.scopes;
    let method = if def.method.is_empty() {
        "GET".to_string()
    } else {
        def.method.clone()
    };

    // URL: printed as the SDK prints it (path variables substituted), the
    // whole text resolved, then parsed again.
    let unresolved = PmUrl::from_def(&def.url).to_sdk_string();
    let resolved = resolve(&unresolved, scopes);
    if resolved.trim().is_empty() {
        return Err(BuildError::InvalidUrl(
            "runtime:extensions~request: request url is empty".into(),
        ));
    }
    let mut draft = Draft {
        headers: def
            .headers
            .iter()
            .map(|h| HeaderEntry {
                key: resolve(&h.key, scopes),
                value: resolve(&h.value, scopes),
                disabled: h.disabled,
                system: false,
            })
            .collect(),
        url: PmUrl::parse(&resolved),
        method: method.clone(),
        body: def.body.as_ref().map(std::borrow::Cow::Borrowed),
        scopes,
        files: (cx.working_dir, cx.restrict_files),
    };

    let mut warnings = Vec::new();
    if let Some(a) = cx.auth.filter(|a| a.kind != "noauth") {
        warnings.extend(auth::sign(a, &mut draft, scopes));
    }

    let node = draft.url.to_node_url();
    if draft.url.host.is_none() {
        return Err(BuildError::InvalidUrl(format!(
            "Invalid URI \"{}\"",
            node.href
        )));
    }

    let user_ct = draft.last_enabled("content-type").map(|h| h.value.clone());
    let body = build_body(
        draft.body.as_deref(),
        &BodyInput {
            method: &method,
            scopes,
            user_content_type: user_ct.as_deref(),
            disable_body_pruning: cx.disable_body_pruning,
            files: FileAccess {
                working_dir: cx.working_dir,
                restrict: cx.restrict_files,
            },
        },
    );
    warnings.extend(body.warnings.iter().cloned());

    if let ContentType::Reported(ct) = &body.content_type {
        if user_ct.is_none() {
            draft.add_header("Content-Type", ct);
        }
    }
    let postman_token = uuid::Uuid::new_v4().to_string();
    for (k, v) in [
        ("User-Agent", USER_AGENT),
        ("Accept", "*/*"),
        ("Cache-Control", "no-cache"),
        ("Postman-Token", postman_token.as_str()),
        ("Host", node.host.as_str()),
        ("Accept-Encoding", "gzip, deflate, br"),
        ("Connection", "keep-alive"),
    ] {
        let off = cx.disabled_system_headers.iter().any(|d| {
            d.eq_ignore_ascii_case(k)
                && !matches!(d.to_ascii_lowercase().as_str(), "host" | "connection")
        });
        if !off && draft.last_enabled(k).is_none() {
            draft.add_header(k, v);
        }
    }

    // Content-Length as Node computes it; reported like the runtime does
    // (upserted from what was sent).
    let content_length = match &body.bytes {
        Some(b) => Some(b.len()),
        None if sends_zero_length(&method) => Some(0),
        None => None,
    };
    let mut reported = draft.headers.clone();
    if let Some(len) = content_length {
        let entry = HeaderEntry {
            key: "Content-Length".into(),
            value: len.to_string(),
            disabled: false,
            system: true,
        };
        match reported
            .iter()
            .position(|h| !h.disabled && h.key.eq_ignore_ascii_case("content-length"))
        {
            Some(i) => {
                reported[i].value = entry.value.clone();
                reported[i].system = true;
            }
            None => reported.push(entry),
        }
    }

    // Wire headers: enabled ones with a name, then what postman-request adds.
    let mut wire: Vec<(String, String)> = draft
        .headers
        .iter()
        .filter(|h| !h.disabled && !h.key.is_empty())
        .map(|h| (h.key.clone(), h.value.clone()))
        .collect();
    if let ContentType::WireOnly { value, replace } = &body.content_type {
        match wire
            .iter()
            .position(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        {
            Some(i) => {
                let cur = &wire[i].1;
                if *replace {
                    wire[i].1 = value.clone();
                } else if !cur.contains("boundary=") {
                    let boundary = value.split_once("; ").map(|(_, b)| b).unwrap_or_default();
                    wire[i].1 = if cur.to_ascii_lowercase().starts_with("multipart/") {
                        format!("{cur}; {boundary}")
                    } else {
                        value.clone()
                    };
                }
            }
            None => wire.push(("Content-Type".into(), value.clone())),
        }
    }
    if let Some(len) = content_length {
        if !wire
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        {
            wire.push(("Content-Length".into(), len.to_string()));
        }
    }

    let prepared = PreparedRequest {
        method: method.clone(),
        url: node.href.clone(),
        headers: wire,
        body: body.bytes.clone(),
        warnings,
    };

    let mut j = Map::new();
    j.insert("url".into(), PmUrl::parse(&node.href).to_json());
    j.insert(
        "header".into(),
        Value::Array(reported.iter().map(HeaderEntry::to_json).collect()),
    );
    j.insert("method".into(), json!(method));
    if let Some(b) = body.json {
        j.insert("body".into(), b);
    }
    if let Some(a) = &def.auth {
        j.insert("auth".into(), auth_json(a, Some(scopes)));
    }
    if let Some(c) = &def.certificate {
        j.insert("certificate".into(), c.clone());
    }
    if let Some(p) = &def.proxy {
        j.insert("proxy".into(), p.clone());
    }
    // the legacy `request.description` of test scripts reads it
    if let Some(d) = &def.description {
        j.insert("description".into(), Value::String(d.clone()));
    }
    Ok((prepared, Value::Object(j)))
}

/// Newman reports the `Cookie` header the requester actually sent in the
/// request (`pm.request` in tests, the JSON report): a user's Cookie header
/// is updated in place, otherwise one is appended. Call with the headers of
/// the first hop as sent ([`crate::http::ResponseData::request_headers`]).
pub fn note_sent_headers(request_json: &mut Value, sent: &[(String, String)]) {
    let Some(cookie) = sent
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("cookie"))
        .map(|(_, v)| v.clone())
    else {
        return;
    };
    let Some(list) = request_json
        .get_mut("header")
        .and_then(|h| h.as_array_mut())
    else {
        return;
    };
    let positions: Vec<usize> = list
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            h.get("key")
                .and_then(|k| k.as_str())
                .is_some_and(|k| k.eq_ignore_ascii_case("cookie"))
        })
        .map(|(i, _)| i)
        .collect();
    let entry = json!({"key": "Cookie", "value": cookie, "system": true});
    match positions.as_slice() {
        [] => list.push(entry),
        [one] => {
            let key = list[*one]
                .get("key")
                .and_then(|k| k.as_str())
                .unwrap_or("Cookie")
                .to_string();
            list[*one] = json!({"key": key, "value": cookie, "system": true});
        }
        many => {
            // several: the runtime removes them all and appends one
            for i in many.iter().rev() {
                list.remove(*i);
            }
            list.push(entry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Body, Header, KeyValue, QueryParam, UrlDef, Variable};

    fn scopes(pairs: &[(&str, &str)]) -> Scopes {
        let mut s = Scopes::default();
        for (k, v) in pairs {
            s.environment.set(k, json!(v));
        }
        s
    }

    fn def(method: &str, raw: &str) -> RequestDef {
        RequestDef {
            method: method.into(),
            url: UrlDef {
                raw: raw.into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn cx<'a>(s: &'a Scopes, auth: Option<&'a Auth>, dir: &'a std::path::Path) -> BuildContext<'a> {
        BuildContext {
            scopes: s,
            auth,
            working_dir: dir,
            restrict_files: false,
            disable_body_pruning: false,
            disabled_system_headers: Vec::new(),
        }
    }

    fn keys(p: &PreparedRequest) -> Vec<&str> {
        p.headers.iter().map(|(k, _)| k.as_str()).collect()
    }

    #[test]
    fn system_headers_in_newman_order() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let (p, j) = build(
            &def("GET", "127.0.0.1:5055/a/b?x=1&y&z=&x=2"),
            &cx(&s, None, &dir),
        )
        .expect("build");
        assert_eq!(p.url, "http://127.0.0.1:5055/a/b?x=1&y&z=&x=2");
        assert_eq!(
            keys(&p),
            [
                "User-Agent",
                "Accept",
                "Cache-Control",
                "Postman-Token",
                "Host",
                "Accept-Encoding",
                "Connection"
            ]
        );
        assert_eq!(p.headers[0].1, "PostmanRuntime/7.39.1");
        assert_eq!(p.headers[4].1, "127.0.0.1:5055");
        assert_eq!(p.headers[3].1.len(), 36);
        assert!(p.body.is_none());
        assert_eq!(
            j["url"],
            json!({"protocol": "http", "port": "5055", "path": ["a", "b"], "host": ["127", "0", "0", "1"],
                   "query": [{"key": "x", "value": "1"}, {"key": "y", "value": null}, {"key": "z", "value": ""}, {"key": "x", "value": "2"}],
                   "variable": []})
        );
        assert_eq!(
            j["header"][0],
            json!({"key": "User-Agent", "value": "PostmanRuntime/7.39.1", "system": true})
        );
        assert_eq!(j["method"], json!("GET"));
    }

    #[test]
    fn raw_first_resolution_carries_protocol_port_and_query() {
        let s = scopes(&[
            ("base", "https://api.example.com:8443/v1"),
            ("qs", "a=1&b=2"),
        ]);
        let dir = std::env::temp_dir();
        let (p, _) = build(
            &def("GET", "{{base}}/users?{{qs}}&c={{missing}}"),
            &cx(&s, None, &dir),
        )
        .expect("build");
        assert_eq!(
            p.url,
            "https://api.example.com:8443/v1/users?a=1&b=2&c={{missing}}"
        );
        let host = p
            .headers
            .iter()
            .find(|(k, _)| k == "Host")
            .map(|(_, v)| v.as_str());
        assert_eq!(host, Some("api.example.com:8443"));
    }

    #[test]
    fn parts_url_with_path_variables_and_disabled_query() {
        let s = scopes(&[("v", "a b")]);
        let dir = std::env::temp_dir();
        let mut d = def("GET", "ignored");
        d.url = UrlDef {
            raw: "ignored".into(),
            protocol: None,
            host: Some(vec!["{{h}}".into()]),
            port: None,
            path: Some(vec!["u".into(), ":id".into(), ":other.json".into()]),
            query: vec![
                QueryParam {
                    key: Some("q".into()),
                    value: Some("{{v}}".into()),
                    disabled: false,
                },
                QueryParam {
                    key: Some("off".into()),
                    value: Some("1".into()),
                    disabled: true,
                },
            ],
            variables: vec![
                Variable::new("id", json!("4{{nov}}")),
                Variable::new("other", json!("o")),
            ],
            hash: None,
            structured: true,
        };
        let s2 = {
            let mut s2 = s.clone();
            s2.environment.set("h", json!("localhost:3000"));
            s2
        };
        let (p, j) = build(&d, &cx(&s2, None, &dir)).expect("build");
        assert_eq!(
            p.url,
            "http://localhost:3000/u/4%7B%7Bnov%7D%7D/o.json?q=a%20b"
        );
        assert_eq!(j["url"]["path"], json!(["u", "4%7B%7Bnov%7D%7D", "o.json"]));
        assert_eq!(j["url"]["query"], json!([{"key": "q", "value": "a%20b"}]));
    }

    #[test]
    fn user_headers_win_and_disabled_are_reported_not_sent() {
        let s = scopes(&[("v", "val")]);
        let dir = std::env::temp_dir();
        let mut d = def("POST", "http://h/p");
        d.headers = vec![
            Header {
                key: "user-agent".into(),
                value: "me".into(),
                disabled: false,
            },
            Header {
                key: "X-Dup".into(),
                value: "1".into(),
                disabled: false,
            },
            Header {
                key: "X-Dup".into(),
                value: "{{v}}".into(),
                disabled: false,
            },
            Header {
                key: "X-Off".into(),
                value: "1".into(),
                disabled: true,
            },
        ];
        d.body = Some(Body::Raw {
            raw: "x".into(),
            language: Some("xml".into()),
        });
        let (p, j) = build(&d, &cx(&s, None, &dir)).expect("build");
        assert_eq!(
            keys(&p),
            [
                "user-agent",
                "X-Dup",
                "X-Dup",
                "Content-Type",
                "Accept",
                "Cache-Control",
                "Postman-Token",
                "Host",
                "Accept-Encoding",
                "Connection",
                "Content-Length"
            ]
        );
        assert_eq!(p.headers[2].1, "val");
        assert_eq!(p.headers[3].1, "application/xml");
        assert_eq!(p.headers[10].1, "1");
        assert_eq!(
            j["header"][3],
            json!({"disabled": true, "key": "X-Off", "value": "1"})
        );
        assert_eq!(
            j["header"][11],
            json!({"key": "Content-Length", "value": "1", "system": true})
        );
    }

    #[test]
    fn urlencoded_content_type_is_wire_only_and_replaces_users() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let mut d = def("POST", "http://h/p");
        d.headers = vec![Header {
            key: "Content-Type".into(),
            value: "text/x".into(),
            disabled: false,
        }];
        d.body = Some(Body::UrlEncoded(vec![KeyValue {
            key: "t".into(),
            value: "v".into(),
            disabled: false,
            content_type: None,
        }]));
        let (p, j) = build(&d, &cx(&s, None, &dir)).expect("build");
        assert_eq!(
            p.headers[0],
            (
                "Content-Type".to_string(),
                "application/x-www-form-urlencoded".to_string()
            )
        );
        assert_eq!(j["header"][0]["value"], json!("text/x"));
        assert_eq!(p.body.as_deref(), Some(&b"t=v"[..]));
    }

    #[test]
    fn get_prunes_body_and_post_without_body_sends_zero_length() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let mut d = def("GET", "http://h/p");
        d.body = Some(Body::Raw {
            raw: "hello".into(),
            language: None,
        });
        let (p, j) = build(&d, &cx(&s, None, &dir)).expect("build");
        assert!(p.body.is_none());
        assert!(!keys(&p).contains(&"Content-Type"));
        assert!(!keys(&p).contains(&"Content-Length"));
        assert_eq!(j["body"], json!({"mode": "raw", "raw": "hello"}));
        let mut c = cx(&s, None, &dir);
        c.disable_body_pruning = true;
        let (p, _) = build(&d, &c).expect("build");
        assert_eq!(p.body.as_deref(), Some(&b"hello"[..]));
        let (p, _) = build(&def("POST", "http://h/p"), &cx(&s, None, &dir)).expect("build");
        assert_eq!(
            p.headers.last(),
            Some(&("Content-Length".to_string(), "0".to_string()))
        );
        let (p, _) = build(&def("DELETE", "http://h/p"), &cx(&s, None, &dir)).expect("build");
        assert!(!keys(&p).contains(&"Content-Length"));
    }

    #[test]
    fn auth_is_applied_before_body_and_system_headers() {
        let s = scopes(&[("tok", "T")]);
        let dir = std::env::temp_dir();
        let a = Auth {
            kind: "bearer".into(),
            params: vec![("token".into(), json!("{{tok}}"))],
        };
        let mut d = def("POST", "http://h/p");
        d.headers = vec![Header {
            key: "Authorization".into(),
            value: "mine".into(),
            disabled: false,
        }];
        d.body = Some(Body::Raw {
            raw: "{}".into(),
            language: Some("json".into()),
        });
        d.auth = Some(a.clone());
        let (p, j) = build(&d, &cx(&s, Some(&a), &dir)).expect("build");
        assert_eq!(
            p.headers[0],
            ("Authorization".to_string(), "Bearer T".to_string())
        );
        assert_eq!(
            p.headers[1],
            ("Content-Type".to_string(), "application/json".to_string())
        );
        assert_eq!(
            j["auth"],
            json!({"type": "bearer", "bearer": [{"type": "any", "value": "T", "key": "token"}]})
        );
    }

    #[test]
    fn apikey_query_goes_into_the_url() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let a = Auth {
            kind: "apikey".into(),
            params: vec![
                ("key".into(), json!("k")),
                ("value".into(), json!("v v")),
                ("in".into(), json!("query")),
            ],
        };
        let (p, j) =
            build(&def("GET", "http://h/p?k=old&x=1"), &cx(&s, Some(&a), &dir)).expect("build");
        assert_eq!(p.url, "http://h/p?x=1&k=v%20v");
        assert_eq!(j["url"]["query"][1], json!({"key": "k", "value": "v%20v"}));
    }

    #[test]
    fn unknown_auth_warns_and_sends_unsigned() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let a = Auth {
            kind: "inherit".into(),
            params: vec![],
        };
        let (p, _) = build(&def("GET", "http://h/p"), &cx(&s, Some(&a), &dir)).expect("build");
        assert_eq!(p.warnings.len(), 1);
        assert!(!keys(&p).contains(&"Authorization"));
    }

    #[test]
    fn empty_url_is_an_error() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let e = build(&def("GET", ""), &cx(&s, None, &dir)).expect_err("empty");
        assert_eq!(
            e.to_string(),
            "runtime:extensions~request: request url is empty"
        );
    }

    #[test]
    fn cookie_header_is_noted_like_newman() {
        let mut j = json!({"header": [{"key": "cookie", "value": "mine=1"}, {"key": "Host", "value": "h", "system": true}]});
        note_sent_headers(&mut j, &[("cookie".into(), "mine=1; a=1".into())]);
        assert_eq!(
            j["header"][0],
            json!({"key": "cookie", "value": "mine=1; a=1", "system": true})
        );
        let mut j = json!({"header": []});
        note_sent_headers(&mut j, &[("Cookie".into(), "a=1".into())]);
        assert_eq!(
            j["header"][0],
            json!({"key": "Cookie", "value": "a=1", "system": true})
        );
    }
}
