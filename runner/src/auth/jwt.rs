//! JWT bearer auth as postman-runtime makes it with jose: the header is the
//! user's JSON with `alg` forced, the payload the user's JSON; HS256/384/512
//! with a secret (optionally base64), RS/PS/ES 256/384/512 with a PKCS#8
//! private key. The token goes into `Authorization: <prefix> <token>`
//! (prefix `Bearer` unless given) or a query parameter (`token` unless
//! `queryParamKey` says otherwise).

use serde_json::{Map, Value};

use super::keys;
use super::util::{self, Hash};
use super::{AuthTarget, Params};

const ALGORITHMS: &[&str] = &[
    "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
    "ES384", "ES512",
];

/// `JSON.parse` of a parameter given as text, or the value itself.
fn json_param(v: Option<&Value>, p: &Params<'_>, name: &str) -> Result<Option<Value>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(_)) => {
            let text = p.text(name);
            let t = text.trim();
            if t.is_empty() {
                return Ok(None);
            }
            serde_json::from_str(t)
                .map(Some)
                .map_err(|e| format!("Unexpected token in JSON: {e}"))
        }
        Some(other) => Ok(Some(other.clone())),
    }
}

/// Sign `header.payload` with `alg` (the segments base64url-encoded JSON).
pub(crate) fn token(
    alg: &str,
    header: &Map<String, Value>,
    payload: &Map<String, Value>,
    secret: &[u8],
    private_key: &str,
) -> Result<String, String> {
    let input = format!(
        "{}.{}",
        util::b64url(Value::Object(header.clone()).to_string().as_bytes()),
        util::b64url(Value::Object(payload.clone()).to_string().as_bytes())
    );
    let sig = match alg {
        "HS256" => Hash::Sha256.hmac(secret, input.as_bytes()),
        "HS384" => {
            use hmac::Mac;
            let mut m = <hmac::Hmac<sha2::Sha384> as hmac::digest::KeyInit>::new_from_slice(secret)
                .map_err(|e| e.to_string())?;
            m.update(input.as_bytes());
            m.finalize().into_bytes().to_vec()
        }
        "HS512" => Hash::Sha512.hmac(secret, input.as_bytes()),
        _ => keys::jws_sign(alg, private_key, input.as_bytes())?,
    };
    Ok(format!("{input}.{}", util::b64url(&sig)))
}

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) -> Result<(), String> {
    let alg = p.text("algorithm");
    if !ALGORITHMS.contains(&alg.as_str()) {
        return Err("invalid algorithm".into());
    }
    let hs = alg.starts_with("HS");
    let secret = p.text("secret");
    let private_key = p.text("privateKey");
    if hs && secret.is_empty() {
        return Err("Invalid secret key. Enter a valid key.".into());
    }
    if !hs && private_key.is_empty() {
        return Err("Invalid private key. Enter a valid key.".into());
    }
    let mut header = match json_param(p.value("header"), p, "header")? {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    header.insert("alg".into(), Value::String(alg.clone()));
    let payload = match json_param(p.value("payload"), p, "payload")? {
        None => Map::new(),
        Some(Value::Object(m)) => m,
        Some(_) => return Err("JWT Claims Set MUST be an object".into()),
    };
    let secret_bytes = if p.flag("isSecretBase64Encoded") {
        util::b64_decode_lenient(&secret)
    } else {
        secret.into_bytes()
    };
    let jwt = token(&alg, &header, &payload, &secret_bytes, &private_key)?;

    let add_to = p.truthy("addTokenTo").unwrap_or_else(|| "header".into());
    match add_to.as_str() {
        "header" => {
            t.remove_headers(&|k| k.eq_ignore_ascii_case("authorization"));
            let prefix = match p.value("headerPrefix") {
                None | Some(Value::Null) => "Bearer".to_string(),
                Some(_) => p.text("headerPrefix"),
            };
            let value = if prefix.is_empty() {
                jwt
            } else {
                format!("{prefix} {jwt}")
            };
            t.add_header("Authorization", &value);
        }
        "queryParam" => {
            let key = p.truthy("queryParamKey").unwrap_or_else(|| "token".into());
            t.remove_query(&key);
            t.add_query(&key, &jwt);
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::auth::sign as sign_with;
    use crate::auth::testing::{auth, TestRequest};
    use crate::vars::Scopes;
    use serde_json::json;

    /// RFC 7515 appendix A.1's key and input give its HS256 signature (the
    /// header and payload here are that example's exact bytes).
    #[test]
    fn rfc7515_a1_hs256() {
        let key = util::b64_decode_lenient(
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
        );
        let input = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
        assert_eq!(
            util::b64url(&Hash::Sha256.hmac(&key, input.as_bytes())),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
    }

    #[test]
    fn hs256_header_payload_and_placement() {
        let s = Scopes::default();
        let a = auth(
            "jwt",
            &[
                ("algorithm", "HS256"),
                ("secret", "c2VjcmV0"),
                ("isSecretBase64Encoded", "true"),
                ("header", "{\"typ\":\"JWT\",\"alg\":\"none\"}"),
                ("payload", "{\"sub\":\"1\"}"),
            ],
        );
        let mut r = TestRequest::new("GET", "http://h/");
        assert!(sign_with(&a, &mut r, &s).is_empty());
        let h = r.header("authorization").expect("signed").to_string();
        let tok = h.strip_prefix("Bearer ").expect("prefix");
        let parts: Vec<&str> = tok.split('.').collect();
        assert_eq!(
            String::from_utf8(util::b64_decode_lenient(parts[0])).expect("utf8"),
            "{\"typ\":\"JWT\",\"alg\":\"HS256\"}"
        );
        let expect = Hash::Sha256.hmac(b"secret", format!("{}.{}", parts[0], parts[1]).as_bytes());
        assert_eq!(parts[2], util::b64url(&expect));
        // query placement with a key
        let mut q = a.clone();
        q.params.push(("addTokenTo".into(), json!("queryParam")));
        q.params.push(("queryParamKey".into(), json!("jwt")));
        let mut r = TestRequest::new("GET", "http://h/?jwt=old");
        sign_with(&q, &mut r, &s);
        assert!(r.url.starts_with("http://h/?jwt=ey"), "{}", r.url);
        assert!(!r.url.contains("old"));
    }

    #[test]
    fn errors_are_runtime_messages() {
        let s = Scopes::default();
        let mut r = TestRequest::new("GET", "http://h/");
        let w = sign_with(&auth("jwt", &[("algorithm", "HS256")]), &mut r, &s);
        assert_eq!(
            w,
            vec!["runtime~jwt.auth: could not sign the request: Invalid secret key. Enter a valid key.".to_string()]
        );
        let w = sign_with(
            &auth(
                "jwt",
                &[
                    ("algorithm", "RS256"),
                    ("privateKey", "-----BEGIN RSA PRIVATE KEY-----"),
                ],
            ),
            &mut r,
            &s,
        );
        assert_eq!(
            w,
            vec!["runtime~jwt.auth: could not sign the request: \"pkcs8\" must be PKCS#8 formatted string".to_string()]
        );
        assert!(r.header("authorization").is_none());
    }
}
