//! Client certificates as Newman chooses them: `--ssl-client-cert-list`
//! (a JSON array of `{name, matches, key, cert, pfx, passphrase}`) followed
//! by the single `--ssl-client-cert`/`--ssl-client-key` pair, which matches
//! every URL. A request uses the first certificate whose URL match patterns
//! (`https://*.example.com/*`, `<all_urls>`) accept its URL; only HTTPS
//! URLs get one, as in postman-collection's `Certificate.canApplyTo`.
//!
//! Keys may be encrypted with the passphrase (PKCS#8, or legacy PEM: see
//! [`super::legacy_pem`]), and PKCS#12 (`.pfx`,
//! `.p12`) files are read with p12-keystore and handed to rustls as PEM.
//! File paths are relative to `--working-dir` (the current directory by
//! default), as Newman's file resolver reads them.

use std::path::{Path, PathBuf};

use super::client::HttpOptions;

/// One `UrlMatchPattern` (`<protocols>://<host>[:<port>]/<path glob>`).
#[derive(Debug, Clone)]
pub(crate) enum MatchPattern {
    All,
    Invalid,
    Pattern {
        protocols: Vec<String>,
        host: String,
        port: Option<String>,
        path: regex::Regex,
    },
}

const PROTOCOLS: &[&str] = &["http", "https", "file", "ftp"];

impl MatchPattern {
    pub fn parse(pattern: &str) -> MatchPattern {
        if pattern == "<all_urls>" || pattern.is_empty() {
            return MatchPattern::All;
        }
        let split = regex::Regex::new(
            r"^(((?:http|https|file|ftp)|\*)(\+(?:http|https|file|ftp))*)://(\*|\*\.[^*/:]+|[^*/:]+)(:\*|:\d+)?(/.*)$",
        )
        .expect("a valid pattern regex");
        let Some(c) = split.captures(pattern) else {
            return MatchPattern::Invalid;
        };
        let mut protocols: Vec<String> = c[1].split('+').map(str::to_string).collect();
        protocols.dedup();
        // the runtime's glob: regex specials escaped, `?` any character,
        // and only the first `*` made a wildcard (a JavaScript string replace)
        let mut glob = regex::escape(&c[6]).replace("\\?", ".").replace("\\*", "*");
        if let Some(i) = glob.find('*') {
            glob.replace_range(i..=i, ".*");
        }
        let path = regex::Regex::new(&format!("^{glob}$"))
            .unwrap_or_else(|_| regex::Regex::new("^$").expect("a valid regex"));
        MatchPattern::Pattern {
            protocols,
            host: c[4].to_string(),
            port: c.get(5).map(|p| p.as_str()[1..].to_string()),
            path,
        }
    }

    pub fn test(&self, url: &url::Url) -> bool {
        let MatchPattern::Pattern {
            protocols,
            host,
            port,
            path,
        } = self
        else {
            return matches!(self, MatchPattern::All);
        };
        let scheme = url.scheme();
        if !PROTOCOLS.contains(&scheme) || !(protocols.iter().any(|p| p == "*" || p == scheme)) {
            return false;
        }
        let remote = url.host_str().unwrap_or_default();
        let host_ok = host == "*"
            || host == remote
            || host
                .strip_prefix("*.")
                .is_some_and(|suffix| remote == suffix || remote.ends_with(&format!(".{suffix}")));
        if !host_ok {
            return false;
        }
        let default = match scheme {
            "http" => Some("80"),
            "https" => Some("443"),
            "ftp" => Some("21"),
            _ => None,
        };
        let given = url.port().map(|p| p.to_string());
        if !(given.is_none() && port.is_none()) {
            let given = given.as_deref().or(default);
            let want = port.as_deref().or(default);
            if want != Some("*") && want != given {
                return false;
            }
        }
        path.is_match(url.path())
    }
}

