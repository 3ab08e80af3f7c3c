//! OAuth 1.0a (RFC 5849) as postman-runtime's handler and node-oauth1 do it:
//! HMAC-SHA1/256/512, RSA-SHA1/256/512 and PLAINTEXT; the parameters go in
//! the `Authorization` header, in an urlencoded body (PUT/POST), or in the
//! query; an optional `oauth_body_hash`; empty parameters left out of the
//! signature unless `addEmptyParamsToSign`.
//!
//! The query of a signed request is re-encoded the RFC 3986 way (the
//! runtime does this so that what is sent matches what was signed).

use super::keys;
use super::util::{self, Hash, UrlParts};
use super::{AuthTarget, BodyView, Params};

const OAUTH_PARAMS: &[&str] = &[
    "oauth_consumer_key",
    "oauth_token",
    "oauth_signature_method",
    "oauth_timestamp",
    "oauth_nonce",
    "oauth_version",
    "oauth_signature",
    "oauth_callback",
    "oauth_verifier",
    "oauth_body_hash",
];

/// node-oauth1's nonce alphabet (sic: `XTZ`, no `j`).
const NONCE_CHARS: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXTZabcdefghiklmnopqrstuvwxyz";

/// node-oauth1's `percentEncode`: `encodeURIComponent` plus `! * ' ( )`.
pub(crate) fn percent_encode(s: &str) -> String {
    util::rfc3986(s)
}

/// `decodePercent`: `+` is a space, then `decodeURIComponent`.
fn decode_percent(s: &str) -> Result<String, String> {
    let s = s.replace('+', " ");
    percent_encoding::percent_decode_str(&s)
        .decode_utf8()
        .map(|c| c.into_owned())
        .map_err(|_| "URI malformed".to_string())
}

/// `decodeForm`: `a=1&b&c=` → `[(a, Some(1)), (b, None), (c, Some(""))]`.
fn decode_form(form: &str) -> Result<Vec<(String, Option<String>)>, String> {
    let mut out = Vec::new();
    for nvp in form.split('&').filter(|s| !s.is_empty()) {
        match nvp.find('=') {
            None => out.push((decode_percent(nvp)?, None)),
            Some(i) => out.push((
                decode_percent(&nvp[..i])?,
                Some(decode_percent(&nvp[i + 1..])?),
            )),
        }
    }
    Ok(out)
}

/// The "base URL" the runtime builds: scheme and host lower-cased, the
/// default port dropped, the path and query kept.
fn base_url(url: &UrlParts) -> String {
    let host = match url.port.as_deref() {
        None | Some("80") | Some("443") => &url.hostname,
        Some(_) => &url.host,
    };
    format!(
        "{}://{}{}",
        url.protocol.trim_end_matches(':').to_ascii_lowercase(),
        host.to_ascii_lowercase(),
        url.path()
    )
}

/// `normalizeUrl`: `scheme://authority/path`, default ports dropped.
fn normalize_url(action: &str) -> String {
    let u = UrlParts::parse(action);
    let scheme = u.protocol.trim_end_matches(':').to_string();
    let drop = (scheme == "http" && u.port.as_deref() == Some("80"))
        || (scheme == "https" && u.port.as_deref() == Some("443"));
    let authority = if drop || u.port.is_none() {
        u.hostname.clone()
    } else {
        u.host.clone()
    };
    format!("{scheme}://{authority}{}", u.pathname)
}

/// The signature base string (RFC 5849 section 3.4.1).
pub(crate) fn base_string(
    method: &str,
    action: &str,
    params: &[(String, Option<String>)],
) -> Result<String, String> {
    let mut all = match action.find('?') {
        Some(q) => decode_form(&action[q + 1..])?,
        None => Vec::new(),
    };
    all.extend(params.iter().cloned());
    let mut sortable: Vec<(String, (String, Option<String>))> = all
        .into_iter()
        .filter(|(k, _)| k != "oauth_signature")
        .map(|(k, v)| {
            (
                format!(
                    "{} {}",
                    percent_encode(&k),
                    percent_encode(v.as_deref().unwrap_or(""))
                ),
                (k, v),
            )
        })
        .collect();
    sortable.sort_by(|a, b| a.0.cmp(&b.0));
    let normalized = sortable
        .iter()
        .map(|(_, (k, v))| {
            format!(
                "{}={}",
                percent_encode(k),
                percent_encode(v.as_deref().unwrap_or(""))
            )
        })
        .collect::<Vec<_>>()
        .join("&");
    Ok(format!(
        "{}&{}&{}",
        percent_encode(&method.to_uppercase()),
        percent_encode(&normalize_url(action)),
        percent_encode(&normalized)
    ))
}

