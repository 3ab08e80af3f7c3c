//! Atlassian S2S Auth Protocol (ASAP) as postman-runtime signs it: a JWT
//! with header `{alg, kid}` (RS256 unless `alg` says otherwise) and the
//! claims `iat`, `iss`, `sub` (the issuer when absent), `jti` (a UUID),
//! `aud` and `exp` (an hour unless `exp` gives seconds) over the user's
//! `claims`; sent as `Authorization: Bearer <token>`. The private key is
//! PKCS#8 PEM (newlines optional) or a `data:application/pkcs8;kid=…;base64,…`
//! URI whose kid must match.

use serde_json::{json, Map, Value};

use super::keys;
use super::util;
use super::{AuthTarget, Params};

const ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
];

/// lodash `parseInt` of a claim or parameter: its leading integer.
fn parse_int(v: &Value) -> Option<i64> {
    let s = match v {
        Value::Number(n) => return n.as_f64().map(|f| f.trunc() as i64),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    let (neg, digits) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.as_str()),
    };
    let d: String = digits.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n: i64 = d.parse().ok()?;
    Some(if neg { -n } else { n })
}

fn truthy(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| match v {
        Value::Null | Value::Bool(false) => false,
        Value::String(s) => !s.is_empty(),
        Value::Number(n) => n.as_f64() != Some(0.0),
        _ => true,
    })
}

