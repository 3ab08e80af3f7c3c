//! The run's cookie jar: one for the whole run, shared by every request,
//! iteration and `pm.sendRequest`. It follows the tough-cookie fork that
//! postman-request uses (loose mode, no public-suffix rejection, secure
//! cookies also sent to loopback hosts, `__Secure-`/`__Host-` prefixes
//! enforced silently) and reads and writes tough-cookie's serialized jar
//! for `--cookie-jar` / `--export-cookie-jar`.
//!
//! A small RFC 6265 store of our own rather than `cookie_store`, because
//! the serialized jar needs tough-cookie's bookkeeping (creation and
//! last-access times, `pathIsDefault`, creation order).

use std::sync::Mutex;

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{json, Map, Value};

use super::CookieData;

const JAR_VERSION: &str = "tough-cookie@4.1.3-postman.1";

#[derive(Debug, Clone, PartialEq)]
struct Stored {
    key: String,
    value: String,
    expires: Option<DateTime<Utc>>,
    max_age: Option<i64>,
    domain: String,
    path: String,
    secure: bool,
    http_only: bool,
    extensions: Vec<String>,
    host_only: bool,
    path_is_default: bool,
    creation: DateTime<Utc>,
    last_accessed: DateTime<Utc>,
    same_site: Option<String>,
    index: u64,
}

impl Stored {
    /// Expiry in ms since the epoch; `None` for a session cookie.
    fn expiry_ms(&self) -> Option<i64> {
        match self.max_age {
            Some(age) if age <= 0 => Some(i64::MIN),
            Some(age) => Some(
                self.creation
                    .timestamp_millis()
                    .saturating_add(age.saturating_mul(1000)),
            ),
            None => self.expires.map(|e| e.timestamp_millis()),
        }
    }

    fn expired(&self, now: DateTime<Utc>) -> bool {
        self.expiry_ms()
            .is_some_and(|e| e <= now.timestamp_millis())
    }

    fn to_data(&self) -> CookieData {
        CookieData {
            name: self.key.clone(),
            value: self.value.clone(),
            domain: self.domain.clone(),
            path: self.path.clone(),
            expires: self
                .expiry_ms()
                .filter(|e| *e != i64::MIN)
                .and_then(|e| Utc.timestamp_millis_opt(e).single())
                .map(iso),
            http_only: self.http_only,
            secure: self.secure,
            host_only: self.host_only,
        }
    }

    fn cookie_string(&self) -> String {
        if self.key.is_empty() {
            self.value.clone()
        } else {
            format!("{}={}", self.key, self.value)
        }
    }
}

