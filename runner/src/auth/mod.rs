//! Auth: finding the effective auth of an item (nearest parent wins,
//! `noauth` stops inheritance) and signing a request with it, the way the
//! handlers of postman-runtime 7.39.1 do. Parameters get `{{variable}}`
//! substitution first.
//!
//! Every handler of the runtime is here, one file each: basic, bearer,
//! apikey, oauth2 (an existing token), digest, oauth1, awsv4, hawk, ntlm,
//! edgegrid, jwt and asap. A handler that cannot sign logs Newman's console
//! warning (`runtime~<type>.auth: could not sign the request: …`) and the
//! request goes out unsigned.
//!
//! Some handlers keep state between requests, as the runtime does by writing
//! "system" parameters back into the auth definition: digest keeps the
//! server's nonce, realm, qop, opaque and its nonce count, hawk the nonce and
//! timestamp it generated, ntlm its handshake step. [`AuthState`] holds that
//! state for a run. Digest and ntlm also ask for the request to be replayed
//! after a 401 ([`AuthState::after_response`]), at most 3 times per request.

mod apikey;
mod asap;
mod awsv4;
mod basic;
mod bearer;
mod digest;
mod edgegrid;
mod hawk;
mod jwt;
mod keys;
mod ntlm;
mod oauth1;
mod oauth2;
pub(crate) mod util;

use std::collections::HashMap;
use std::sync::Mutex;

use crate::collection::Auth;
use crate::http::PreparedRequest;
use crate::vars::{resolve, Scopes};

/// How many times the runtime replays one request for its auth.
pub const MAX_REPLAYS: usize = 3;

/// The effective auth, given the chain from the request outwards: the
/// request's own, else the nearest folder's, else the collection's. A
/// `noauth` on the way stops the search.
pub fn effective<'a>(chain: impl IntoIterator<Item = Option<&'a Auth>>) -> Option<&'a Auth> {
    chain
        .into_iter()
        .flatten()
        .next()
        .filter(|a| a.kind != "noauth")
}

/// The request body as the handlers see it (the runtime's `RequestBody`,
/// resolved): what gets hashed or signed.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum BodyView {
    /// No body, or an empty one.
    #[default]
    None,
    /// A raw body's text (JSON comments already stripped).
    Raw(Vec<u8>),
    /// The enabled fields of an urlencoded body, resolved.
    UrlEncoded(Vec<(String, String)>),
    /// A file body's content (`None` when it could not be read).
    File(Option<Vec<u8>>),
    /// A GraphQL body as sent.
    GraphQl(Vec<u8>),
    /// Multipart form data, which no handler hashes.
    FormData,
}

/// What signing reads from and changes on a request. Implemented by the
/// request builder's draft and by [`PreparedRequest`].
pub trait AuthTarget {
    /// The method as sent.
    fn method(&self) -> String {
        "GET".into()
    }
    /// The URL as it goes on the wire (absolute, encoded).
    fn url(&self) -> String;
    /// Enabled headers, in order.
    fn headers(&self) -> Vec<(String, String)>;
    /// The body (computed on demand: it may read a file).
    fn body(&self) -> BodyView {
        BodyView::None
    }
    /// Remove every header (enabled or not) whose name matches `pred`.
    fn remove_headers(&mut self, pred: &dyn Fn(&str) -> bool);
    /// Append a header (the runtime marks it `system`).
    fn add_header(&mut self, key: &str, value: &str);
    /// Remove every query parameter whose (decoded) key is `key`.
    fn remove_query(&mut self, key: &str);
    /// Append a query parameter. `None` as the value: a bare key.
    fn add_query_opt(&mut self, key: &str, value: Option<&str>);
    /// Append a query parameter.
    fn add_query(&mut self, key: &str, value: &str) {
        self.add_query_opt(key, Some(value));
    }
    /// Replace the whole query (keys and values as they should appear).
    fn set_query(&mut self, params: Vec<(String, Option<String>)>);
    /// Urlencoded bodies only: drop the fields whose key matches `pred`.
    fn urlencoded_remove(&mut self, _pred: &dyn Fn(&str) -> bool) {}
    /// Urlencoded bodies only: append a field.
    fn urlencoded_add(&mut self, _key: &str, _value: &str) {}
}

/// Auth parameters with variables resolved.
pub struct Params<'a> {
    auth: &'a Auth,
    scopes: &'a Scopes,
}