/// Why a client certificate is not presented.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Unusable {
    /// A file could not be read (or none was given): as the runtime does,
    /// the requests go without a certificate, each with these warnings.
    Skipped(Vec<String>),
    /// The files were read but are not usable (a wrong passphrase): the
    /// requests that would present it fail with this.
    Invalid(String),
}

/// A client certificate of the run.
#[derive(Debug, Clone)]
pub(crate) struct ClientCertificate {
    pub patterns: Vec<MatchPattern>,
    /// Certificate chain and private key as one PEM text (unencrypted), or
    /// why it cannot be presented.
    pub identity: Result<Vec<u8>, Unusable>,
}

impl ClientCertificate {
    pub fn applies_to(&self, url: &url::Url) -> bool {
        url.scheme() == "https" && self.patterns.iter().any(|p| p.test(url))
    }
}

/// The index of the certificate to present for `url`, if any.
pub(crate) fn select(certs: &[ClientCertificate], url: &str) -> Option<usize> {
    let url = url::Url::parse(url).ok()?;
    certs.iter().position(|c| c.applies_to(&url))
}

/// The warnings a request to `url` gets: those of its certificate when a
/// file of it could not be read.
pub(crate) fn warnings<'a>(certs: &'a [ClientCertificate], url: &str) -> &'a [String] {
    match select(certs, url).map(|i| &certs[i].identity) {
        Some(Err(Unusable::Skipped(w))) => w,
        _ => &[],
    }
}

fn resolve(base: Option<&Path>, src: &str) -> PathBuf {
    let p = Path::new(src);
    match base {
        Some(b) if p.is_relative() => b.join(p),
        _ => p.to_path_buf(),
    }
}

/// A certificate file, or the runtime's warning (Node's `fs` error naming
/// the path as given).
fn read(base: Option<&Path>, what: &str, src: &str) -> Result<Vec<u8>, String> {
    let path = resolve(base, src);
    std::fs::read(&path).map_err(|e| {
        let node = match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("ENOENT: no such file or directory, open '{src}'")
            }
            std::io::ErrorKind::PermissionDenied => {
                format!("EACCES: permission denied, open '{src}'")
            }
            std::io::ErrorKind::IsADirectory => {
                "EISDIR: illegal operation on a directory, read".to_string()
            }
            _ => format!("EIO: i/o error, read '{src}'"),
        };
        format!("certificate \"{what}\" load error:  {node}")
    })
}

fn pem_block(label: &str, der: &[u8]) -> String {
    use base64::Engine;
    let b = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// OpenSSL's words for a wrong or missing passphrase.
const BAD_DECRYPT: &str = "error:1C800064:Provider routines::bad decrypt";

/// A private key PEM, decrypted when it is encrypted (PKCS#8, or OpenSSL's
/// legacy `Proc-Type: 4,ENCRYPTED` PEM).
fn decrypt_key(pem: &[u8], passphrase: Option<&str>) -> Result<Vec<u8>, String> {
    let text = String::from_utf8_lossy(pem);
    if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        use pkcs8::der::Decode;
        let (_, doc) = pkcs8::Document::from_pem(&text).map_err(|_| BAD_DECRYPT.to_string())?;
        let info = pkcs8::EncryptedPrivateKeyInfo::from_der(doc.as_bytes())
            .map_err(|_| BAD_DECRYPT.to_string())?;
        let plain = info
            .decrypt(passphrase.unwrap_or(""))
            .map_err(|_| BAD_DECRYPT.to_string())?;
        return Ok(pem_block("PRIVATE KEY", plain.as_bytes()).into_bytes());
    }
    if super::legacy_pem::is_legacy_encrypted(&text) {
        use super::legacy_pem::LegacyPemError;
        return super::legacy_pem::decrypt(&text, passphrase.unwrap_or("").as_bytes())
            .map(String::into_bytes)
            .map_err(|e| match e {
                LegacyPemError::BadDecrypt => BAD_DECRYPT.to_string(),
                other => other.to_string(),
            });
    }
    Ok(pem.to_vec())
}

