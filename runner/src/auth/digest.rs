//! Digest auth (RFC 7616, RFC 2617) as postman-runtime's handler does it.
//!
//! Without a `nonce` and `realm` the request goes out unsigned; the `post`
//! hook reads the `WWW-Authenticate: Digest …` challenge of a 401 or 403,
//! stores nonce, realm, opaque and qop (plus a client nonce and a nonce
//! count when there is a qop) and asks for a replay, which is signed. The
//! stored values are reused by later requests with the same auth, whose
//! nonce count goes up by one per response. When every value of a challenge
//! is already stored, there is no replay (a stale nonce is not renewed).
//!
//! Quirks kept from the runtime: only `qop` values of exactly `auth` or
//! `auth-int` count as a qop (`auth,auth-int` signs as if there were none);
//! missing values print as `undefined`, as JavaScript concatenation does.

use super::util::{self, Hash, UrlParts};
use super::{AuthTarget, BodyView, Hook, Params};

/// The parameters a signature needs.
#[derive(Debug, Clone, Default)]
pub(crate) struct DigestParams {
    pub algorithm: Option<String>,
    pub username: Option<String>,
    pub realm: Option<String>,
    pub password: Option<String>,
    pub method: String,
    pub uri: String,
    pub nonce: Option<String>,
    pub nonce_count: Option<String>,
    pub client_nonce: Option<String>,
    pub opaque: Option<String>,
    pub qop: Option<String>,
    /// Hex hash of the body, for `auth-int`.
    pub body_hash: Option<String>,
}

fn hash_hex(h: Hash, s: &str) -> String {
    util::hex(&h.digest(&[s.as_bytes()]))
}

/// The algorithm's hash; `Err` for names the runtime does not know.
fn hash_of(algorithm: &mut Option<String>) -> Result<Hash, String> {
    Ok(match algorithm.as_deref().unwrap_or("") {
        "SHA-256" | "SHA-256-sess" => Hash::Sha256,
        "MD5" | "MD5-sess" => Hash::Md5,
        "" => {
            *algorithm = Some("MD5".into());
            Hash::Md5
        }
        "SHA-512-256" | "SHA-512-256-sess" => Hash::Sha512_256,
        other => return Err(format!("Unsupported digest algorithm: {other}")),
    })
}

/// The `Authorization` header value for `p` (the runtime's `computeHeader`).
pub(crate) fn compute_header(p: &DigestParams) -> Result<String, String> {
    let mut algorithm = p.algorithm.clone().filter(|a| !a.is_empty());
    let h = hash_of(&mut algorithm)?;
    let algorithm = algorithm.unwrap_or_default();
    let u = util::js;
    let a1 = if algorithm.ends_with("-sess") {
        let a0 = hash_hex(
            h,
            &format!("{}:{}:{}", u(&p.username), u(&p.realm), u(&p.password)),
        );
        format!("{a0}:{}:{}", u(&p.nonce), u(&p.client_nonce))
    } else {
        format!("{}:{}:{}", u(&p.username), u(&p.realm), u(&p.password))
    };
    let qop = p.qop.as_deref().unwrap_or("");
    let a2 = if qop == "auth-int" {
        format!("{}:{}:{}", p.method, p.uri, u(&p.body_hash))
    } else {
        format!("{}:{}", p.method, p.uri)
    };
    let ha1 = hash_hex(h, &a1);
    let ha2 = hash_hex(h, &a2);
    let with_qop = qop == "auth" || qop == "auth-int";
    let response = if with_qop {
        hash_hex(
            h,
            &[
                ha1.as_str(),
                u(&p.nonce),
                u(&p.nonce_count),
                u(&p.client_nonce),
                qop,
                ha2.as_str(),
            ]
            .join(":"),
        )
    } else {
        hash_hex(h, &format!("{ha1}:{}:{ha2}", u(&p.nonce)))
    };
    let mut parts = vec![
        format!("username=\"{}\"", u(&p.username)),
        format!("realm=\"{}\"", u(&p.realm)),
        format!("nonce=\"{}\"", u(&p.nonce)),
        format!("uri=\"{}\"", p.uri),
    ];
    if !algorithm.is_empty() {
        parts.push(format!("algorithm=\"{algorithm}\""));
    }
    if with_qop {
        parts.push(format!("qop={qop}"));
    }
    if with_qop || algorithm == "MD5-sess" {
        if util::truthy(&p.nonce_count) {
            parts.push(format!("nc={}", u(&p.nonce_count)));
        }
        parts.push(format!("cnonce=\"{}\"", u(&p.client_nonce)));
    }
    parts.push(format!("response=\"{response}\""));
    if util::truthy(&p.opaque) {
        parts.push(format!("opaque=\"{}\"", u(&p.opaque)));
    }
    Ok(format!("Digest {}", parts.join(", ")))
}