impl Params<'_> {
    /// The parameter as text (`None` when absent), variables resolved.
    pub fn get(&self, name: &str) -> Option<String> {
        self.auth.param_str(name).map(|s| resolve(&s, self.scopes))
    }
    /// Absent and empty alike become "".
    pub fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }
    /// The parameter when it is truthy in JavaScript's sense (present, not
    /// empty, not `false`/`0`).
    pub fn truthy(&self, name: &str) -> Option<String> {
        match self.auth.param(name)? {
            serde_json::Value::Bool(false) | serde_json::Value::Null => None,
            serde_json::Value::Number(n) if n.as_f64() == Some(0.0) => None,
            _ => self.get(name).filter(|s| !s.is_empty()),
        }
    }
    /// A boolean option, truthy as in JavaScript: `true`, a non-empty
    /// string (`"false"` too), a non-zero number.
    pub fn flag(&self, name: &str) -> bool {
        match self.auth.param(name) {
            Some(serde_json::Value::Bool(b)) => *b,
            Some(serde_json::Value::String(s)) => !resolve(s, self.scopes).is_empty(),
            Some(serde_json::Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
            _ => false,
        }
    }
    /// The raw JSON value (objects given as objects, e.g. jwt payloads).
    pub fn value(&self, name: &str) -> Option<&serde_json::Value> {
        self.auth.param(name)
    }
}

/// A signer's result: `Err` becomes Newman's console warning.
type Signed = Result<(), String>;

/// Sign `target` with `auth`. Returns console warnings (Newman's wording).
pub fn sign(auth: &Auth, target: &mut dyn AuthTarget, scopes: &Scopes) -> Vec<String> {
    let p = Params { auth, scopes };
    let result: Signed = match auth.kind.as_str() {
        "noauth" => Ok(()),
        "basic" => {
            basic::sign(&p, target);
            Ok(())
        }
        "bearer" => {
            bearer::sign(&p, target);
            Ok(())
        }
        "apikey" => {
            apikey::sign(&p, target);
            Ok(())
        }
        "oauth2" => {
            oauth2::sign(&p, target);
            Ok(())
        }
        "digest" => digest::sign(&p, target),
        "oauth1" => oauth1::sign(&p, target),
        "awsv4" => awsv4::sign(&p, target),
        "hawk" => hawk::sign(&p, target),
        "ntlm" => ntlm::sign(&p, target),
        "edgegrid" => edgegrid::sign(&p, target),
        "jwt" => jwt::sign(&p, target),
        "asap" => asap::sign(&p, target),
        other => {
            return vec![format!(
                "runtime: could not find a handler for auth: {other}"
            )]
        }
    };
    match result {
        Ok(()) => Vec::new(),
        Err(e) => vec![format!(
            "runtime~{}.auth: could not sign the request: {e}",
            auth.kind
        )],
    }
}

/// Sign a prepared (wire) request. Returns console warnings.
pub fn apply(auth: &Auth, req: &mut PreparedRequest, scopes: &Scopes) -> Vec<String> {
    sign(auth, req, scopes)
}

/// What to do after a response, for the auth that signed the request.
#[derive(Debug, Default, PartialEq)]
pub struct AfterResponse {
    /// Send the request again (signed with what the response taught).
    pub replay: bool,
    /// Console warnings.
    pub warnings: Vec<String>,
}

/// The state auth handlers keep during a run (see the module docs), per
/// auth definition. Shared by every execution of the run.
#[derive(Debug, Default)]
pub struct AuthState {
    inner: Mutex<HashMap<String, SystemParams>>,
}

/// Parameters a handler wrote (`None`: set to `undefined`).
type SystemParams = Vec<(String, Option<String>)>;

/// Handlers that keep state or replay; items using them should not run
/// side by side with others that use the same definition.
pub fn is_stateful(kind: &str) -> bool {
    matches!(kind, "digest" | "ntlm" | "hawk")
}

fn state_key(auth: &Auth) -> String {
    let mut k = auth.kind.clone();
    for (name, v) in &auth.params {
        k.push('\u{1f}');
        k.push_str(name);
        k.push('\u{1e}');
        k.push_str(&v.to_string());
    }
    k
}

/// An auth during a `pre`/`post` hook: its resolved parameters with the
/// stored system parameters over them. `set` follows the runtime: a user's
/// parameter is only replaced when it is empty or already a system one.
pub(crate) struct Hook<'a> {
    params: Params<'a>,
    system: &'a mut SystemParams,
}

