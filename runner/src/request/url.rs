//! Postman URLs: parsing raw text the way `postman-url-encoder`'s parser
//! does, printing a URL the way the SDK's `Url#toString` does (path
//! variables substituted, reserved characters in query params escaped),
//! and encoding the final URL the way the runtime's `toNodeUrl` does
//! (WHATWG-style percent-encode sets, lower-cased punycode host, already
//! encoded `%XX` sequences kept). Also the `url` object of Postman's request
//! JSON.

use serde_json::{json, Map, Value};

use crate::collection::UrlDef;

/// One query parameter. `key: None` only comes from `a&&b` (an empty
/// parameter in the middle); `value: None` is `?a` (no `=`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub key: Option<String>,
    pub value: Option<String>,
    pub disabled: bool,
}

/// A path variable (`url.variable[]`): only a non-empty string value
/// replaces its `:name` segment.
#[derive(Debug, Clone, PartialEq)]
pub struct PathVar {
    pub key: String,
    pub value: Option<Value>,
    pub kind: String,
    pub disabled: bool,
}

/// A URL split as the Postman SDK splits it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PmUrl {
    /// `user[:password]@`.
    pub auth: Option<(Option<String>, Option<String>)>,
    pub protocol: Option<String>,
    pub host: Option<Vec<String>>,
    pub port: Option<String>,
    pub path: Option<Vec<String>>,
    pub query: Vec<Query>,
    pub hash: Option<String>,
    pub variables: Vec<PathVar>,
}

const PLACEHOLDER_BASE: u32 = 0xE000;
const PLACEHOLDER_MAX: usize = 0x1800;

/// `{{…}}` tokens holding URL-reserved characters are protected from
/// splitting, like the parser's `normalizeVariables`.
fn protect_variables(s: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(s.len());
    let mut saved = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    while i < b.len() {
        if b[i] == b'{' && i + 1 < b.len() && b[i + 1] == b'{' && saved.len() < PLACEHOLDER_MAX {
            let mut j = i + 2;
            while j < b.len() && b[j] != b'{' && b[j] != b'}' {
                j += 1;
            }
            if j + 1 < b.len() && b[j] == b'}' && b[j + 1] == b'}' {
                let inner = &s[i + 2..j];
                if inner.contains(['.', ':', '/', '?', '#', '@', '&', ']']) {
                    let ch = char::from_u32(PLACEHOLDER_BASE + saved.len() as u32).unwrap_or('_');
                    saved.push(s[i..j + 2].to_string());
                    out.push(ch);
                    i = j + 2;
                    continue;
                }
            }
        }
        // copy one whole character
        let ch_len = s[i..].chars().next().map(char::len_utf8).unwrap_or(1);
        out.push_str(&s[i..i + ch_len]);
        i += ch_len;
    }
    (out, saved)
}

fn restore(s: &str, saved: &[String]) -> String {
    if saved.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        let c = ch as u32;
        if c >= PLACEHOLDER_BASE && ((c - PLACEHOLDER_BASE) as usize) < saved.len() {
            out.push_str(&saved[(c - PLACEHOLDER_BASE) as usize]);
        } else {
            out.push(ch);
        }
    }
    out
}

/// The SDK's `QueryParam.parseSingle` over a `&`-split list.
fn parse_query_params(parts: &[&str]) -> Vec<Query> {
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if p.is_empty() && i != last {
                return Query::default();
            }
            match p.find('=') {
                None => Query {
                    key: Some(p.to_string()),
                    value: None,
                    disabled: false,
                },
                Some(idx) => Query {
                    key: Some(p[..idx].to_string()),
                    value: Some(p[idx + 1..].to_string()),
                    disabled: false,
                },
            }
        })
        .collect()
}

/// The name of a `:name` or `:name.suffix` path segment.
pub fn path_variable_name(segment: &str) -> Option<&str> {
    let rest = segment.strip_prefix(':')?;
    let name = match rest.find('.') {
        Some(i) => &rest[..i],
        None => rest,
    };
    (!name.is_empty()).then_some(name)
}

