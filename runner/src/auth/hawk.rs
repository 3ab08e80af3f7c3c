//! Hawk (hapijs/hawk's header scheme) as postman-runtime signs it with
//! postman-request's implementation: `sha1` or `sha256` MACs over the
//! normalized request, an optional payload hash (`includePayloadHash`, over
//! the `Content-Type` the user set), `ext`, `app` and `dlg`.
//!
//! Like the runtime, the first request picks a nonce (6 letters/digits) and
//! a timestamp when none are given and the run keeps using them.

use super::util::{self, Hash, UrlParts};
use super::{AuthTarget, BodyView, Hook, Params};

/// The `pre` hook: a nonce and a timestamp when there are none.
pub(super) fn pre(a: &mut Hook<'_>) {
    if a.get("nonce").is_none_or(|n| n.is_empty()) {
        a.set("nonce", Some(util::random_alnum(6)));
    }
    let ts_ok = a
        .get("timestamp")
        .and_then(|t| leading_int(&t))
        .is_some_and(|n| n != 0);
    if !ts_ok {
        a.set(
            "timestamp",
            Some(chrono::Utc::now().timestamp().to_string()),
        );
    }
}

/// lodash `parseInt`: the leading integer, if any.
fn leading_int(s: &str) -> Option<i64> {
    let t = s.trim_start();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, t.strip_prefix('+').unwrap_or(t)),
    };
    let d: String = digits.chars().take_while(|c| c.is_ascii_digit()).collect();
    d.parse::<i64>().ok().map(|n| n * sign)
}

/// What the MAC covers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Artifacts {
    pub ts: String,
    pub nonce: String,
    pub method: String,
    pub resource: String,
    pub host: String,
    pub port: String,
    pub hash: Option<String>,
    pub ext: Option<String>,
    pub app: Option<String>,
    pub dlg: Option<String>,
}

/// `calculateMac`. Note the JS `replace` of a string pattern only touches
/// the first `\` and the first newline of `ext`.
pub(crate) fn mac(alg: Hash, key: &str, a: &Artifacts) -> String {
    let mut normalized = format!(
        "hawk.1.header\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n",
        a.ts,
        a.nonce,
        a.method.to_uppercase(),
        a.resource,
        a.host.to_lowercase(),
        a.port,
        a.hash.as_deref().unwrap_or("")
    );
    if let Some(ext) = a.ext.as_deref().filter(|e| !e.is_empty()) {
        normalized.push_str(&ext.replacen('\\', "\\\\", 1).replacen('\n', "\\n", 1));
    }
    normalized.push('\n');
    if let Some(app) = a.app.as_deref().filter(|s| !s.is_empty()) {
        normalized.push_str(app);
        normalized.push('\n');
        normalized.push_str(a.dlg.as_deref().unwrap_or(""));
        normalized.push('\n');
    }
    util::b64(&alg.hmac(key.as_bytes(), normalized.as_bytes()))
}

/// The payload hash: over `hawk.1.payload`, the media type and the body.
pub(crate) fn payload_hash(alg: Hash, content_type: Option<&str>, body: &[u8]) -> String {
    let ct = content_type
        .map(|c| c.split(';').next().unwrap_or("").trim().to_lowercase())
        .unwrap_or_default();
    util::b64(&alg.digest(&[b"hawk.1.payload\n", ct.as_bytes(), b"\n", body, b"\n"]))
}