impl Hook<'_> {
    pub fn get(&self, name: &str) -> Option<String> {
        match self.system.iter().find(|(k, _)| k == name) {
            Some((_, v)) => v.clone(),
            None => self.params.get(name),
        }
    }
    pub fn flag(&self, name: &str) -> bool {
        match self.system.iter().find(|(k, _)| k == name) {
            Some((_, v)) => v.as_deref().is_some_and(|s| !s.is_empty()),
            None => self.params.flag(name),
        }
    }
    pub fn set(&mut self, name: &str, value: Option<String>) {
        if let Some(slot) = self.system.iter_mut().find(|(k, _)| k == name) {
            slot.1 = value;
            return;
        }
        if self.params.get(name).is_some_and(|v| !v.is_empty()) {
            return;
        }
        self.system.push((name.to_string(), value));
    }
}

impl AuthState {
    /// The auth to sign the next request with: the definition with the
    /// stored system parameters merged in, after the handler's `pre` hook
    /// (hawk picks its nonce and timestamp, ntlm starts its handshake).
    /// `None` for no auth.
    pub fn prepare(&self, auth: Option<&Auth>, scopes: &Scopes) -> Option<Auth> {
        let auth = auth.filter(|a| a.kind != "noauth")?;
        if !is_stateful(&auth.kind) {
            return Some(auth.clone());
        }
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let system = map.entry(state_key(auth)).or_default();
        let mut hook = Hook {
            params: Params { auth, scopes },
            system,
        };
        match auth.kind.as_str() {
            "hawk" => hawk::pre(&mut hook),
            "ntlm" => ntlm::pre(&mut hook),
            _ => {}
        }
        let mut merged = auth.clone();
        for (k, v) in system.iter() {
            merged.params.retain(|(name, _)| name != k);
            if let Some(v) = v {
                merged
                    .params
                    .push((k.clone(), serde_json::Value::String(v.clone())));
            }
        }
        Some(merged)
    }

    /// The handler's `post` hook for a response to a request signed with
    /// `auth` (the definition, as given to [`AuthState::prepare`]).
    pub fn after_response(
        &self,
        auth: Option<&Auth>,
        code: u16,
        headers: &[(String, String)],
        scopes: &Scopes,
    ) -> AfterResponse {
        let Some(auth) = auth.filter(|a| is_stateful(&a.kind)) else {
            return AfterResponse::default();
        };
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let system = map.entry(state_key(auth)).or_default();
        let mut hook = Hook {
            params: Params { auth, scopes },
            system,
        };
        let result = match auth.kind.as_str() {
            "digest" => Ok(digest::post(&mut hook, code, headers)),
            "ntlm" => ntlm::post(&mut hook, code, headers),
            _ => Ok(false),
        };
        match result {
            Ok(replay) => AfterResponse {
                replay,
                warnings: Vec::new(),
            },
            Err(e) => AfterResponse {
                replay: false,
                warnings: vec![format!(
                    "runtime~{}.auth: there was an error validating auth: {e}",
                    auth.kind
                )],
            },
        }
    }
}

/// The warning when a request asked for more replays than allowed.
pub const REPLAY_LIMIT_WARNING: &str = "runtime: maximum intermediate request limit exceeded";