fn iso(d: DateTime<Utc>) -> String {
    d.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Request context of a URL for cookie matching.
struct Ctx {
    host: String,
    path: String,
    secure: bool,
}

fn context(url: &str) -> Option<Ctx> {
    let u = url::Url::parse(url).ok()?;
    let host = u
        .host_str()?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    let secure = matches!(u.scheme(), "https" | "wss")
        || host == "localhost"
        || host.ends_with(".localhost")
        || host == "::1"
        || (host.starts_with("127.") && host.parse::<std::net::Ipv4Addr>().is_ok());
    Some(Ctx {
        path: u.path().to_string(),
        host,
        secure,
    })
}

fn is_ip(host: &str) -> bool {
    host.parse::<std::net::IpAddr>().is_ok()
}

fn domain_match(host: &str, domain: &str) -> bool {
    if host == domain {
        return true;
    }
    if is_ip(host) {
        return false;
    }
    host.len() > domain.len()
        && host.ends_with(domain)
        && host.as_bytes()[host.len() - domain.len() - 1] == b'.'
}

fn path_match(req_path: &str, cookie_path: &str) -> bool {
    if req_path == cookie_path {
        return true;
    }
    if req_path.starts_with(cookie_path) {
        return cookie_path.ends_with('/')
            || req_path.as_bytes().get(cookie_path.len()) == Some(&b'/');
    }
    false
}

fn default_path(path: &str) -> String {
    if !path.starts_with('/') || path == "/" {
        return "/".into();
    }
    match path.rfind('/') {
        Some(0) | None => "/".into(),
        Some(i) => path[..i].to_string(),
    }
}

/// RFC 6265 §5.1.1 cookie date parsing (lenient, like tough-cookie's).
fn parse_cookie_date(s: &str) -> Option<DateTime<Utc>> {
    let mut time: Option<(u32, u32, u32)> = None;
    let mut day: Option<u32> = None;
    let mut month: Option<u32> = None;
    let mut year: Option<i32> = None;
    let is_delim = |c: char| {
        c == '\t'
            || (' '..='/').contains(&c)
            || (';'..='@').contains(&c)
            || ('['..='`').contains(&c)
            || ('{'..='~').contains(&c)
    };
    for tok in s.split(is_delim).filter(|t| !t.is_empty()) {
        if time.is_none() {
            let parts: Vec<&str> = tok.split(':').collect();
            if parts.len() == 3 {
                let num = |p: &str| -> Option<u32> {
                    let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
                    if digits.is_empty() || digits.len() > 2 {
                        return None;
                    }
                    digits.parse().ok()
                };
                if let (Some(h), Some(m), Some(sec)) = (num(parts[0]), num(parts[1]), num(parts[2]))
                {
                    time = Some((h, m, sec));
                    continue;
                }
            }
        }
        let digits: String = tok.chars().take_while(|c| c.is_ascii_digit()).collect();
        if day.is_none() && (1..=2).contains(&digits.len()) {
            day = digits.parse().ok();
            continue;
        }
        if month.is_none() && tok.len() >= 3 {
            let m = match tok[..3].to_ascii_lowercase().as_str() {
                "jan" => Some(1),
                "feb" => Some(2),
                "mar" => Some(3),
                "apr" => Some(4),
                "may" => Some(5),
                "jun" => Some(6),
                "jul" => Some(7),
                "aug" => Some(8),
                "sep" => Some(9),
                "oct" => Some(10),
                "nov" => Some(11),
                "dec" => Some(12),
                _ => None,
            };
            if m.is_some() {
                month = m;
                continue;
            }
        }
        if year.is_none() && (2..=4).contains(&digits.len()) {
            let mut y: i32 = digits.parse().ok()?;
            if (70..=99).contains(&y) {
                y += 1900;
            } else if (0..=69).contains(&y) {
                y += 2000;
            }
            year = Some(y);
        }
    }
    let (h, m, sec) = time?;
    let (d, mo, y) = (day?, month?, year?);
    if y < 1601 || !(1..=31).contains(&d) || h > 23 || m > 59 || sec > 59 {
        return None;
    }
    Utc.with_ymd_and_hms(y, mo, d, h, m, sec).single()
}

/// Parse a `Set-Cookie` value (loose: a pair without `=` is a value with an
/// empty name). `None` when it cannot be a cookie.
fn parse_set_cookie(s: &str, now: DateTime<Utc>) -> Option<Stored> {
    let s = s.trim();
    let (pair, attrs) = match s.find(';') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    let (key, value) = match pair.find('=') {
        Some(i) => (
            pair[..i].trim().to_string(),
            pair[i + 1..].trim().to_string(),
        ),
        None => (String::new(), pair.trim().to_string()),
    };
    if key.is_empty() && value.is_empty() {
        return None;
    }
    if key.chars().chain(value.chars()).any(|c| c.is_control()) {
        return None;
    }
    let mut c = Stored {
        key,
        value,
        expires: None,
        max_age: None,
        domain: String::new(),
        path: String::new(),
        secure: false,
        http_only: false,
        extensions: Vec::new(),
        host_only: true,
        path_is_default: false,
        creation: now,
        last_accessed: now,
        same_site: None,
        index: 0,
    };
    for av in attrs.split(';') {
        let av = av.trim();
        if av.is_empty() {
            continue;
        }
        let (name, val) = match av.find('=') {
            Some(i) => (av[..i].trim(), av[i + 1..].trim()),
            None => (av, ""),
        };
        match name.to_ascii_lowercase().as_str() {
            "expires" => {
                if let Some(d) = parse_cookie_date(val) {
                    c.expires = Some(d);
                }
            }
            "max-age" => {
                let ok = !val.is_empty()
                    && val
                        .strip_prefix('-')
                        .unwrap_or(val)
                        .bytes()
                        .all(|b| b.is_ascii_digit())
                    && val != "-";
                if ok {
                    c.max_age = val.parse::<i64>().ok().or(Some(if val.starts_with('-') {
                        i64::MIN
                    } else {
                        i64::MAX
                    }));
                }
            }
            "domain" => {
                let d = val.trim().trim_start_matches('.').to_ascii_lowercase();
                if !d.is_empty() {
                    c.domain = d;
                }
            }
            "path" => {
                c.path = if val.starts_with('/') {
                    val.to_string()
                } else {
                    String::new()
                };
            }
            "secure" => c.secure = true,
            "httponly" => c.http_only = true,
            "samesite" => {
                c.same_site = match val.to_ascii_lowercase().as_str() {
                    "strict" => Some("strict".into()),
                    "lax" => Some("lax".into()),
                    "none" => Some("none".into()),
                    _ => None,
                }
            }
            _ => c.extensions.push(av.to_string()),
        }
    }
    Some(c)
}

#[derive(Debug, Default, Clone)]
struct Inner {
    cookies: Vec<Stored>,
    next_index: u64,
}

impl Inner {
    /// tough-cookie's `setCookie` with `{http: true, ignoreError: true}`.
    fn set(&mut self, mut c: Stored, ctx: &Ctx, now: DateTime<Utc>) -> Option<CookieData> {
        if c.domain.is_empty() {
            c.domain = ctx.host.clone();
            c.host_only = true;
        } else {
            if !domain_match(&ctx.host, &c.domain) {
                return None;
            }
            c.host_only = false;
        }
        if c.path.is_empty() {
            c.path = default_path(&ctx.path);
            c.path_is_default = true;
        }
        // prefixSecurity "silent": drop cookies that break the prefix rules
        if c.key.starts_with("__Secure-") && !c.secure {
            return None;
        }
        if c.key.starts_with("__Host-") && !(c.secure && c.host_only && c.path == "/") {
            return None;
        }
        let existing = self
            .cookies
            .iter()
            .position(|o| o.domain == c.domain && o.path == c.path && o.key == c.key);
        match existing {
            Some(i) => {
                c.creation = self.cookies[i].creation;
                c.index = self.cookies[i].index;
                c.last_accessed = now;
                if c.expired(now) {
                    self.cookies.remove(i);
                } else {
                    self.cookies[i] = c.clone();
                }
            }
            None => {
                c.index = self.next_index;
                self.next_index += 1;
                if !c.expired(now) {
                    self.cookies.push(c.clone());
                }
            }
        }
        Some(c.to_data())
    }

    /// Matching cookies in tough-cookie's order (longest path first, then
    /// oldest); expired ones are dropped; last-access times updated.
    fn matching(&mut self, ctx: &Ctx, now: DateTime<Utc>) -> Vec<Stored> {
        self.cookies.retain(|c| !c.expired(now));
        let mut out: Vec<&mut Stored> = self
            .cookies
            .iter_mut()
            .filter(|c| {
                let dm = if c.host_only {
                    c.domain == ctx.host
                } else {
                    domain_match(&ctx.host, &c.domain)
                };
                dm && path_match(&ctx.path, &c.path) && (!c.secure || ctx.secure)
            })
            .collect();
        out.sort_by(|a, b| {
            b.path
                .len()
                .cmp(&a.path.len())
                .then(a.creation.cmp(&b.creation))
                .then(a.index.cmp(&b.index))
        });
        out.into_iter()
            .map(|c| {
                c.last_accessed = now;
                c.clone()
            })
            .collect()
    }
}

/// The run's jar. Shared (`Arc`) and internally locked.
#[derive(Debug, Default)]
pub struct CookieJar {
    inner: Mutex<Inner>,
}

impl CookieJar {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// An independent copy of the jar as it is now. Concurrent executions
    /// each send from a snapshot; their `Set-Cookie`s reach the run's jar in
    /// collection order.
    pub fn snapshot(&self) -> CookieJar {
        CookieJar {
            inner: Mutex::new(self.lock().clone()),
        }
    }

    /// Cookies that would be sent to `url` (`pm.cookies`, in the order sent).
    pub fn cookies_for(&self, url: &str) -> Vec<CookieData> {
        let Some(ctx) = context(url) else {
            return Vec::new();
        };
        self.lock()
            .matching(&ctx, Utc::now())
            .iter()
            .map(Stored::to_data)
            .collect()
    }

    /// The `Cookie` header value for `url`, if any cookie matches.
    pub fn header_for(&self, url: &str) -> Option<String> {
        let ctx = context(url)?;
        let list = self.lock().matching(&ctx, Utc::now());
        if list.is_empty() {
            return None;
        }
        Some(
            list.iter()
                .map(Stored::cookie_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    }

    /// Store the `Set-Cookie` values of a response from `url`; returns the
    /// cookies accepted, in order.
    pub fn store_from_response(&self, url: &str, set_cookie_headers: &[String]) -> Vec<CookieData> {
        let Some(ctx) = context(url) else {
            return Vec::new();
        };
        let now = Utc::now();
        let mut inner = self.lock();
        set_cookie_headers
            .iter()
            .filter_map(|h| parse_set_cookie(h, now).and_then(|c| inner.set(c, &ctx, now)))
            .collect()
    }

    /// `pm.cookies.jar().set(url, name, value)`.
    pub fn set(&self, url: &str, name: &str, value: &str) -> Result<CookieData, String> {
        self.set_cookie(url, &format!("{name}={value}"))
    }

    /// `pm.cookies.jar().set(url, cookieString)`: a `Set-Cookie`-style string.
    pub fn set_cookie(&self, url: &str, set_cookie: &str) -> Result<CookieData, String> {
        let ctx =
            context(url).ok_or_else(|| format!("CookieJar.set() requires a valid url: {url}"))?;
        let now = Utc::now();
        let c = parse_set_cookie(set_cookie, now)
            .ok_or_else(|| "Cookie failed to parse".to_string())?;
        self.lock().set(c, &ctx, now).ok_or_else(|| {
            format!(
                "Cookie not in this host's domain. Cookie:{set_cookie} Request:{}",
                ctx.host
            )
        })
    }

    /// `pm.cookies.jar().unset(url, name)`: remove the cookies of that name
    /// that `url` would receive.
    pub fn unset(&self, url: &str, name: &str) {
        let Some(ctx) = context(url) else { return };
        let mut inner = self.lock();
        let hits: Vec<(String, String, String)> = inner
            .matching(&ctx, Utc::now())
            .into_iter()
            .filter(|c| c.key == name)
            .map(|c| (c.domain, c.path, c.key))
            .collect();
        inner.cookies.retain(|c| {
            !hits
                .iter()
                .any(|(d, p, k)| *d == c.domain && *p == c.path && *k == c.key)
        });
    }

    /// `pm.cookies.jar().clear(url)`: remove every cookie `url` would receive.
    pub fn clear(&self, url: &str) {
        let Some(ctx) = context(url) else { return };
        let mut inner = self.lock();
        let hits: Vec<u64> = inner
            .matching(&ctx, Utc::now())
            .into_iter()
            .map(|c| c.index)
            .collect();
        inner.cookies.retain(|c| !hits.contains(&c.index));
    }

    /// Remove everything.
    pub fn clear_all(&self) {
        self.lock().cookies.clear();
    }

    /// Every cookie in the jar (creation order), in Postman's shape.
    pub fn all(&self) -> Vec<CookieData> {
        let mut inner = self.lock();
        let now = Utc::now();
        inner.cookies.retain(|c| !c.expired(now));
        let mut list = inner.cookies.clone();
        list.sort_by_key(|c| c.index);
        list.iter().map(Stored::to_data).collect()
    }

    /// tough-cookie's `CookieJar#serialize()` shape, for `--export-cookie-jar`.
    pub fn to_tough_cookie_json(&self) -> Value {
        let mut list = self.lock().cookies.clone();
        list.sort_by_key(|c| c.index);
        let cookies: Vec<Value> = list
            .iter()
            .map(|c| {
                let mut o = Map::new();
                o.insert("key".into(), json!(c.key));
                o.insert("value".into(), json!(c.value));
                if let Some(e) = c.expires {
                    o.insert("expires".into(), json!(iso(e)));
                }
                if let Some(m) = c.max_age {
                    let v = match m {
                        i64::MAX => json!("Infinity"),
                        i64::MIN => json!("-Infinity"),
                        m => json!(m),
                    };
                    o.insert("maxAge".into(), v);
                }
                o.insert("domain".into(), json!(c.domain));
                o.insert("path".into(), json!(c.path));
                if c.secure {
                    o.insert("secure".into(), json!(true));
                }
                if c.http_only {
                    o.insert("httpOnly".into(), json!(true));
                }
                if !c.extensions.is_empty() {
                    o.insert("extensions".into(), json!(c.extensions));
                }
                o.insert("hostOnly".into(), json!(c.host_only));
                if c.path_is_default {
                    o.insert("pathIsDefault".into(), json!(true));
                }
                o.insert("creation".into(), json!(iso(c.creation)));
                o.insert("lastAccessed".into(), json!(iso(c.last_accessed)));
                if let Some(s) = &c.same_site {
                    o.insert("sameSite".into(), json!(s));
                }
                Value::Object(o)
            })
            .collect();
        json!({
            "version": JAR_VERSION,
            "storeType": "MemoryCookieStore",
            "rejectPublicSuffixes": false,
            "enableLooseMode": true,
            "allowSpecialUseDomain": true,
            "prefixSecurity": "silent",
            "cookies": cookies
        })
    }

    /// Read a serialized tough-cookie jar (`--cookie-jar`). Also accepts a
    /// bare array of cookies.
    pub fn from_tough_cookie_json(value: &Value) -> Result<CookieJar, String> {
        let list = match value {
            Value::Object(o) => match o.get("cookies") {
                Some(Value::Array(a)) => a.clone(),
                None | Some(Value::Null) => Vec::new(),
                Some(_) => return Err("the cookie jar's \"cookies\" must be an array".into()),
            },
            Value::Array(a) => a.clone(),
            _ => return Err("expected a serialized cookie jar object".into()),
        };
        let now = Utc::now();
        let date = |v: Option<&Value>| -> Option<DateTime<Utc>> {
            v.and_then(|x| x.as_str())
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                .map(|d| d.with_timezone(&Utc))
        };
        let mut inner = Inner::default();
        for (i, c) in list.iter().enumerate() {
            let Some(o) = c.as_object() else { continue };
            let text = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let Some(domain) = text("domain") else {
                continue;
            };
            let stored = Stored {
                key: text("key").or_else(|| text("name")).unwrap_or_default(),
                value: text("value").unwrap_or_default(),
                expires: date(o.get("expires")),
                max_age: match o.get("maxAge") {
                    Some(Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
                    Some(Value::String(s)) if s == "Infinity" => Some(i64::MAX),
                    Some(Value::String(s)) if s == "-Infinity" => Some(i64::MIN),
                    _ => None,
                },
                domain: domain.trim_start_matches('.').to_ascii_lowercase(),
                path: text("path").unwrap_or_else(|| "/".into()),
                secure: o.get("secure").and_then(|v| v.as_bool()).unwrap_or(false),
                http_only: o.get("httpOnly").and_then(|v| v.as_bool()).unwrap_or(false),
                extensions: o
                    .get("extensions")
                    .and_then(|v| v.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default(),
                host_only: o.get("hostOnly").and_then(|v| v.as_bool()).unwrap_or(true),
                path_is_default: o
                    .get("pathIsDefault")
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false),
                creation: date(o.get("creation")).unwrap_or(now),
                last_accessed: date(o.get("lastAccessed")).unwrap_or(now),
                same_site: text("sameSite"),
                index: i as u64,
            };
            inner.cookies.push(stored);
        }
        inner.next_index = inner.cookies.len() as u64;
        Ok(CookieJar {
            inner: Mutex::new(inner),
        })
    }

    /// One `pm.cookies.jar()` operation in the protocol of
    /// `script::ScriptHost::cookie_jar`: `get` `{url, name}` → value or
    /// null; `getAll` `{url}` → cookies; `set` `{url, cookie}` (object or
    /// Set-Cookie text) or `{url, name, value}` → the cookie; `unset`
    /// `{url, name}`; `clear` `{url}`.
    pub fn script_op(&self, op: &str, args: &Value) -> Result<Value, String> {
        let url = args
            .get("url")
            .and_then(|u| u.as_str())
            .filter(|u| url::Url::parse(u).is_ok())
            .ok_or_else(|| format!("CookieJar.{op}() requires a valid url"))?;
        let name = args.get("name").and_then(|n| n.as_str());
        let to_json = |c: &CookieData| serde_json::to_value(c).unwrap_or(Value::Null);
        match op {
            "get" => Ok(self
                .cookies_for(url)
                .into_iter()
                .find(|c| Some(c.name.as_str()) == name)
                .map(|c| Value::String(c.value))
                .unwrap_or(Value::Null)),
            "getAll" => {
                // tough-cookie's options: `http: false` leaves out HttpOnly
                // cookies, `secure: false` the Secure ones
                let http = args.get("http").and_then(Value::as_bool).unwrap_or(true);
                let secure = args.get("secure").and_then(Value::as_bool);
                Ok(Value::Array(
                    self.cookies_for(url)
                        .iter()
                        .filter(|c| (http || !c.http_only) && (secure != Some(false) || !c.secure))
                        .map(to_json)
                        .collect(),
                ))
            }
            "set" => {
                let text = match args.get("cookie") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Object(o)) => {
                        let f = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_string);
                        let n = f("name").or_else(|| f("key")).unwrap_or_default();
                        let mut t = format!("{n}={}", f("value").unwrap_or_default());
                        if let Some(d) = f("domain") {
                            t.push_str(&format!("; Domain={d}"));
                        }
                        if let Some(p) = f("path") {
                            t.push_str(&format!("; Path={p}"));
                        }
                        if let Some(e) = f("expires") {
                            if let Ok(d) = DateTime::parse_from_rfc3339(&e) {
                                t.push_str(&format!(
                                    "; Expires={}",
                                    d.with_timezone(&Utc).format("%a, %d %b %Y %H:%M:%S GMT")
                                ));
                            }
                        }
                        if o.get("httpOnly").and_then(|v| v.as_bool()) == Some(true) {
                            t.push_str("; HttpOnly");
                        }
                        if o.get("secure").and_then(|v| v.as_bool()) == Some(true) {
                            t.push_str("; Secure");
                        }
                        t
                    }
                    _ => {
                        let n = name.ok_or("CookieJar.set() requires a valid name")?;
                        let v = match args.get("value") {
                            Some(Value::String(s)) => s.clone(),
                            Some(Value::Null) | None => String::new(),
                            Some(other) => other.to_string(),
                        };
                        format!("{n}={v}")
                    }
                };
                self.set_cookie(url, &text).map(|c| to_json(&c))
            }
            "unset" => {
                self.unset(url, name.ok_or("CookieJar.unset() requires a valid name")?);
                Ok(Value::Null)
            }
            "clear" => {
                self.clear(url);
                Ok(Value::Null)
            }
            other => Err(format!("CookieJar: unknown operation {other}")),
        }
    }

    /// Replace this jar's contents with another's (for loading a jar into a
    /// client's shared jar).
    pub fn replace_with(&self, other: CookieJar) {
        let other = other.inner.into_inner().unwrap_or_else(|e| e.into_inner());
        *self.lock() = other;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn store_and_send_host_only_and_domain_cookies() {
        let jar = CookieJar::default();
        let set = jar.store_from_response(
            "http://api.example.com/a/b",
            &sc(&[
                "a=1; Path=/",
                "b=2; Domain=.example.com; Path=/",
                "c=3",
                "bad=1; Domain=other.com",
            ]),
        );
        assert_eq!(set.len(), 3);
        assert_eq!(set[2].path, "/a");
        assert_eq!(
            jar.header_for("http://api.example.com/a/x").as_deref(),
            Some("c=3; a=1; b=2")
        );
        assert_eq!(
            jar.header_for("http://www.example.com/").as_deref(),
            Some("b=2")
        );
        assert_eq!(jar.header_for("http://example.org/"), None);
        let pm = jar.cookies_for("http://api.example.com/");
        assert_eq!(
            pm.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert!(pm[0].host_only);
        assert!(!pm[1].host_only);
    }

    #[test]
    fn secure_cookies_only_to_secure_or_loopback() {
        let jar = CookieJar::default();
        jar.store_from_response("http://example.com/", &sc(&["s=1; Secure"]));
        assert_eq!(jar.header_for("http://example.com/"), None);
        assert_eq!(
            jar.header_for("https://example.com/").as_deref(),
            Some("s=1")
        );
        jar.store_from_response("http://127.0.0.1:5000/", &sc(&["s=2; Secure"]));
        assert_eq!(
            jar.header_for("http://127.0.0.1:5000/").as_deref(),
            Some("s=2")
        );
    }

    #[test]
    fn expiry_and_replacement() {
        let jar = CookieJar::default();
        let u = "http://h.test/";
        jar.store_from_response(
            u,
            &sc(&[
                "a=1",
                "b=2; Max-Age=3600",
                "c=3; Expires=Wed, 21 Oct 2037 07:28:00 GMT",
            ]),
        );
        let all = jar.cookies_for(u);
        assert_eq!(all[2].expires.as_deref(), Some("2037-10-21T07:28:00.000Z"));
        assert!(all[1].expires.is_some());
        assert!(all[0].expires.is_none());
        jar.store_from_response(
            u,
            &sc(&[
                "a=9",
                "b=; Max-Age=0",
                "c=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            ]),
        );
        assert_eq!(jar.header_for(u).as_deref(), Some("a=9"));
    }

    #[test]
    fn loose_mode_and_api() {
        let jar = CookieJar::default();
        jar.store_from_response("http://h.test/", &sc(&["justvalue"]));
        assert_eq!(
            jar.header_for("http://h.test/").as_deref(),
            Some("justvalue")
        );
        jar.set("http://h.test/", "k", "v").expect("set");
        assert!(jar
            .header_for("http://h.test/")
            .is_some_and(|h| h.contains("k=v")));
        jar.unset("http://h.test/", "k");
        assert_eq!(
            jar.header_for("http://h.test/").as_deref(),
            Some("justvalue")
        );
        jar.clear("http://h.test/");
        assert_eq!(jar.header_for("http://h.test/"), None);
        assert!(jar.set("not a url", "k", "v").is_err());
    }

    #[test]
    fn tough_cookie_json_round_trip() {
        let jar = CookieJar::default();
        jar.store_from_response(
            "http://127.0.0.1:5055/setcookie",
            &sc(&[
                "a=1; Max-Age=3600; HttpOnly; SameSite=Lax; Path=/",
                "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Secure; Domain=127.0.0.1; Path=/",
                "d=4",
            ]),
        );
        let j = jar.to_tough_cookie_json();
        assert_eq!(j["version"], json!(JAR_VERSION));
        assert_eq!(j["rejectPublicSuffixes"], json!(false));
        let c = j["cookies"].as_array().expect("cookies");
        let keys = |v: &Value| {
            v.as_object()
                .map(|o| o.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(
            keys(&c[0]),
            [
                "key",
                "value",
                "maxAge",
                "domain",
                "path",
                "httpOnly",
                "hostOnly",
                "creation",
                "lastAccessed",
                "sameSite"
            ]
        );
        assert_eq!(
            keys(&c[1]),
            [
                "key",
                "value",
                "expires",
                "domain",
                "path",
                "secure",
                "hostOnly",
                "creation",
                "lastAccessed"
            ]
        );
        assert_eq!(c[1]["hostOnly"], json!(false));
        assert_eq!(c[2]["pathIsDefault"], json!(true));
        let back = CookieJar::from_tough_cookie_json(&j).expect("load");
        assert_eq!(back.to_tough_cookie_json(), j);
        assert_eq!(
            back.header_for("http://127.0.0.1:5055/").as_deref(),
            Some("a=1; b=2; d=4")
        );
    }

    #[test]
    fn script_operations() {
        let jar = CookieJar::default();
        let u = "http://h.test/p";
        let c = jar
            .script_op("set", &json!({"url": u, "cookie": {"name": "a", "value": "1", "path": "/", "httpOnly": true}}))
            .expect("set");
        assert_eq!(c["name"], json!("a"));
        assert_eq!(c["httpOnly"], json!(true));
        jar.script_op("set", &json!({"url": u, "name": "b", "value": 2}))
            .expect("set");
        assert_eq!(
            jar.script_op("get", &json!({"url": u, "name": "b"})),
            Ok(json!("2"))
        );
        assert_eq!(
            jar.script_op("getAll", &json!({"url": u}))
                .map(|v| v.as_array().map(|a| a.len())),
            Ok(Some(2))
        );
        jar.script_op("unset", &json!({"url": u, "name": "a"}))
            .expect("unset");
        assert_eq!(
            jar.script_op("get", &json!({"url": u, "name": "a"})),
            Ok(Value::Null)
        );
        jar.script_op("clear", &json!({"url": u})).expect("clear");
        assert_eq!(jar.header_for(u), None);
        assert_eq!(
            jar.script_op("get", &json!({"url": 1})),
            Err("CookieJar.get() requires a valid url".to_string())
        );
    }

    #[test]
    fn cookie_dates() {
        let d = |s: &str| parse_cookie_date(s).map(iso);
        assert_eq!(
            d("Wed, 21 Oct 2037 07:28:00 GMT").as_deref(),
            Some("2037-10-21T07:28:00.000Z")
        );
        assert_eq!(
            d("Wednesday, 21-Oct-37 07:28:00 GMT").as_deref(),
            Some("2037-10-21T07:28:00.000Z")
        );
        assert_eq!(
            d("Sun Nov  6 08:49:37 1994").as_deref(),
            Some("1994-11-06T08:49:37.000Z")
        );
        assert_eq!(d("garbage"), None);
    }
}