impl PmUrl {
    /// Parse raw URL text like `postman-url-encoder/parser` and the SDK's
    /// `Url.parse` (path variables taken from `:name` segments).
    pub fn parse(raw: &str) -> PmUrl {
        let mut url = PmUrl::default();
        let trimmed = raw.trim_start();
        if trimmed.is_empty() {
            return url;
        }
        let (norm, saved) = protect_variables(trimmed);
        let mut rest: &str = &norm;
        let r = |s: &str| restore(s, &saved);

        if let Some(i) = rest.find('#') {
            url.hash = Some(r(&rest[i + 1..]));
            rest = &rest[..i];
        }
        if let Some(i) = rest.find('?') {
            let q = &rest[i + 1..];
            let parts: Vec<&str> = q.split('&').collect();
            url.query = parse_query_params(&parts)
                .into_iter()
                .map(|mut p| {
                    p.key = p.key.map(|k| r(&k));
                    p.value = p.value.map(|v| r(&v));
                    p
                })
                .collect();
            rest = &rest[..i];
        }
        let slashed = rest.replace('\\', "/");
        let mut rest: &str = &slashed;
        let file_buf;
        if let Some(i) = rest.find("://") {
            let proto = &rest[..i];
            url.protocol = Some(r(proto));
            let after = &rest[i + 3..];
            let stripped = after.trim_start_matches('/');
            if proto.eq_ignore_ascii_case("file") && stripped.len() != after.len() {
                file_buf = format!("/{stripped}");
                rest = &file_buf;
            } else {
                rest = stripped;
            }
        }
        let mut rest = rest.to_string();
        if let Some(i) = rest.find('/') {
            url.path = Some(rest[i + 1..].split('/').map(&r).collect());
            rest.truncate(i);
        }
        if let Some(i) = rest.rfind('@') {
            let auth = rest[..i].to_string();
            url.auth = Some(match auth.find(':') {
                Some(c) => (Some(r(&auth[..c])), Some(r(&auth[c + 1..]))),
                None => (Some(r(&auth)), None),
            });
            rest = rest[i + 1..].to_string();
        }
        if let Some(i) = rest.rfind(':') {
            let port = &rest[i + 1..];
            if !port.contains(']') {
                url.port = Some(r(port));
                rest.truncate(i);
            }
        }
        if !rest.is_empty() {
            url.host = Some(rest.split('.').map(&r).collect());
        }
        let mut seen = std::collections::HashSet::new();
        for seg in url.path.iter().flatten() {
            if let Some(name) = path_variable_name(seg) {
                if seen.insert(name.to_string()) {
                    url.variables.push(PathVar {
                        key: name.to_string(),
                        value: None,
                        kind: "any".into(),
                        disabled: false,
                    });
                }
            }
        }
        url
    }

    /// The SDK's view of a collection URL: the parts when the URL is an
    /// object, the parsed raw text when it is a string (or an object that
    /// only has `raw`).
    pub fn from_def(def: &UrlDef) -> PmUrl {
        let has_parts = def.host.is_some()
            || def.path.is_some()
            || def.protocol.is_some()
            || def.port.is_some()
            || !def.query.is_empty();
        let mut url = if def.structured && has_parts {
            PmUrl {
                auth: None,
                protocol: def.protocol.clone(),
                host: def.host.clone(),
                port: def.port.clone(),
                path: def.path.clone(),
                query: def
                    .query
                    .iter()
                    .map(|q| Query {
                        key: q.key.clone(),
                        value: q.value.clone(),
                        disabled: q.disabled,
                    })
                    .collect(),
                hash: def.hash.clone(),
                variables: Vec::new(),
            }
        } else {
            PmUrl::parse(&def.raw)
        };
        if !def.variables.is_empty() {
            url.variables = def
                .variables
                .iter()
                .map(|v| PathVar {
                    key: v.key.clone(),
                    value: (!v.value.is_null()).then(|| v.value.clone()),
                    kind: v.kind.clone(),
                    disabled: v.disabled,
                })
                .collect();
        }
        url
    }