impl AuthTarget for PreparedRequest {
    fn method(&self) -> String {
        self.method.clone()
    }
    fn url(&self) -> String {
        self.url.clone()
    }
    fn headers(&self) -> Vec<(String, String)> {
        self.headers.clone()
    }
    fn body(&self) -> BodyView {
        match &self.body {
            Some(b) if !b.is_empty() => BodyView::Raw(b.to_vec()),
            _ => BodyView::None,
        }
    }
    fn remove_headers(&mut self, pred: &dyn Fn(&str) -> bool) {
        self.headers.retain(|(k, _)| !pred(k));
    }
    fn add_header(&mut self, key: &str, value: &str) {
        self.headers.push((key.to_string(), value.to_string()));
    }
    fn remove_query(&mut self, key: &str) {
        let encoded = crate::request::encode_query_key(key);
        let (base, hash) = split_hash(&self.url);
        if let Some((path, query)) = base.split_once('?') {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|p| p.split_once('=').map(|(k, _)| k).unwrap_or(p) != encoded)
                .collect();
            let mut url = path.to_string();
            if !kept.is_empty() {
                url.push('?');
                url.push_str(&kept.join("&"));
            }
            self.url = join_hash(url, hash);
        }
    }
    fn add_query_opt(&mut self, key: &str, value: Option<&str>) {
        let mut pair = crate::request::encode_query_key(key);
        if let Some(v) = value {
            pair.push('=');
            pair.push_str(&crate::request::encode_query_value(v));
        }
        let (base, hash) = split_hash(&self.url);
        let mut url = base.to_string();
        if url.contains('?') {
            if !url.ends_with('?') {
                url.push('&');
            }
        } else {
            url.push('?');
        }
        url.push_str(&pair);
        self.url = join_hash(url, hash);
    }
    fn set_query(&mut self, params: Vec<(String, Option<String>)>) {
        let (base, hash) = split_hash(&self.url);
        let mut url = base.split('?').next().unwrap_or_default().to_string();
        let q: Vec<String> = params
            .into_iter()
            .map(|(k, v)| match v {
                Some(v) => format!("{k}={v}"),
                None => k,
            })
            .collect();
        if !q.is_empty() {
            url.push('?');
            url.push_str(&q.join("&"));
        }
        self.url = join_hash(url, hash);
    }
}

fn split_hash(url: &str) -> (&str, Option<&str>) {
    match url.split_once('#') {
        Some((b, h)) => (b, Some(h)),
        None => (url, None),
    }
}

fn join_hash(mut url: String, hash: Option<&str>) -> String {
    if let Some(h) = hash {
        url.push('#');
        url.push_str(h);
    }
    url
}

#[cfg(test)]
pub(crate) mod testing {
    //! A minimal request for the signers' unit tests.
    use super::*;

    #[derive(Debug, Clone, Default)]
    pub struct TestRequest {
        pub method: String,
        pub url: String,
        pub headers: Vec<(String, String)>,
        pub body: BodyView,
    }

    impl TestRequest {
        pub fn new(method: &str, url: &str) -> Self {
            TestRequest {
                method: method.into(),
                url: url.into(),
                ..Default::default()
            }
        }
        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .rev()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
    }

    impl AuthTarget for TestRequest {
        fn method(&self) -> String {
            self.method.clone()
        }
        fn url(&self) -> String {
            self.url.clone()
        }
        fn headers(&self) -> Vec<(String, String)> {
            self.headers.clone()
        }
        fn body(&self) -> BodyView {
            self.body.clone()
        }
        fn remove_headers(&mut self, pred: &dyn Fn(&str) -> bool) {
            self.headers.retain(|(k, _)| !pred(k));
        }
        fn add_header(&mut self, key: &str, value: &str) {
            self.headers.push((key.into(), value.into()));
        }
        fn remove_query(&mut self, key: &str) {
            let mut p = PreparedRequest {
                url: self.url.clone(),
                ..Default::default()
            };
            p.remove_query(key);
            self.url = p.url;
        }
        fn add_query_opt(&mut self, key: &str, value: Option<&str>) {
            let (base, hash) = split_hash(&self.url);
            let mut url = base.to_string();
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(key);
            if let Some(v) = value {
                url.push('=');
                url.push_str(v);
            }
            self.url = join_hash(url, hash);
        }
        fn set_query(&mut self, params: Vec<(String, Option<String>)>) {
            let mut p = PreparedRequest {
                url: self.url.clone(),
                ..Default::default()
            };
            p.set_query(params);
            self.url = p.url;
        }
        fn urlencoded_remove(&mut self, pred: &dyn Fn(&str) -> bool) {
            if let BodyView::UrlEncoded(pairs) = &mut self.body {
                pairs.retain(|(k, _)| !pred(k));
            }
        }
        fn urlencoded_add(&mut self, key: &str, value: &str) {
            if let BodyView::UrlEncoded(pairs) = &mut self.body {
                pairs.push((key.into(), value.into()));
            }
        }
    }