/// The signature of `base` with the named method.
pub(crate) fn signature(
    method: &str,
    base: &str,
    consumer_secret: &str,
    token_secret: &str,
    private_key: &str,
) -> Result<String, String> {
    let name = method.strip_suffix("-Accessor").unwrap_or(method);
    let key = format!(
        "{}&{}",
        percent_encode(consumer_secret),
        percent_encode(token_secret)
    );
    let hmac = |h: Hash| util::b64(&h.hmac(key.as_bytes(), base.as_bytes()));
    let rsa = |h: Hash| -> Result<String, String> {
        let k = keys::rsa_key(private_key)?;
        Ok(util::b64(&keys::rsa_pkcs1(&k, h, base.as_bytes())?))
    };
    match name {
        "PLAINTEXT" => Ok(key),
        "HMAC-SHA1" => Ok(hmac(Hash::Sha1)),
        "HMAC-SHA256" => Ok(hmac(Hash::Sha256)),
        "HMAC-SHA512" => Ok(hmac(Hash::Sha512)),
        "RSA-SHA1" => rsa(Hash::Sha1),
        "RSA-SHA256" => rsa(Hash::Sha256),
        "RSA-SHA512" => rsa(Hash::Sha512),
        _ => Err("Unsupported signature method".into()),
    }
}

