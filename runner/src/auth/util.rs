//! Small helpers the signers share: the parts of a wire URL as Node's
//! `url.parse` gives them, the encodings the runtime's libraries use, random
//! strings, digests, and the body bytes each handler hashes.

use base64::Engine;
use rand::Rng;

use super::BodyView;

/// The parts of an absolute URL the way Node's legacy `url.parse` names
/// them (`protocol` keeps its colon, `host` keeps the port, `path` is the
/// pathname plus the search).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct UrlParts {
    /// `http:`.
    pub protocol: String,
    /// `hostname[:port]`.
    pub host: String,
    pub hostname: String,
    pub port: Option<String>,
    /// `/a/b` (at least `/`).
    pub pathname: String,
    /// `?x=1` or empty.
    pub search: String,
}

impl UrlParts {
    pub fn parse(href: &str) -> UrlParts {
        let (protocol, rest) = match href.find("://") {
            Some(i) => (
                format!("{}:", &href[..i].to_ascii_lowercase()),
                &href[i + 3..],
            ),
            None => ("http:".to_string(), href),
        };
        let rest = rest.split('#').next().unwrap_or_default();
        let auth_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(auth_end);
        let authority = authority.rsplit('@').next().unwrap_or_default();
        let (hostname, port) = if authority.starts_with('[') {
            match authority.find(']') {
                Some(i) => {
                    let after = &authority[i + 1..];
                    (
                        authority[..=i].to_string(),
                        after.strip_prefix(':').map(str::to_string),
                    )
                }
                None => (authority.to_string(), None),
            }
        } else {
            match authority.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), Some(p.to_string())),
                None => (authority.to_string(), None),
            }
        };
        let port = port.filter(|p| !p.is_empty());
        let (pathname, search) = match tail.find('?') {
            Some(i) => (tail[..i].to_string(), tail[i..].to_string()),
            None => (tail.to_string(), String::new()),
        };
        let pathname = if pathname.is_empty() {
            "/".to_string()
        } else {
            pathname
        };
        let hostname = hostname.to_ascii_lowercase();
        let host = match &port {
            Some(p) => format!("{hostname}:{p}"),
            None => hostname.clone(),
        };
        UrlParts {
            protocol,
            host,
            hostname,
            port,
            pathname,
            search,
        }
    }

    /// `pathname + search`.
    pub fn path(&self) -> String {
        format!("{}{}", self.pathname, self.search)
    }

    /// The query string without `?`, if there is one.
    pub fn query(&self) -> Option<&str> {
        self.search.strip_prefix('?').filter(|q| !q.is_empty())
    }
}

/// `encodeURIComponent`, then `! ' ( ) *` escaped too: RFC 3986's
/// unreserved characters stay, everything else is `%XX` of its UTF-8.
pub(crate) fn rfc3986(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `decodeURIComponent` that keeps malformed escapes as they are (the JS
/// function would throw; callers here only feed it what they encoded).
pub(crate) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// The `querystring.stringify` form of `pairs` (keys grouped in first-seen
/// order, repeated keys as `k=a&k=b`), RFC 3986-encoded: postman-url-encoder's
/// `encodeQueryString`, which the runtime hashes for urlencoded bodies.
pub(crate) fn encode_query_string(pairs: &[(String, String)]) -> String {
    let mut order: Vec<&str> = Vec::new();
    let mut groups: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for (k, v) in pairs {
        if !groups.contains_key(k.as_str()) {
            order.push(k);
        }
        groups.entry(k).or_default().push(v);
    }
    let mut out = Vec::new();
    for k in order {
        for v in &groups[k] {
            out.push(format!("{}={}", rfc3986(k), rfc3986(v)));
        }
    }
    out.join("&")
}

/// `length` characters drawn from `alphabet`.
pub(crate) fn random_from(alphabet: &str, length: usize) -> String {
    let chars: Vec<char> = alphabet.chars().collect();
    let mut rng = rand::rng();
    (0..length)
        .map(|_| chars[rng.random_range(0..chars.len())])
        .collect()
}

/// Letters and digits, as the runtime's digest and hawk helpers use.
pub(crate) fn random_alnum(length: usize) -> String {
    random_from(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        length,
    )
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub(crate) fn b64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Node's lenient `Buffer.from(s, 'base64')`: standard or URL-safe
/// alphabet, padding optional, other characters skipped.
pub(crate) fn b64_decode_lenient(s: &str) -> Vec<u8> {
    let cleaned: String = s
        .chars()
        .filter_map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' => Some(c),
            '-' => Some('+'),
            '_' => Some('/'),
            _ => None,
        })
        .collect();
    let cleaned = if cleaned.len() % 4 == 1 {
        &cleaned[..cleaned.len() - 1]
    } else {
        &cleaned[..]
    };
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(cleaned.trim_end_matches('='))
        .unwrap_or_default()
}

/// Hash algorithms the handlers name (as Node's `createHash` accepts them,
/// case-insensitively).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hash {
    Md5,
    Sha1,
    Sha256,
    Sha512,
    Sha512_256,
}