/// The header value; empty for an algorithm other than `sha1`/`sha256`, as
/// postman-request gives.
pub(crate) fn header(id: &str, key: &str, algorithm: &str, a: &Artifacts) -> String {
    let alg = match algorithm {
        "sha1" => Hash::Sha1,
        "sha256" => Hash::Sha256,
        _ => return String::new(),
    };
    let m = mac(alg, key, a);
    let mut h = format!("Hawk id=\"{id}\", ts=\"{}\", nonce=\"{}", a.ts, a.nonce);
    if let Some(hash) = a.hash.as_deref().filter(|s| !s.is_empty()) {
        h.push_str(&format!("\", hash=\"{hash}"));
    }
    if let Some(ext) = a.ext.as_deref().filter(|s| !s.is_empty()) {
        h.push_str(&format!(
            "\", ext=\"{}",
            ext.replace('\\', "\\\\").replace('"', "\\\"")
        ));
    }
    h.push_str(&format!("\", mac=\"{m}\""));
    if let Some(app) = a.app.as_deref().filter(|s| !s.is_empty()) {
        h.push_str(&format!(", app=\"{app}"));
        if let Some(dlg) = a.dlg.as_deref().filter(|s| !s.is_empty()) {
            h.push_str(&format!("\", dlg=\"{dlg}"));
        }
        h.push('"');
    }
    h
}

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) -> Result<(), String> {
    let (Some(id), Some(key)) = (p.truthy("authId"), p.truthy("authKey")) else {
        return Ok(());
    };
    t.remove_headers(&|k| k.eq_ignore_ascii_case("authorization"));
    let algorithm = p.text("algorithm");
    let hash = if p.flag("includePayloadHash") {
        let content_type = t
            .headers()
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v);
        match (Hash::from_name(&algorithm), t.body()) {
            (_, BodyView::None) | (None, _) => None,
            (Some(h), body) => util::hashable_body(&body, true)
                .map(|b| payload_hash(h, content_type.as_deref(), &b)),
        }
    } else {
        None
    };
    let url = UrlParts::parse(&t.url());
    let port = url.port.clone().unwrap_or_else(|| {
        if url.protocol == "http:" {
            "80".into()
        } else {
            "443".into()
        }
    });
    let ts = p
        .truthy("timestamp")
        .unwrap_or_else(|| chrono::Utc::now().timestamp().to_string());
    let nonce = p.truthy("nonce").unwrap_or_else(|| {
        util::random_from(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_",
            6,
        )
    });
    let artifacts = Artifacts {
        ts,
        nonce,
        method: t.method(),
        resource: url.path(),
        host: url
            .hostname
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port,
        hash,
        ext: p.get("extraData"),
        app: p.get("app"),
        dlg: p.get("delegation"),
    };
    let value = header(&id, &key, &algorithm, &artifacts);
    t.add_header("Authorization", &value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::sign as sign_with;
    use crate::auth::testing::{auth, TestRequest};
    use crate::auth::AuthState;
    use crate::vars::Scopes;

    /// hapijs/hawk's README example: id `dh37fgj492je`, key
    /// `werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn`, sha256, ts 1353832234,
    /// nonce `j4h3g2`, `GET /resource/1?b=1&a=2` on example.com:8000 with
    /// ext `some-app-ext-data`.
    #[test]
    fn hawk_readme_example() {
        let a = Artifacts {
            ts: "1353832234".into(),
            nonce: "j4h3g2".into(),
            method: "GET".into(),
            resource: "/resource/1?b=1&a=2".into(),
            host: "example.com".into(),
            port: "8000".into(),
            hash: None,
            ext: Some("some-app-ext-data".into()),
            app: None,
            dlg: None,
        };
        assert_eq!(
            mac(
                Hash::Sha256,
                "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn",
                &a
            ),
            "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="
        );
        assert_eq!(
            header("dh37fgj492je", "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn", "sha256", &a),
            "Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", ext=\"some-app-ext-data\", mac=\"6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=\""
        );
        assert_eq!(header("i", "k", "md5", &a), "");
    }

    #[test]
    fn payload_hash_like_hawk() {
        // hapijs/hawk README: "Thank you for flying Hawk" as text/plain
        assert_eq!(
            payload_hash(
                Hash::Sha256,
                Some("text/plain; charset=utf-8"),
                b"Thank you for flying Hawk"
            ),
            "Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY="
        );
    }

    #[test]
    fn handler_keeps_nonce_and_timestamp_for_the_run() {
        let s = Scopes::default();
        let a = auth(
            "hawk",
            &[
                ("authId", "id"),
                ("authKey", "key"),
                ("algorithm", "sha256"),
                ("app", "ap"),
                ("delegation", "dl"),
            ],
        );
        let state = AuthState::default();
        let m1 = state.prepare(Some(&a), &s).expect("auth");
        let m2 = state.prepare(Some(&a), &s).expect("auth");
        assert_eq!(m1.param_str("nonce"), m2.param_str("nonce"));
        assert_eq!(m1.param_str("nonce").map(|n| n.len()), Some(6));
        let mut r = TestRequest::new("GET", "https://h/x");
        sign_with(&m1, &mut r, &s);
        let h = r.header("authorization").expect("signed");
        assert!(h.ends_with(", app=\"ap\", dlg=\"dl\""), "{h}");
        assert!(h.contains(&format!(
            "nonce=\"{}\"",
            m1.param_str("nonce").unwrap_or_default()
        )));
    }
}