/// Sign when the challenge's values are known (the runtime's `pre` gives
/// no go without a nonce and a realm: the request then goes unsigned).
pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) -> Result<(), String> {
    if p.truthy("nonce").is_none() || p.truthy("realm").is_none() {
        return Ok(());
    }
    if p.truthy("username").is_none() {
        return Ok(());
    }
    let url = UrlParts::parse(&t.url());
    let mut params = DigestParams {
        algorithm: p.get("algorithm"),
        username: p.get("username"),
        realm: p.get("realm"),
        password: p.get("password"),
        method: t.method(),
        uri: url.path(),
        nonce: p.get("nonce"),
        nonce_count: p.get("nonceCount"),
        client_nonce: p.get("clientNonce"),
        opaque: p.get("opaque"),
        qop: p.get("qop"),
        body_hash: None,
    };
    t.remove_headers(&|k| k.eq_ignore_ascii_case("authorization"));
    if params.qop.as_deref() == Some("auth-int") {
        let mut alg = params.algorithm.clone().filter(|a| !a.is_empty());
        let h = hash_of(&mut alg)?;
        params.body_hash = match t.body() {
            BodyView::None => Some(util::hex(&h.digest(&[]))),
            body => util::hashable_body(&body, true).map(|b| util::hex(&h.digest(&[&b]))),
        };
    }
    let header = compute_header(&params)?;
    t.add_header("Authorization", &header);
    Ok(())
}

/// `field="value"` from a challenge, the first match anywhere, case-insensitive.
fn extract(challenge: &str, field: &str) -> String {
    let lower = challenge.to_ascii_lowercase();
    let needle = format!("{field}=\"");
    let Some(i) = lower.find(&needle) else {
        return String::new();
    };
    let rest = &challenge[i + needle.len()..];
    match rest.find('"') {
        Some(j) => rest[..j].to_string(),
        None => String::new(),
    }
}

/// `00000001` → `00000002`; anything unparsable restarts at `00000001`.
fn next_nonce_count(nc: Option<&str>) -> String {
    let digits: String = nc
        .unwrap_or("")
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    match digits.parse::<u64>() {
        Ok(n) => format!("{:08}", n + 1),
        Err(_) => "00000001".into(),
    }
}