/// Certificate chain and key from a PKCS#12 file.
fn from_pfx(data: &[u8], passphrase: Option<&str>) -> Result<Vec<u8>, String> {
    let store = p12_keystore::KeyStore::from_pkcs12(
        data,
        passphrase.unwrap_or(""),
        p12_keystore::Pkcs12ImportPolicy::Relaxed,
    )
    .map_err(|e| match e {
        p12_keystore::error::Error::MacError(_) => "mac verify failure".to_string(),
        other => format!("unable to read the PKCS#12 file: {other}"),
    })?;
    let (_, chain) = store
        .private_key_chain()
        .ok_or_else(|| "the PKCS#12 file holds no private key".to_string())?;
    let mut pem = String::new();
    for cert in chain.certs() {
        pem.push_str(&pem_block("CERTIFICATE", cert.as_der()));
    }
    pem.push_str(&pem_block("PRIVATE KEY", chain.key().as_der()));
    Ok(pem.into_bytes())
}

/// Cert + key or PFX of one entry, as PEM for rustls. Every file given is
/// read, and each that cannot be is a warning, as in the runtime; a PFX
/// read is used, else a certificate and key both read.
fn identity(
    base: Option<&Path>,
    cert: Option<&str>,
    key: Option<&str>,
    pfx: Option<&str>,
    passphrase: Option<&str>,
) -> Result<Vec<u8>, Unusable> {
    let mut warnings = Vec::new();
    let mut load = |what: &str, src: Option<&str>| {
        let src = src.filter(|s| !s.is_empty())?;
        read(base, what, src).map_err(|w| warnings.push(w)).ok()
    };
    let pfx = load("pfx", pfx);
    let key = load("key", key);
    let cert = load("cert", cert);
    if let Some(pfx) = pfx {
        return from_pfx(&pfx, passphrase).map_err(Unusable::Invalid);
    }
    let (Some(mut pem), Some(key)) = (cert, key) else {
        return Err(Unusable::Skipped(warnings));
    };
    let key = decrypt_key(&key, passphrase).map_err(Unusable::Invalid)?;
    pem.push(b'\n');
    pem.extend(key);
    Ok(pem)
}

fn src(entry: &serde_json::Value, field: &str) -> Option<String> {
    match entry.get(field)? {
        serde_json::Value::String(s) => Some(s.clone()),
        v => v.get("src").and_then(|s| s.as_str()).map(str::to_string),
    }
}

/// The run's certificates: the list file's entries, then the single
/// certificate options. Errors reading the list stop the run, with
/// Newman's messages.
pub(crate) fn load(opts: &HttpOptions) -> Result<Vec<ClientCertificate>, String> {
    let base = opts.working_dir.as_deref();
    let mut out = Vec::new();
    if let Some(list) = &opts.client_cert_list {
        let text = std::fs::read(list).map_err(|_| {
            format!(
                "unable to read the ssl client certificates file \"{}\"",
                list.display()
            )
        })?;
        let value: serde_json::Value = serde_json::from_slice(
            String::from_utf8_lossy(&text).trim().as_bytes(),
        )
        .map_err(|_| {
            format!(
                "the file at {} does not contain valid JSON data.",
                list.display()
            )
        })?;
        let entries = value
            .as_array()
            .ok_or_else(|| "expected ssl client certificates list to be an array.".to_string())?;
        for e in entries {
            let patterns = match e.get("matches") {
                Some(serde_json::Value::Array(m)) => m
                    .iter()
                    .filter_map(|p| p.as_str())
                    .map(MatchPattern::parse)
                    .collect(),
                Some(serde_json::Value::String(s)) => vec![MatchPattern::parse(s)],
                _ => Vec::new(),
            };
            let passphrase = e.get("passphrase").and_then(|p| p.as_str());
            out.push(ClientCertificate {
                patterns,
                identity: identity(
                    base,
                    src(e, "cert").as_deref(),
                    src(e, "key").as_deref(),
                    src(e, "pfx").as_deref(),
                    passphrase,
                ),
            });
        }
    }
    if let Some(cert) = &opts.client_cert {
        let cert = cert.to_string_lossy().to_string();
        let key = opts
            .client_key
            .as_ref()
            .map(|k| k.to_string_lossy().to_string());
        // a .pfx/.p12 given as the certificate is read as PKCS#12
        let is_pfx = cert.ends_with(".pfx") || cert.ends_with(".p12");
        out.push(ClientCertificate {
            patterns: vec![MatchPattern::All],
            identity: if is_pfx && key.is_none() {
                identity(
                    base,
                    None,
                    None,
                    Some(&cert),
                    opts.client_passphrase.as_deref(),
                )
            } else {
                identity(
                    base,
                    Some(&cert),
                    key.as_deref(),
                    None,
                    opts.client_passphrase.as_deref(),
                )
            },
        });
    }
    Ok(out)
}