impl Hash {
    pub fn from_name(name: &str) -> Option<Hash> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md5" => Hash::Md5,
            "sha1" => Hash::Sha1,
            "sha256" => Hash::Sha256,
            "sha512" => Hash::Sha512,
            "sha512-256" => Hash::Sha512_256,
            _ => return None,
        })
    }

    pub fn digest(self, parts: &[&[u8]]) -> Vec<u8> {
        use sha2::Digest;
        fn run<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut d = D::new();
            for p in parts {
                d.update(p);
            }
            d.finalize().to_vec()
        }
        match self {
            Hash::Md5 => run::<md5::Md5>(parts),
            Hash::Sha1 => run::<sha1::Sha1>(parts),
            Hash::Sha256 => run::<sha2::Sha256>(parts),
            Hash::Sha512 => run::<sha2::Sha512>(parts),
            Hash::Sha512_256 => run::<sha2::Sha512_256>(parts),
        }
    }

    pub fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        use hmac::{Hmac, Mac};
        fn run<M: Mac + hmac::digest::KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
            let mut m = <M as hmac::digest::KeyInit>::new_from_slice(key)
                .expect("HMAC takes keys of any length");
            m.update(data);
            m.finalize().into_bytes().to_vec()
        }
        match self {
            Hash::Md5 => run::<Hmac<md5::Md5>>(key, data),
            Hash::Sha1 => run::<Hmac<sha1::Sha1>>(key, data),
            Hash::Sha256 => run::<Hmac<sha2::Sha256>>(key, data),
            Hash::Sha512 => run::<Hmac<sha2::Sha512>>(key, data),
            Hash::Sha512_256 => run::<Hmac<sha2::Sha512_256>>(key, data),
        }
    }
}

/// Which body modes a handler's `computeBodyHash` covers. All cover raw,
/// file and GraphQL bodies; urlencoded bodies are hashed in their
/// `encodeQueryString` form except by oauth1, which signs their fields.
pub(crate) fn hashable_body(body: &BodyView, with_urlencoded: bool) -> Option<Vec<u8>> {
    match body {
        BodyView::Raw(b) | BodyView::GraphQl(b) => Some(b.clone()),
        BodyView::File(Some(b)) => Some(b.clone()),
        BodyView::UrlEncoded(pairs) if with_urlencoded && !pairs.is_empty() => {
            Some(encode_query_string(pairs).into_bytes())
        }
        _ => None,
    }
}

/// JavaScript's `String(x)` of an optional string: `undefined` when absent.
pub(crate) fn js(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("undefined")
}

/// Truthiness of an optional parameter value.
pub(crate) fn truthy(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_parts_like_node() {
        let u = UrlParts::parse("https://User:p@Example.com:8443/a/b?x=1&y#h");
        assert_eq!(u.protocol, "https:");
        assert_eq!(u.host, "example.com:8443");
        assert_eq!(u.hostname, "example.com");
        assert_eq!(u.port.as_deref(), Some("8443"));
        assert_eq!(u.path(), "/a/b?x=1&y");
        let u = UrlParts::parse("http://h?q");
        assert_eq!(u.path(), "/?q");
        assert_eq!(u.port, None);
        let u = UrlParts::parse("http://[::1]:80/");
        assert_eq!(u.hostname, "[::1]");
        assert_eq!(u.host, "[::1]:80");
    }

    #[test]
    fn encodings() {
        assert_eq!(rfc3986("a b!*'()~é"), "a%20b%21%2A%27%28%29~%C3%A9");
        assert_eq!(
            encode_query_string(&[
                ("a".into(), "1".into()),
                ("b".into(), "x y".into()),
                ("a".into(), "2".into())
            ]),
            "a=1&a=2&b=x%20y"
        );
        assert_eq!(b64_decode_lenient("aGk_"), vec![b'h', b'i', 0x3f]);
        assert_eq!(b64_decode_lenient("aGk="), b"hi");
    }
}