    fn path_var_value(&self, name: &str) -> Option<&str> {
        self.variables
            .iter()
            .rev()
            .find(|v| !v.disabled && v.key == name)
            .and_then(|v| match &v.value {
                Some(Value::String(s)) if !s.is_empty() => Some(s.as_str()),
                _ => None,
            })
    }

    /// `Url#getPath()`: `/` + segments, `:name` segments replaced by the
    /// variable's value (a suffix after `.` kept).
    pub fn get_path(&self) -> String {
        let mut out = String::from("/");
        for (i, seg) in self.path.iter().flatten().enumerate() {
            if i > 0 {
                out.push('/');
            }
            match path_variable_name(seg).and_then(|n| self.path_var_value(n).map(|v| (n, v))) {
                Some((name, value)) => {
                    out.push_str(value);
                    out.push_str(&seg[name.len() + 1..]);
                }
                None => out.push_str(seg),
            }
        }
        out
    }

    pub fn get_host(&self) -> String {
        self.host.as_ref().map(|h| h.join(".")).unwrap_or_default()
    }

    /// `QueryParam.unparse`: enabled params joined by `&`, `&`/`#` (and `=`
    /// in keys) escaped outside `{{…}}`. `None` when no param is enabled.
    pub fn query_string(&self) -> Option<String> {
        let enabled: Vec<&Query> = self.query.iter().filter(|q| !q.disabled).collect();
        if enabled.is_empty() {
            return None;
        }
        let mut out = String::new();
        for (i, q) in enabled.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            if let Some(k) = &q.key {
                out.push_str(&normalize_param(k, true));
            }
            if let Some(v) = &q.value {
                out.push('=');
                out.push_str(&normalize_param(v, false));
            }
        }
        Some(out)
    }

    /// `Url#toString()`: the text that `{{variables}}` are resolved in.
    pub fn to_sdk_string(&self) -> String {
        let mut s = String::new();
        if let Some(p) = &self.protocol {
            s.push_str(p);
            if !p.ends_with("://") {
                s.push_str("://");
            }
        }
        if let Some((user, pass)) = &self.auth {
            let mut a: Option<String> = user.clone();
            if let Some(p) = pass {
                let mut x = a.unwrap_or_default();
                x.push(':');
                x.push_str(p);
                a = Some(x);
            }
            if let Some(a) = a {
                s.push_str(&a);
                s.push('@');
            }
        }
        s.push_str(&self.get_host());
        if let Some(p) = &self.port {
            s.push(':');
            s.push_str(p);
        }
        if self.path.is_some() {
            s.push_str(&self.get_path());
        }
        if let Some(q) = self.query_string() {
            s.push('?');
            s.push_str(&q);
        }
        if let Some(h) = &self.hash {
            s.push('#');
            s.push_str(h);
        }
        s
    }

    /// The runtime's `toNodeUrl`: the encoded URL that goes on the wire,
    /// plus the `Host` header value (`host[:port]`).
    pub fn to_node_url(&self) -> NodeUrl {
        let protocol = self
            .protocol
            .as_deref()
            .map(|p| p.trim_end_matches("://").to_ascii_lowercase())
            .unwrap_or_else(|| "http".into());
        let mut href = format!("{protocol}://");
        if let Some((user, pass)) = &self.auth {
            let mut a: Option<String> = user.as_deref().map(|u| encode(u, Set::Userinfo));
            if let Some(p) = pass {
                let mut x = a.unwrap_or_default();
                x.push(':');
                x.push_str(&encode(p, Set::Userinfo));
                a = Some(x);
            }
            if let Some(a) = a {
                href.push_str(&a);
                href.push('@');
            }
        }
        let hostname = encode_host(&self.get_host().to_lowercase());
        href.push_str(&hostname);
        let mut host = hostname.clone();
        if let Some(p) = &self.port {
            host.push(':');
            host.push_str(p);
            href.push(':');
            href.push_str(p);
        }
        href.push_str(&encode(&self.get_path(), Set::Path));
        if let Some(q) = self.query_string() {
            href.push('?');
            href.push_str(&encode(&q, Set::Query));
        }
        if let Some(h) = &self.hash {
            href.push('#');
            href.push_str(&encode(h, Set::Fragment));
        }
        NodeUrl {
            href,
            host,
            hostname,
            protocol,
        }
    }

    /// The `url` object of Postman's request JSON (`Url#toJSON`): auth,
    /// protocol, port, path, hash, host, query, variable — absent parts left out.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        if let Some((user, pass)) = &self.auth {
            let mut a = Map::new();
            if let Some(u) = user {
                a.insert("user".into(), json!(u));
            }
            if let Some(p) = pass {
                a.insert("password".into(), json!(p));
            }
            m.insert("auth".into(), Value::Object(a));
        }
        if let Some(p) = &self.protocol {
            m.insert("protocol".into(), json!(p));
        }
        if let Some(p) = &self.port {
            m.insert("port".into(), json!(p));
        }
        if let Some(p) = &self.path {
            m.insert("path".into(), json!(p));
        }
        if let Some(h) = &self.hash {
            m.insert("hash".into(), json!(h));
        }
        if let Some(h) = &self.host {
            m.insert("host".into(), json!(h));
        }
        m.insert(
            "query".into(),
            Value::Array(
                self.query
                    .iter()
                    .map(|q| {
                        let mut o = Map::new();
                        if q.disabled {
                            o.insert("disabled".into(), Value::Bool(true));
                        }
                        o.insert(
                            "key".into(),
                            q.key.clone().map(Value::String).unwrap_or(Value::Null),
                        );
                        o.insert(
                            "value".into(),
                            q.value.clone().map(Value::String).unwrap_or(Value::Null),
                        );
                        Value::Object(o)
                    })
                    .collect(),
            ),
        );
        m.insert(
            "variable".into(),
            Value::Array(
                self.variables
                    .iter()
                    .map(|v| {
                        let mut o = Map::new();
                        if v.disabled {
                            o.insert("disabled".into(), Value::Bool(true));
                        }
                        o.insert("type".into(), json!(v.kind));
                        if let Some(val) = &v.value {
                            o.insert("value".into(), val.clone());
                        }
                        o.insert("key".into(), json!(v.key));
                        Value::Object(o)
                    })
                    .collect(),
            ),
        );
        Value::Object(m)
    }
}