/// The key's PKCS#8 DER from the parameter's text.
fn private_key_der(kid: &str, text: &str) -> Result<Vec<u8>, String> {
    let failed = || "Failed to parse private key.".to_string();
    let text = text.replace('\n', "");
    let text = match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) => inner.to_string(),
        None => text,
    };
    let decoded = percent_encoding::percent_decode_str(&text)
        .decode_utf8()
        .map_err(|_| failed())?
        .into_owned();
    if let Some(rest) = decoded.strip_prefix("data:") {
        let rest = rest
            .strip_prefix("application/pkcs8;kid=")
            .ok_or_else(|| "Malformed Data URI".to_string())
            .map_err(|_| failed())?;
        let (uri_kid, data) = rest.split_once(";base64,").ok_or_else(failed)?;
        if uri_kid != kid {
            return Err(failed());
        }
        return base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data)
            .map_err(|_| failed());
    }
    if !decoded.starts_with("-----BEGIN PRIVATE KEY-----") {
        return Err("Failed to sign request with key.".into());
    }
    let body: String = decoded
        .replace("-----BEGIN PRIVATE KEY-----", "")
        .replace("-----END PRIVATE KEY-----", "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body)
        .map_err(|_| "Failed to sign request with key.".to_string())
}

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) -> Result<(), String> {
    let claims: Map<String, Value> = match p.value("claims") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::String(_)) => {
            let text = p.text("claims");
            let trimmed = text.trim();
            if trimmed.is_empty() {
                Map::new()
            } else {
                match serde_json::from_str::<Value>(trimmed) {
                    Ok(Value::Object(m)) => m,
                    Ok(_) => Map::new(),
                    Err(_) => return Err("Failed to parse claims".into()),
                }
            }
        }
        Some(Value::Object(m)) => m.clone(),
        Some(_) => Map::new(),
    };
    let param = |name: &str| p.truthy(name).map(Value::String);
    let issuer = truthy(claims.get("iss")).cloned().or_else(|| param("iss"));
    let subject = truthy(claims.get("sub"))
        .cloned()
        .or_else(|| param("sub"))
        .or_else(|| issuer.clone());
    let audience = truthy(claims.get("aud")).cloned().or_else(|| param("aud"));
    let jti = truthy(claims.get("jti"))
        .cloned()
        .unwrap_or_else(|| Value::String(uuid::Uuid::new_v4().to_string()));
    let now = chrono::Utc::now().timestamp();
    let iat = truthy(claims.get("iat")).cloned().unwrap_or(json!(now));
    let expiry = param("exp")
        .and_then(|e| parse_int(&e))
        .filter(|e| *e != 0)
        .unwrap_or(3600);
    let exp = truthy(claims.get("exp"))
        .and_then(parse_int)
        .filter(|e| *e != 0)
        // an expiry of any size from the collection must not overflow
        .unwrap_or(now.saturating_add(expiry));
    let kid = truthy(claims.get("kid")).cloned().or_else(|| param("kid"));
    let alg = p.truthy("alg").unwrap_or_else(|| "RS256".into());
    let private_key = p.truthy("privateKey");
    let (Some(kid), Some(issuer), Some(audience), Some(private_key)) =
        (kid, issuer, audience, private_key)
    else {
        return Err("One or more of required claims missing".into());
    };
    if !ALGORITHMS.contains(&alg.as_str()) {
        return Err("invalid algorithm".into());
    }
    let kid_text = match &kid {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let der = private_key_der(&kid_text, &private_key)?;

    let mut header = Map::new();
    header.insert("alg".into(), Value::String(alg.clone()));
    header.insert("kid".into(), kid);
    let mut payload = claims;
    payload.insert("iat".into(), iat);
    payload.insert("iss".into(), issuer);
    payload.insert("sub".into(), subject.unwrap_or(Value::Null));
    payload.insert("jti".into(), jti);
    payload.insert("aud".into(), audience);
    payload.insert("exp".into(), json!(exp));
    let input = format!(
        "{}.{}",
        util::b64url(Value::Object(header).to_string().as_bytes()),
        util::b64url(Value::Object(payload).to_string().as_bytes())
    );
    let sig = keys::jws_sign_der(&alg, &der, input.as_bytes())
        .map_err(|_| "Failed to sign request with key.".to_string())?;
    t.remove_headers(&|k| k.eq_ignore_ascii_case("authorization"));
    t.add_header(
        "Authorization",
        &format!("Bearer {input}.{}", util::b64url(&sig)),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::sign as sign_with;
    use crate::auth::testing::{auth, TestRequest};
    use crate::vars::Scopes;

    #[test]
    fn missing_claims_and_bad_keys() {
        let s = Scopes::default();
        let mut r = TestRequest::new("GET", "http://h/");
        let w = sign_with(&auth("asap", &[("kid", "k"), ("iss", "i")]), &mut r, &s);
        assert_eq!(
            w,
            vec!["runtime~asap.auth: could not sign the request: One or more of required claims missing".to_string()]
        );
        let w = sign_with(
            &auth(
                "asap",
                &[
                    ("kid", "k"),
                    ("iss", "i"),
                    ("aud", "a"),
                    ("privateKey", "nope"),
                    ("claims", "{bad"),
                ],
            ),
            &mut r,
            &s,
        );
        assert_eq!(
            w,
            vec![
                "runtime~asap.auth: could not sign the request: Failed to parse claims".to_string()
            ]
        );
        let w = sign_with(
            &auth(
                "asap",
                &[
                    ("kid", "k"),
                    ("iss", "i"),
                    ("aud", "a"),
                    ("privateKey", "nope"),
                ],
            ),
            &mut r,
            &s,
        );
        assert_eq!(
            w,
            vec![
                "runtime~asap.auth: could not sign the request: Failed to sign request with key."
                    .to_string()
            ]
        );
        assert!(r.header("authorization").is_none());
    }

    /// Found by the `url_build` fuzz target: an `exp` parameter near
    /// `i64::MAX` overflowed the expiry time.
    #[test]
    fn a_huge_expiry_does_not_overflow() {
        let s = Scopes::default();
        let mut r = TestRequest::new("GET", "http://h/");
        let w = sign_with(
            &auth(
                "asap",
                &[
                    ("kid", "k"),
                    ("iss", "i"),
                    ("aud", "a"),
                    ("privateKey", "nope"),
                    ("exp", "9223372036854775807"),
                ],
            ),
            &mut r,
            &s,
        );
        assert_eq!(
            w,
            vec![
                "runtime~asap.auth: could not sign the request: Failed to sign request with key."
                    .to_string()
            ]
        );
    }

    #[test]
    fn data_uri_kid_must_match() {
        assert!(private_key_der("a", "data:application/pkcs8;kid=b;base64,AAAA").is_err());
        assert_eq!(
            private_key_der("a/b", "data:application%2Fpkcs8;kid=a%2Fb;base64,AAAA").expect("der"),
            vec![0, 0, 0]
        );
    }
}