/// node-oauth1's `getAuthorizationHeader`.
fn authorization_header(
    realm: Option<&str>,
    params: &[(String, Option<String>)],
    disable_encoding: bool,
) -> String {
    let mut parts = Vec::new();
    if let Some(r) = realm.filter(|r| !r.trim().is_empty()) {
        let r = if disable_encoding {
            r.to_string()
        } else {
            percent_encode(r)
        };
        parts.push(format!("realm=\"{r}\""));
    }
    for (k, v) in params {
        let Some(v) = v.as_deref().filter(|v| !v.is_empty()) else {
            continue;
        };
        let v = v.trim();
        let (k, v) = if disable_encoding {
            (k.clone(), v.to_string())
        } else {
            (percent_encode(k), percent_encode(v))
        };
        if k.starts_with("oauth_") {
            parts.push(format!("{k}=\"{v}\""));
        }
    }
    format!("OAuth {}", parts.join(","))
}

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) -> Result<(), String> {
    let add_empty = p.flag("addEmptyParamsToSign");
    // Without addEmptyParamsToSign, blank strings count as absent.
    let get = |name: &str| -> Option<String> {
        let v = p.get(name)?;
        if !add_empty && v.trim().is_empty() {
            None
        } else {
            Some(v)
        }
    };
    let method_name = get("signatureMethod");
    let mut split = method_name.as_deref().unwrap_or("").splitn(2, '-');
    let signature_algo = split.next().unwrap_or("").to_uppercase();
    let hash_algo = split.next().map(str::to_string);
    let consumer_key = get("consumerKey");
    let consumer_secret = get("consumerSecret");
    let private_key = get("privateKey");
    let is_rsa = signature_algo == "RSA";
    if !util::truthy(&consumer_key)
        || (!is_rsa && !util::truthy(&consumer_secret))
        || (is_rsa && !util::truthy(&private_key))
    {
        return Ok(());
    }
    let body = t.body();
    let urlencoded = matches!(body, BodyView::UrlEncoded(_));

    t.remove_headers(&|k| k == "Authorization");
    for k in OAUTH_PARAMS {
        t.remove_query(k);
    }
    if urlencoded {
        t.urlencoded_remove(&|k| OAUTH_PARAMS.contains(&k));
    }
    let nonce = get("nonce")
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| util::random_from(NONCE_CHARS, 11));
    let timestamp = get("timestamp")
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| chrono::Utc::now().timestamp().to_string());

    let body_hash = if !urlencoded && p.flag("includeBodyHash") {
        match hash_algo.as_deref().and_then(Hash::from_name) {
            Some(h) => match &body {
                BodyView::None => Some(util::b64(&h.digest(&[]))),
                b => util::hashable_body(b, false).map(|bytes| util::b64(&h.digest(&[&bytes]))),
            },
            None => None,
        }
    } else {
        None
    };

    let mut sig_params: Vec<(String, Option<String>)> = vec![
        ("oauth_consumer_key".into(), consumer_key),
        ("oauth_token".into(), get("token")),
        ("oauth_signature_method".into(), method_name.clone()),
        ("oauth_timestamp".into(), Some(timestamp)),
        ("oauth_nonce".into(), Some(nonce)),
        ("oauth_version".into(), get("version")),
    ];
    if let Some(h) = body_hash {
        sig_params.push(("oauth_body_hash".into(), Some(h)));
    }
    if let Some(c) = get("callback").filter(|c| !c.is_empty()) {
        sig_params.push(("oauth_callback".into(), Some(c)));
    }
    if let Some(v) = get("verifier").filter(|v| !v.is_empty()) {
        sig_params.push(("oauth_verifier".into(), Some(v)));
    }
    sig_params.retain(|(_, v)| add_empty || util::truthy(v));

    let url = UrlParts::parse(&t.url());
    let mut message = sig_params.clone();
    if let BodyView::UrlEncoded(pairs) = &body {
        message.extend(
            pairs
                .iter()
                .filter(|(k, _)| !OAUTH_PARAMS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), Some(v.clone()))),
        );
    }
    let name = match message
        .iter()
        .find(|(k, _)| k == "oauth_signature_method")
        .and_then(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
    {
        Some(n) => n,
        None => {
            message.push(("oauth_signature_method".into(), Some("HMAC-SHA1".into())));
            "HMAC-SHA1".into()
        }
    };
    let base = base_string(&t.method(), &base_url(&url), &message)?;
    let sig = signature(
        &name,
        &base,
        consumer_secret.as_deref().unwrap_or(""),
        get("tokenSecret").as_deref().unwrap_or(""),
        private_key.as_deref().unwrap_or(""),
    )?;

    // The query, re-encoded the RFC 3986 way.
    if let Some(q) = url.query() {
        let params = decode_form(q)?
            .into_iter()
            .map(|(k, v)| {
                (
                    percent_encode(&k),
                    v.map(|v| if v.is_empty() { v } else { percent_encode(&v) }),
                )
            })
            .collect();
        t.set_query(params);
    }
    sig_params.push(("oauth_signature".into(), Some(sig)));

    let method = t.method();
    if p.flag("addParamsToHeader") {
        let header = authorization_header(
            get("realm").as_deref(),
            &sig_params,
            p.flag("disableHeaderEncoding"),
        );
        t.add_header("Authorization", &header);
    } else if (method.contains("PUT") || method.contains("POST")) && urlencoded {
        for (k, v) in &sig_params {
            t.urlencoded_add(k, v.as_deref().unwrap_or(""));
        }
    } else {
        for (k, v) in &sig_params {
            let v = v.as_deref().map(|v| {
                if v.is_empty() {
                    String::new()
                } else {
                    percent_encode(v)
                }
            });
            t.add_query_opt(&percent_encode(k), v.as_deref());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::sign as sign_with;
    use crate::auth::testing::{auth, TestRequest};
    use crate::vars::Scopes;

    fn p(k: &str, v: &str) -> (String, Option<String>) {
        (k.into(), Some(v.into()))
    }

    /// RFC 5849 section 1.2: the photos.example.net request.
    #[test]
    fn rfc5849_section_1_2_example() {
        let params = vec![
            p("oauth_consumer_key", "dpf43f3p2l4k3l03"),
            p("oauth_token", "nnch734d00sl2jdk"),
            p("oauth_signature_method", "HMAC-SHA1"),
            p("oauth_timestamp", "137131202"),
            p("oauth_nonce", "chapoH"),
        ];
        let base = base_string(
            "GET",
            "http://photos.example.net/photos?file=vacation.jpg&size=original",
            &params,
        )
        .expect("base");
        assert_eq!(
            base,
            "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal"
        );
        let sig = signature(
            "HMAC-SHA1",
            &base,
            "kd94hf93k423kf44",
            "pfkkdhi9sl3r4s00",
            "",
        )
        .expect("sig");
        assert_eq!(sig, "MdpQcU8iPSUjWoN/UDMsK2sui9I=");
    }

    /// RFC 5849 section 3.4.1: the base string of the example request
    /// (query, body parameters and an encoded key), and its PLAINTEXT form
    /// from section 3.4.4.
    #[test]
    fn rfc5849_section_3_4_1_base_string() {
        let params = vec![
            p("oauth_consumer_key", "9djdj82h48djs9d2"),
            p("oauth_token", "kkk9d7dh3k39sjv7"),
            p("oauth_signature_method", "HMAC-SHA1"),
            p("oauth_timestamp", "137131201"),
            p("oauth_nonce", "7d8f3e4a"),
            ("c2".into(), None),
            p("a3", "2 q"),
        ];
        let base = base_string(
            "POST",
            "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
            &params,
        )
        .expect("base");
        assert_eq!(
            base,
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"
        );
        assert_eq!(
            signature(
                "PLAINTEXT",
                &base,
                "djr9rjt0jd78jf88",
                "jjd99$tj88uiths3",
                ""
            )
            .expect("plaintext"),
            "djr9rjt0jd78jf88&jjd99%24tj88uiths3"
        );
    }

    /// The OAuth Core 1.0 appendix A.5 example (HMAC-SHA1 with a version).
    #[test]
    fn oauth_core_appendix_example_through_the_handler() {
        let s = Scopes::default();
        let a = auth(
            "oauth1",
            &[
                ("consumerKey", "dpf43f3p2l4k3l03"),
                ("consumerSecret", "kd94hf93k423kf44"),
                ("token", "nnch734d00sl2jdk"),
                ("tokenSecret", "pfkkdhi9sl3r4s00"),
                ("signatureMethod", "HMAC-SHA1"),
                ("timestamp", "1191242096"),
                ("nonce", "kllo9940pd9333jh"),
                ("version", "1.0"),
                ("realm", "Photos"),
                ("addParamsToHeader", "true"),
            ],
        );
        let mut r = TestRequest::new(
            "GET",
            "http://photos.example.net/photos?file=vacation.jpg&size=original",
        );
        assert!(sign_with(&a, &mut r, &s).is_empty());
        assert_eq!(
            r.header("Authorization"),
            Some(
                "OAuth realm=\"Photos\",oauth_consumer_key=\"dpf43f3p2l4k3l03\",oauth_token=\"nnch734d00sl2jdk\",\
                 oauth_signature_method=\"HMAC-SHA1\",oauth_timestamp=\"1191242096\",oauth_nonce=\"kllo9940pd9333jh\",\
                 oauth_version=\"1.0\",oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\""
            )
        );
    }

    #[test]
    fn query_and_body_placement_and_empty_params() {
        let s = Scopes::default();
        let base = [
            ("consumerKey", "ck"),
            ("consumerSecret", "cs"),
            ("signatureMethod", "HMAC-SHA256"),
            ("timestamp", "1"),
            ("nonce", "n"),
            ("token", ""),
        ];
        // query: parameters appended, percent-encoded; the empty token left out
        let a = auth("oauth1", &base);
        let mut r = TestRequest::new("GET", "http://h/p?x=a%20b");
        sign_with(&a, &mut r, &s);
        assert!(r.url.starts_with("http://h/p?x=a%20b&oauth_consumer_key=ck&oauth_signature_method=HMAC-SHA256&oauth_timestamp=1&oauth_nonce=n&oauth_signature="), "{}", r.url);
        assert!(!r.url.contains("oauth_token"));
        // addEmptyParamsToSign: the empty token is signed and sent
        let mut with_empty = base.to_vec();
        with_empty.push(("addEmptyParamsToSign", "true"));
        let mut r = TestRequest::new("GET", "http://h/p");
        sign_with(&auth("oauth1", &with_empty), &mut r, &s);
        assert!(r.url.contains("&oauth_token=&"), "{}", r.url);
        // POST with an urlencoded body: into the body
        let mut r = TestRequest::new("POST", "http://h/p");
        r.body = BodyView::UrlEncoded(vec![("a".into(), "1".into())]);
        sign_with(&a, &mut r, &s);
        let BodyView::UrlEncoded(pairs) = &r.body else {
            panic!("body")
        };
        assert_eq!(pairs[0], ("a".to_string(), "1".to_string()));
        assert!(pairs.iter().any(|(k, _)| k == "oauth_signature"));
        assert_eq!(r.url, "http://h/p");
    }

    #[test]
    fn body_hash_rsa_and_missing_parameters() {
        let s = Scopes::default();
        let a = auth(
            "oauth1",
            &[
                ("consumerKey", "ck"),
                ("consumerSecret", "cs"),
                ("signatureMethod", "HMAC-SHA1"),
                ("includeBodyHash", "true"),
                ("addParamsToHeader", "true"),
            ],
        );
        let mut r = TestRequest::new("POST", "http://h/p");
        r.body = BodyView::Raw(b"Hello World!".to_vec());
        sign_with(&a, &mut r, &s);
        // draft-eaton-oauth-bodyhash: SHA-1 of "Hello World!"
        assert!(r
            .header("Authorization")
            .expect("signed")
            .contains("oauth_body_hash=\"Lve95gjOVATpfV8EL5X4nxwjKHE%3D\""));
        // no secret: not signed, no warning
        let mut r = TestRequest::new("GET", "http://h/p");
        assert!(sign_with(&auth("oauth1", &[("consumerKey", "ck")]), &mut r, &s).is_empty());
        assert_eq!(r.url, "http://h/p");
        // RSA with a bad key: Node's error
        let mut r = TestRequest::new("GET", "http://h/p");
        let w = sign_with(
            &auth(
                "oauth1",
                &[
                    ("consumerKey", "ck"),
                    ("signatureMethod", "RSA-SHA256"),
                    ("privateKey", "not a key"),
                ],
            ),
            &mut r,
            &s,
        );
        assert_eq!(
            w,
            vec![format!(
                "runtime~oauth1.auth: could not sign the request: {}",
                keys::UNSUPPORTED_KEY
            )]
        );
    }
}