/// The URL as it goes on the wire.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeUrl {
    pub href: String,
    /// `hostname[:port]`, the `Host` header.
    pub host: String,
    pub hostname: String,
    pub protocol: String,
}

fn normalize_param(s: &str, encode_equals: bool) -> String {
    if !(s.contains('&') || s.contains('#') || (encode_equals && s.contains('='))) {
        return s.to_string();
    }
    let esc = |part: &str| -> String {
        let mut o = String::with_capacity(part.len());
        for c in part.chars() {
            match c {
                '&' => o.push_str("%26"),
                '#' => o.push_str("%23"),
                '=' if encode_equals => o.push_str("%3D"),
                c => o.push(c),
            }
        }
        o
    };
    // `{{…}}` holding & # = are left alone.
    let mut out = String::new();
    let b = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'{' && b[i + 1] == b'{' {
            let mut j = i + 2;
            while j < b.len() && b[j] != b'{' && b[j] != b'}' {
                j += 1;
            }
            if j + 1 < b.len()
                && b[j] == b'}'
                && b[j + 1] == b'}'
                && s[i + 2..j].contains(['&', '#', '='])
            {
                out.push_str(&esc(&s[copied..i]));
                out.push_str(&s[i..j + 2]);
                copied = j + 2;
                i = j + 2;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&esc(&s[copied..]));
    out
}

/// postman-url-encoder's encode sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    /// C0 controls, space, `"`, `#`, `'`, `<`, `>`.
    Query,
    /// C0 controls, space, `"`, `<`, `>`, `` ` ``.
    Fragment,
    /// Fragment set plus `#`, `?`, `{`, `}`.
    Path,
    /// Path set plus `/ : ; = @ [ \ ] ^ |`.
    Userinfo,
    /// Everything but `A-Z a-z 0-9 - _ . ~` (form bodies, RFC 3986).
    Strict,
}