/// The rustls error somewhere in a chain of errors, looking inside
/// `io::Error`s (whose `source()` skips the error they wrap).
fn find_rustls<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    if let Some(t) = e.downcast_ref::<rustls::Error>() {
        return Some(t);
    }
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        if let Some(inner) = io.get_ref() {
            return find_rustls(inner);
        }
    }
    None
}

/// `DnsName("example.com")` / `IpAddress(V4(Ipv4Addr([127, 0, 0, 1])))`
/// as rustls prints presented names → (is IP, name).
fn presented_name(p: &str) -> (bool, String) {
    if let Some(d) = p.strip_prefix("DnsName(\"") {
        return (false, d.trim_end_matches("\")").to_string());
    }
    if p.starts_with("IpAddress(") {
        let digits: Vec<&str> = p
            .split(|c: char| !c.is_ascii_hexdigit())
            .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
            .collect();
        if p.contains("V4") && digits.len() >= 5 {
            return (true, digits[digits.len() - 4..].join("."));
        }
        return (true, p.to_string());
    }
    (false, p.to_string())
}

/// A TLS failure in Node's words (OpenSSL 3 as in Newman 6.2 on Node 20):
/// `self-signed certificate`, `self-signed certificate in certificate
/// chain`, `unable to verify the first certificate` and `unable to get
/// local issuer certificate` (see [`super::verify`]),
/// `certificate has expired`, `Hostname/IP does not match certificate's
/// altnames: …`, and the server's alerts (`… alert certificate required`
/// when a client certificate is needed).
pub(crate) fn node_tls_error(
    links: &[&(dyn std::error::Error + 'static)],
    url: &url::Url,
) -> Option<(String, String)> {
    use rustls::CertificateError as C;
    let t = links.iter().find_map(|l| find_rustls(*l))?;
    let host = super::bare_host(url);
    let pair = |code: &str, msg: String| Some((code.to_string(), msg));
    match t {
        rustls::Error::InvalidCertificate(c) => match c {
            C::UnknownIssuer => pair(
                "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
                "unable to verify the first certificate".into(),
            ),
            C::Expired | C::ExpiredContext { .. } => {
                pair("CERT_HAS_EXPIRED", "certificate has expired".into())
            }
            C::NotValidYet | C::NotValidYetContext { .. } => {
                pair("CERT_NOT_YET_VALID", "certificate is not yet valid".into())
            }
            C::NotValidForNameContext { presented, .. } => {
                let names: Vec<(bool, String)> =
                    presented.iter().map(|p| presented_name(p)).collect();
                let msg = if host.parse::<std::net::IpAddr>().is_ok() {
                    let ips: Vec<String> = names
                        .iter()
                        .filter(|(ip, _)| *ip)
                        .map(|(_, n)| format!("IP Address:{n}"))
                        .collect();
                    format!(
                        "Hostname/IP does not match certificate's altnames: IP: {host} is not in the cert's list: {}",
                        ips.join(", ")
                    )
                } else {
                    let all: Vec<String> = names
                        .iter()
                        .map(|(ip, n)| {
                            if *ip {
                                format!("IP Address:{n}")
                            } else {
                                format!("DNS:{n}")
                            }
                        })
                        .collect();
                    format!(
                        "Hostname/IP does not match certificate's altnames: Host: {host}. is not in the cert's altnames: {}",
                        all.join(", ")
                    )
                };
                pair("ERR_TLS_CERT_ALTNAME_INVALID", msg)
            }
            C::NotValidForName => pair(
                "ERR_TLS_CERT_ALTNAME_INVALID",
                format!(
                    "Hostname/IP does not match certificate's altnames: Host: {host}. is not in the cert's altnames"
                ),
            ),
            C::Other(o) => match o.0.downcast_ref::<super::verify::UntrustedChain>() {
                Some(why) => pair(why.code(), why.to_string()),
                None => pair(
                    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
                    "unable to verify the first certificate".into(),
                ),
            },
            C::Revoked => pair("CERT_REVOKED", "certificate revoked".into()),
            C::BadSignature => pair(
                "CERT_SIGNATURE_FAILURE",
                "certificate signature failure".into(),
            ),
            _ => pair(
                "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
                "unable to verify the first certificate".into(),
            ),
        },
        rustls::Error::AlertReceived(a) => {
            let words = match a {
                rustls::AlertDescription::CertificateRequired => {
                    "tlsv13 alert certificate required".to_string()
                }
                rustls::AlertDescription::HandshakeFailure => {
                    "sslv3 alert handshake failure".to_string()
                }
                rustls::AlertDescription::BadCertificate => "sslv3 alert bad certificate".into(),
                rustls::AlertDescription::UnknownCA => "tlsv1 alert unknown ca".into(),
                other => format!("alert {other:?}"),
            };
            pair("EPROTO", format!("error:0A00045C:SSL routines::{words}"))
        }
        other => pair("EPROTO", other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, url: &str) -> bool {
        MatchPattern::parse(pattern).test(&url::Url::parse(url).expect("url"))
    }

    #[test]
    fn url_match_patterns_like_postman_collection() {
        assert!(m("<all_urls>", "https://a.b/c"));
        assert!(m("https://*.example.com/*", "https://api.example.com/x/y"));
        assert!(m("https://*.example.com/*", "https://example.com/"));
        assert!(!m("https://*.example.com/*", "https://badexample.com/"));
        assert!(m("http+https://example.com/*", "http://example.com/a"));
        assert!(!m("http://example.com/*", "https://example.com/a"));
        assert!(m("https://localhost:8443/*", "https://localhost:8443/p"));
        assert!(!m("https://localhost:8443/*", "https://localhost:9443/p"));
        assert!(m("https://localhost:*/*", "https://localhost:9443/p"));
        assert!(m("https://localhost/*", "https://localhost:443/p"));
        assert!(m("https://h/api/*", "https://h/api/v1"));
        assert!(!m("https://h/api/*", "https://h/other"));
        assert!(!m("not a pattern", "https://h/"));
        assert!(m("*://h/*", "https://h/x"));
    }

    #[test]
    fn only_https_urls_get_a_certificate() {
        let c = ClientCertificate {
            patterns: vec![MatchPattern::All],
            identity: Ok(Vec::new()),
        };
        let certs = vec![c];
        assert_eq!(select(&certs, "https://h/"), Some(0));
        assert_eq!(select(&certs, "http://h/"), None);
    }

    #[test]
    fn list_file_errors_are_newmans() {
        let opts = HttpOptions {
            client_cert_list: Some("/nonexistent/list.json".into()),
            ..Default::default()
        };
        assert_eq!(
            load(&opts).expect_err("missing"),
            "unable to read the ssl client certificates file \"/nonexistent/list.json\""
        );
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("l.json");
        std::fs::write(&p, "{}").expect("write");
        let opts = HttpOptions {
            client_cert_list: Some(p),
            ..Default::default()
        };
        assert_eq!(
            load(&opts).expect_err("object"),
            "expected ssl client certificates list to be an array."
        );
    }
}
