//! Auth: finding the effective auth of an item (nearest parent wins,
//! `noauth` stops inheritance) and signing a request with it. Parameters
//! get `{{variable}}` substitution first. Supported: basic, bearer, apikey,
//! oauth2 (an existing access token). Other types are sent unsigned with a
//! console warning, as Newman does when a handler cannot sign.

mod apikey;
mod basic;
mod bearer;
mod oauth2;

use crate::collection::Auth;
use crate::http::PreparedRequest;
use crate::vars::{resolve, Scopes};

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

/// What signing needs to change on a request. Implemented by the request
/// builder's header/query lists and by [`PreparedRequest`].
pub trait AuthTarget {
    /// Remove every header (enabled or not) whose name matches `pred`.
    fn remove_headers(&mut self, pred: &dyn Fn(&str) -> bool);
    /// Append a header (the runtime marks it `system`).
    fn add_header(&mut self, key: &str, value: &str);
    /// Remove every query parameter whose (decoded) key is `key`.
    fn remove_query(&mut self, key: &str);
    /// Append a query parameter.
    fn add_query(&mut self, key: &str, value: &str);
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
}

/// Sign `target` with `auth`. Returns console warnings (Newman's wording).
pub fn sign(auth: &Auth, target: &mut dyn AuthTarget, scopes: &Scopes) -> Vec<String> {
    let p = Params { auth, scopes };
    match auth.kind.as_str() {
        "noauth" => Vec::new(),
        "basic" => {
            basic::sign(&p, target);
            Vec::new()
        }
        "bearer" => {
            bearer::sign(&p, target);
            Vec::new()
        }
        "apikey" => {
            apikey::sign(&p, target);
            Vec::new()
        }
        "oauth2" => {
            oauth2::sign(&p, target);
            Vec::new()
        }
        "awsv4" | "digest" | "hawk" | "oauth1" | "ntlm" | "edgegrid" | "jwt" | "asap" => vec![format!(
            "runtime~{}.auth: could not sign the request: postgate does not support {} auth yet; the request was sent unsigned",
            auth.kind, auth.kind
        )],
        other => vec![format!("runtime: could not find a handler for auth: {other}")],
    }
}

/// Sign a prepared (wire) request. Returns console warnings.
pub fn apply(auth: &Auth, req: &mut PreparedRequest, scopes: &Scopes) -> Vec<String> {
    sign(auth, req, scopes)
}

impl AuthTarget for PreparedRequest {
    fn remove_headers(&mut self, pred: &dyn Fn(&str) -> bool) {
        self.headers.retain(|(k, _)| !pred(k));
    }
    fn add_header(&mut self, key: &str, value: &str) {
        self.headers.push((key.to_string(), value.to_string()));
    }
    fn remove_query(&mut self, key: &str) {
        let encoded = crate::request::encode_query_key(key);
        let (base, hash) = match self.url.split_once('#') {
            Some((b, h)) => (b.to_string(), Some(h.to_string())),
            None => (self.url.clone(), None),
        };
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
            if let Some(h) = hash {
                url.push('#');
                url.push_str(&h);
            }
            self.url = url;
        }
    }
    fn add_query(&mut self, key: &str, value: &str) {
        let pair = format!(
            "{}={}",
            crate::request::encode_query_key(key),
            crate::request::encode_query_value(value)
        );
        let (base, hash) = match self.url.split_once('#') {
            Some((b, h)) => (b.to_string(), Some(h.to_string())),
            None => (self.url.clone(), None),
        };
        let mut url = base;
        if url.contains('?') {
            if !url.ends_with('?') {
                url.push('&');
            }
        } else {
            url.push('?');
        }
        url.push_str(&pair);
        if let Some(h) = hash {
            url.push('#');
            url.push_str(&h);
        }
        self.url = url;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn auth(kind: &str, params: &[(&str, &str)]) -> Auth {
        Auth {
            kind: kind.into(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect(),
        }
    }

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
    fn unsupported_types_warn() {
        let s = Scopes::default();
        let mut r = req("http://h/", &[]);
        let w = apply(&auth("digest", &[]), &mut r, &s);
        assert_eq!(w.len(), 1);
        assert!(w[0].starts_with("runtime~digest.auth: could not sign the request"));
        let w = apply(&auth("inherit", &[]), &mut r, &s);
        assert_eq!(
            w,
            vec!["runtime: could not find a handler for auth: inherit".to_string()]
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
}