fn in_set(b: u8, set: Set) -> bool {
    if !(0x20..0x7F).contains(&b) {
        return true;
    }
    match set {
        Set::Query => matches!(b, b' ' | b'"' | b'#' | b'\'' | b'<' | b'>'),
        Set::Fragment => matches!(b, b' ' | b'"' | b'<' | b'>' | b'`'),
        Set::Path => matches!(
            b,
            b' ' | b'"' | b'<' | b'>' | b'`' | b'#' | b'?' | b'{' | b'}'
        ),
        Set::Userinfo => matches!(
            b,
            b' ' | b'"'
                | b'<'
                | b'>'
                | b'`'
                | b'#'
                | b'?'
                | b'{'
                | b'}'
                | b'/'
                | b':'
                | b';'
                | b'='
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'^'
                | b'|'
        ),
        Set::Strict => !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')),
    }
}

fn is_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

/// Percent-encode `s` with `set`, keeping `%XX` sequences already encoded
/// (except in [`Set::Strict`], which encodes `%` too, as `querystring` does).
pub fn encode(s: &str, set: Set) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if set != Set::Strict
            && c == b'%'
            && i + 2 < b.len()
            && is_hex(b[i + 1])
            && is_hex(b[i + 2])
        {
            out.push('%');
            out.push(b[i + 1] as char);
            out.push(b[i + 2] as char);
            i += 3;
            continue;
        }
        if in_set(c, set) || (set == Set::Strict && c == b'%') {
            out.push_str(&format!("%{c:02X}"));
        } else {
            out.push(c as char);
        }
        i += 1;
    }
    out
}