/// The `post` hook: `true` to replay the request.
pub(super) fn post(a: &mut Hook<'_>, code: u16, headers: &[(String, String)]) -> bool {
    if a.flag("disableRetryRequest") {
        return false;
    }
    let challenge = headers.iter().find(|(k, v)| {
        k.eq_ignore_ascii_case("www-authenticate") && v.to_ascii_lowercase().starts_with("digest ")
    });
    if let (401 | 403, Some((_, value))) = (code, challenge) {
        let mut found: Vec<(&str, String)> = vec![
            ("nonce", extract(value, "nonce")),
            ("realm", extract(value, "realm")),
        ];
        let opaque = extract(value, "opaque");
        if !opaque.is_empty() {
            found.push(("opaque", opaque));
        }
        let qop = extract(value, "qop");
        let has_qop = !qop.is_empty() || a.get("qop").is_some_and(|q| !q.is_empty());
        if !qop.is_empty() {
            found.push(("qop", qop));
        }
        if has_qop {
            found.push(("clientNonce", util::random_alnum(8)));
            found.push(("nonceCount", "00000001".into()));
        }
        if found
            .iter()
            .all(|(k, _)| a.get(k).is_some_and(|v| !v.is_empty()))
        {
            return false;
        }
        for (k, v) in found {
            a.set(k, Some(v));
        }
        return true;
    }
    let nc = next_nonce_count(a.get("nonceCount").as_deref());
    a.set("nonceCount", Some(nc));
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::testing::{auth, TestRequest};
    use crate::auth::{sign as sign_with, AuthState};
    use crate::vars::Scopes;

    fn field<'a>(header: &'a str, name: &str) -> Option<&'a str> {
        header
            .trim_start_matches("Digest ")
            .split(", ")
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .map(|v| v.trim_matches('"'))
    }

    fn rfc7616(algorithm: &str) -> DigestParams {
        DigestParams {
            algorithm: Some(algorithm.into()),
            username: Some("Mufasa".into()),
            realm: Some("http-auth@example.org".into()),
            password: Some("Circle of Life".into()),
            method: "GET".into(),
            uri: "/dir/index.html".into(),
            nonce: Some("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v".into()),
            nonce_count: Some("00000001".into()),
            client_nonce: Some("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ".into()),
            opaque: Some("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS".into()),
            qop: Some("auth".into()),
            body_hash: None,
        }
    }

    #[test]
    fn rfc7616_section_3_9_1_md5_and_sha256() {
        let h = compute_header(&rfc7616("MD5")).expect("md5");
        assert_eq!(
            field(&h, "response"),
            Some("8ca523f5e9506fed4657c9700eebdbec")
        );
        assert_eq!(
            h,
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", \
             nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", uri=\"/dir/index.html\", \
             algorithm=\"MD5\", qop=auth, nc=00000001, \
             cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", \
             response=\"8ca523f5e9506fed4657c9700eebdbec\", \
             opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""
        );
        let h = compute_header(&rfc7616("SHA-256")).expect("sha-256");
        assert_eq!(
            field(&h, "response"),
            Some("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")
        );
    }

    #[test]
    fn rfc2617_section_3_5() {
        let p = DigestParams {
            algorithm: None,
            username: Some("Mufasa".into()),
            realm: Some("testrealm@host.com".into()),
            password: Some("Circle Of Life".into()),
            method: "GET".into(),
            uri: "/dir/index.html".into(),
            nonce: Some("dcd98b7102dd2f0e8b11d0f600bfb0c093".into()),
            nonce_count: Some("00000001".into()),
            client_nonce: Some("0a4f113b".into()),
            opaque: Some("5ccc069c403ebaf9f0171e9517f40e41".into()),
            qop: Some("auth".into()),
            body_hash: None,
        };
        let h = compute_header(&p).expect("md5");
        assert_eq!(
            field(&h, "response"),
            Some("6629fae49393a05397450978507c4ef1")
        );
        assert_eq!(field(&h, "algorithm"), Some("MD5"));
    }

    #[test]
    fn sess_and_sha512_256_variants_and_unknown_algorithm() {
        // MD5-sess: HA1 = MD5(MD5(user:realm:pass):nonce:cnonce)
        let p = rfc7616("MD5-sess");
        let a0 = hash_hex(Hash::Md5, "Mufasa:http-auth@example.org:Circle of Life");
        let ha1 = hash_hex(
            Hash::Md5,
            &format!(
                "{a0}:7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"
            ),
        );
        let ha2 = hash_hex(Hash::Md5, "GET:/dir/index.html");
        let expect = hash_hex(
            Hash::Md5,
            &format!("{ha1}:7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:{ha2}"),
        );
        let h = compute_header(&p).expect("sess");
        assert_eq!(field(&h, "response"), Some(expect.as_str()));
        for alg in ["SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"] {
            let h = compute_header(&rfc7616(alg)).expect(alg);
            assert_eq!(field(&h, "algorithm"), Some(alg));
            assert_eq!(field(&h, "response").map(str::len), Some(64), "{alg}");
        }
        // SHA-512/256 of "abc" (FIPS 180-4 example)
        assert_eq!(
            hash_hex(Hash::Sha512_256, "abc"),
            "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"
        );
        assert_eq!(
            compute_header(&rfc7616("SHA-1")).expect_err("unsupported"),
            "Unsupported digest algorithm: SHA-1"
        );
    }

    #[test]
    fn challenge_then_replay_then_counting() {
        let s = Scopes::default();
        let a = auth("digest", &[("username", "u"), ("password", "p")]);
        let state = AuthState::default();
        // first request: unsigned
        let merged = state.prepare(Some(&a), &s).expect("auth");
        let mut r = TestRequest::new("GET", "http://h/x?y=1");
        assert!(sign_with(&merged, &mut r, &s).is_empty());
        assert!(r.header("authorization").is_none());
        // the challenge
        let challenge = vec![(
            "WWW-Authenticate".to_string(),
            "Digest realm=\"r\", qop=\"auth\", nonce=\"abc\", opaque=\"o\"".to_string(),
        )];
        assert!(state.after_response(Some(&a), 401, &challenge, &s).replay);
        let merged = state.prepare(Some(&a), &s).expect("auth");
        let mut r = TestRequest::new("GET", "http://h/x?y=1");
        sign_with(&merged, &mut r, &s);
        let h = r.header("authorization").expect("signed").to_string();
        assert_eq!(field(&h, "uri"), Some("/x?y=1"));
        assert_eq!(field(&h, "nc"), Some("00000001"));
        assert_eq!(field(&h, "opaque"), Some("o"));
        assert_eq!(field(&h, "cnonce").map(str::len), Some(8));
        // success: the count goes up for the next request
        assert!(!state.after_response(Some(&a), 200, &[], &s).replay);
        let merged = state.prepare(Some(&a), &s).expect("auth");
        assert_eq!(merged.param_str("nonceCount").as_deref(), Some("00000002"));
        // disableRetryRequest: no replay
        let b = auth(
            "digest",
            &[("username", "u"), ("disableRetryRequest", "true")],
        );
        assert!(!state.after_response(Some(&b), 401, &challenge, &s).replay);
    }

    #[test]
    fn auth_int_hashes_the_body() {
        let s = Scopes::default();
        let a = auth(
            "digest",
            &[
                ("username", "u"),
                ("password", "p"),
                ("realm", "r"),
                ("nonce", "n"),
                ("qop", "auth-int"),
                ("clientNonce", "c"),
                ("nonceCount", "00000001"),
            ],
        );
        let mut r = TestRequest::new("POST", "http://h/p");
        r.body = BodyView::Raw(b"hello".to_vec());
        sign_with(&a, &mut r, &s);
        let h = r.header("authorization").expect("signed").to_string();
        let body = hash_hex(Hash::Md5, "hello");
        let ha1 = hash_hex(Hash::Md5, "u:r:p");
        let ha2 = hash_hex(Hash::Md5, &format!("POST:/p:{body}"));
        let expect = hash_hex(Hash::Md5, &format!("{ha1}:n:00000001:c:auth-int:{ha2}"));
        assert_eq!(field(&h, "response"), Some(expect.as_str()));
        assert_eq!(field(&h, "qop"), Some("auth-int"));
    }

    #[test]
    fn nonce_counts() {
        assert_eq!(next_nonce_count(Some("00000009")), "00000010");
        assert_eq!(next_nonce_count(None), "00000001");
        assert_eq!(next_nonce_count(Some("x")), "00000001");
    }
}