    pub fn auth(kind: &str, params: &[(&str, &str)]) -> Auth {
        Auth {
            kind: kind.into(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), serde_json::json!(v)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::auth;
    use super::*;
    use serde_json::json;

    fn req(url: &str, headers: &[(&str, &str)]) -> PreparedRequest {
        PreparedRequest {
            method: "GET".into(),
            url: url.into(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn basic_replaces_user_authorization() {
        let mut s = Scopes::default();
        s.environment.set("u", json!("user"));
        let mut r = req("http://h/", &[("authorization", "mine"), ("X", "1")]);
        let w = apply(
            &auth("basic", &[("username", "{{u}}"), ("password", "p")]),
            &mut r,
            &s,
        );
        assert!(w.is_empty());
        assert_eq!(
            r.headers,
            vec![
                ("X".to_string(), "1".to_string()),
                ("Authorization".to_string(), "Basic dXNlcjpw".to_string())
            ]
        );
    }

    #[test]
    fn bearer_only_with_token() {
        let s = Scopes::default();
        let mut r = req("http://h/", &[]);
        apply(&auth("bearer", &[("token", "")]), &mut r, &s);
        assert!(r.headers.is_empty());
        apply(&auth("bearer", &[("token", "t0k")]), &mut r, &s);
        assert_eq!(
            r.headers,
            vec![("Authorization".to_string(), "Bearer t0k".to_string())]
        );
    }

    #[test]
    fn apikey_header_and_query() {
        let s = Scopes::default();
        let mut r = req("http://h/p?k=old&x=1#f", &[("X-KEY", "old")]);
        apply(
            &auth("apikey", &[("key", "x-key"), ("value", "vv")]),
            &mut r,
            &s,
        );
        assert_eq!(r.headers, vec![("x-key".to_string(), "vv".to_string())]);
        apply(
            &auth("apikey", &[("key", "k"), ("value", "v v"), ("in", "query")]),
            &mut r,
            &s,
        );
        assert_eq!(r.url, "http://h/p?x=1&k=v%20v#f");
    }

    #[test]
    fn oauth2_token_to_header_or_query() {
        let s = Scopes::default();
        let mut r = req("http://h/p", &[("Authorization", "x")]);
        apply(&auth("oauth2", &[("accessToken", "abc")]), &mut r, &s);
        assert_eq!(
            r.headers,
            vec![("Authorization".to_string(), "Bearer abc".to_string())]
        );
        let mut r = req("http://h/p?access_token=old", &[]);
        apply(
            &auth(
                "oauth2",
                &[("accessToken", "abc"), ("addTokenTo", "queryParams")],
            ),
            &mut r,
            &s,
        );
        assert_eq!(r.url, "http://h/p?access_token=abc");
        let mut r = req("http://h/p", &[]);
        apply(
            &auth("oauth2", &[("accessToken", "abc"), ("headerPrefix", "")]),
            &mut r,
            &s,
        );
        assert_eq!(
            r.headers,
            vec![("Authorization".to_string(), "abc".to_string())]
        );
    }

    #[test]
    fn unknown_types_warn() {
        let s = Scopes::default();
        let mut r = req("http://h/", &[]);
        let w = apply(&auth("inherit", &[]), &mut r, &s);
        assert_eq!(
            w,
            vec!["runtime: could not find a handler for auth: inherit".to_string()]
        );
        assert!(r.headers.is_empty());
    }

    #[test]
    fn signing_errors_are_newman_warnings() {
        let s = Scopes::default();
        let mut r = req("http://h/", &[]);
        let w = apply(&auth("jwt", &[("algorithm", "XX1")]), &mut r, &s);
        assert_eq!(
            w,
            vec!["runtime~jwt.auth: could not sign the request: invalid algorithm".to_string()]
        );
        assert!(r.headers.is_empty());
    }

    #[test]
    fn effective_auth_inheritance() {
        let b = auth("basic", &[]);
        let n = auth("noauth", &[]);
        assert_eq!(
            effective([None, Some(&b)]).map(|a| a.kind.as_str()),
            Some("basic")
        );
        assert_eq!(effective([None, Some(&n), Some(&b)]), None);
    }

    #[test]
    fn state_set_keeps_users_values() {
        let s = Scopes::default();
        let a = auth("digest", &[("realm", "mine"), ("nonce", "")]);
        let state = AuthState::default();
        let h = vec![(
            "WWW-Authenticate".to_string(),
            "Digest realm=\"theirs\", nonce=\"n1\"".to_string(),
        )];
        let out = state.after_response(Some(&a), 401, &h, &s);
        assert!(out.replay);
        let merged = state.prepare(Some(&a), &s).expect("auth");
        assert_eq!(merged.param_str("realm").as_deref(), Some("mine"));
        assert_eq!(merged.param_str("nonce").as_deref(), Some("n1"));
        // the same challenge again: everything is known, no more replays
        assert!(!state.after_response(Some(&a), 401, &h, &s).replay);
    }
}