/// Node's `url.domainToASCII` as the encoder uses it: IDN to punycode and
/// IPv4 shorthands (`127.1`) expanded; the input kept when it is not a
/// valid domain.
fn encode_host(host: &str) -> String {
    if host.is_ascii() {
        let last = host.trim_end_matches('.').rsplit('.').next().unwrap_or("");
        let numeric = !last.is_empty()
            && (last.bytes().all(|b| b.is_ascii_digit())
                || last.starts_with("0x")
                || last.starts_with("0X"));
        if !numeric && !host.starts_with('[') {
            return host.to_string();
        }
    }
    match url::Url::parse(&format!("http://{host}/")) {
        Ok(u) => match u.host_str() {
            Some(h) if !h.is_empty() => h.to_string(),
            _ => host.to_string(),
        },
        Err(_) => host.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_full_url() {
        let u = PmUrl::parse("https://user:p@ss@Example.com:8080/a/:id/b.json?x=1&y&z=&x=2#frag");
        assert_eq!(u.protocol.as_deref(), Some("https"));
        assert_eq!(u.auth, Some((Some("user".into()), Some("p@ss".into()))));
        assert_eq!(u.host, Some(vec!["Example".to_string(), "com".to_string()]));
        assert_eq!(u.port.as_deref(), Some("8080"));
        assert_eq!(
            u.path,
            Some(vec![
                "a".to_string(),
                ":id".to_string(),
                "b.json".to_string()
            ])
        );
        assert_eq!(u.query.len(), 4);
        assert_eq!(u.query[1].value, None);
        assert_eq!(u.query[2].value.as_deref(), Some(""));
        assert_eq!(u.hash.as_deref(), Some("frag"));
        assert_eq!(u.variables.len(), 1);
        assert_eq!(u.variables[0].key, "id");
    }

    #[test]
    fn variables_with_reserved_chars_are_not_split() {
        let u = PmUrl::parse("{{base.url}}/p/{{a/b}}?q={{x&y}}");
        assert_eq!(u.host, Some(vec!["{{base.url}}".to_string()]));
        assert_eq!(u.path, Some(vec!["p".to_string(), "{{a/b}}".to_string()]));
        assert_eq!(u.query[0].value.as_deref(), Some("{{x&y}}"));
    }

    #[test]
    fn empty_params_in_the_middle() {
        let u = PmUrl::parse("h/p?a=b&&c");
        assert_eq!(u.query[1], Query::default());
        assert_eq!(u.query_string().as_deref(), Some("a=b&&c"));
    }

    #[test]
    fn node_url_encoding() {
        let u = PmUrl::parse("HTTP://User:P@ss@EXAMPLE.localhost:5055/a b/\"q\"/{x}/'`|^?q=a b\"'<>`{}|^&&k#fr ag\"<>`");
        let n = u.to_node_url();
        assert_eq!(
            n.href,
            "http://User:P%40ss@example.localhost:5055/a%20b/%22q%22/%7Bx%7D/'%60|^?q=a%20b%22%27%3C%3E`{}|^&&k#fr%20ag%22%3C%3E%60"
        );
        assert_eq!(n.host, "example.localhost:5055");
    }

    #[test]
    fn unresolved_variables_and_preencoded() {
        let u = PmUrl::parse("127.0.0.1:5055/u/4{{nov}}?br={{nov}}&enc=%20a&u=é&p=100%");
        let n = u.to_node_url();
        assert_eq!(
            n.href,
            "http://127.0.0.1:5055/u/4%7B%7Bnov%7D%7D?br={{nov}}&enc=%20a&u=%C3%A9&p=100%"
        );
    }

    #[test]
    fn path_variables_substitute_non_empty_strings() {
        let mut u = PmUrl::parse("h/u/:id/:other.json/:none");
        u.variables = vec![
            PathVar {
                key: "id".into(),
                value: Some(json!("4")),
                kind: "any".into(),
                disabled: false,
            },
            PathVar {
                key: "other".into(),
                value: Some(json!("o")),
                kind: "any".into(),
                disabled: false,
            },
            PathVar {
                key: "none".into(),
                value: Some(json!("")),
                kind: "any".into(),
                disabled: false,
            },
        ];
        assert_eq!(u.get_path(), "/u/4/o.json/:none");
    }

    #[test]
    fn query_reserved_chars_escaped_in_to_string() {
        let u = PmUrl {
            host: Some(vec!["h".into()]),
            query: vec![
                Query {
                    key: Some("a=b".into()),
                    value: Some("c&d#e={{x&y}}".into()),
                    disabled: false,
                },
                Query {
                    key: Some("off".into()),
                    value: Some("1".into()),
                    disabled: true,
                },
            ],
            ..Default::default()
        };
        assert_eq!(u.to_sdk_string(), "h?a%3Db=c%26d%23e={{x&y}}");
    }

    #[test]
    fn idn_and_ip_shorthand_hosts() {
        assert_eq!(encode_host("127.1"), "127.0.0.1");
        assert_eq!(encode_host("bücher.de"), "xn--bcher-kva.de");
        assert_eq!(encode_host("{{host}}"), "{{host}}");
        assert_eq!(encode_host("localhost"), "localhost");
    }

    #[test]
    fn strict_encoding_for_forms() {
        assert_eq!(
            encode("é*~!'() a&=%", Set::Strict),
            "%C3%A9%2A~%21%27%28%29%20a%26%3D%25"
        );
    }

    #[test]
    fn file_and_backslashes() {
        let u = PmUrl::parse("https:\\\\host\\a\\b");
        assert_eq!(u.protocol.as_deref(), Some("https"));
        assert_eq!(u.host, Some(vec!["host".to_string()]));
        assert_eq!(u.path, Some(vec!["a".to_string(), "b".to_string()]));
    }
}
