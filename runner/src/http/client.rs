//! The run's HTTP client. A request that reaches its server directly goes
//! over postgate's own keep-alive connections ([`super::direct`]); a
//! proxied one through a reqwest client (rustls with ring), one per run plus
//! lazily built ones for other TLS settings (an item's
//! `protocolProfileBehavior.strictSSL`, a client certificate). Redirects are followed here
//! ([`super::redirect`]) so that each request's `protocolProfileBehavior`
//! applies; cookies go through the run's [`CookieJar`]; bodies are decoded
//! here (gzip, deflate, br) so the headers stay as received and the wire
//! size is known.
//!
//! reqwest was already the workspace's HTTP stack; its own redirect
//! following, cookie store and decompression are turned off.

use std::io::Read;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::errors::{err, map_reqwest};
use super::redirect::{self, Hop};
use super::tls::Unusable;
use super::{CookieJar, ResponseData};

/// Client-wide settings from the command line.
#[derive(Debug, Clone, Default)]
pub struct HttpOptions {
    /// `-k/--insecure`.
    pub insecure: bool,
    /// `--timeout-request`.
    pub timeout_request: Option<Duration>,
    /// `--ignore-redirects` turns following off for every request.
    pub ignore_redirects: bool,
    /// `--ssl-extra-ca-certs` (PEM file).
    pub extra_ca_certs: Option<std::path::PathBuf>,
    /// `--ssl-client-cert` / `--ssl-client-key` / `--ssl-client-passphrase`.
    pub client_cert: Option<std::path::PathBuf>,
    pub client_key: Option<std::path::PathBuf>,
    pub client_passphrase: Option<String>,
    /// `--ssl-client-cert-list` (JSON; see [`super::tls`]).
    pub client_cert_list: Option<std::path::PathBuf>,
    /// `--working-dir`: base of relative certificate paths.
    pub working_dir: Option<std::path::PathBuf>,
    /// Proxies (from the environment unless set).
    pub proxy: Option<super::proxy::ProxyEnv>,
}

/// Per-request behaviour (`protocolProfileBehavior`, merged from the
/// collection, folders and request; nearest wins).
#[derive(Debug, Clone)]
pub struct SendOptions {
    pub follow_redirects: bool,
    pub follow_original_method: bool,
    pub follow_authorization_header: bool,
    pub remove_referer_on_redirect: bool,
    pub max_redirects: usize,
    pub strict_ssl: bool,
    pub disable_cookies: bool,
}

impl Default for SendOptions {
    fn default() -> Self {
        SendOptions {
            follow_redirects: true,
            follow_original_method: false,
            follow_authorization_header: false,
            remove_referer_on_redirect: false,
            max_redirects: 10,
            strict_ssl: true,
            disable_cookies: false,
        }
    }
}

impl SendOptions {
    /// Read `protocolProfileBehavior` (already merged) into options.
    pub fn from_ppb(ppb: &serde_json::Map<String, serde_json::Value>, http: &HttpOptions) -> Self {
        let b = |k: &str| ppb.get(k).and_then(|v| v.as_bool());
        let d = SendOptions::default();
        SendOptions {
            // The command line sets the default; an item's own setting wins,
            // as in Newman.
            follow_redirects: b("followRedirects")
                .unwrap_or(!http.ignore_redirects && d.follow_redirects),
            follow_original_method: b("followOriginalHttpMethod")
                .unwrap_or(d.follow_original_method),
            follow_authorization_header: b("followAuthorizationHeader")
                .unwrap_or(d.follow_authorization_header),
            remove_referer_on_redirect: b("removeRefererHeaderOnRedirect")
                .unwrap_or(d.remove_referer_on_redirect),
            max_redirects: ppb
                .get("maxRedirects")
                .and_then(|v| v.as_u64())
                .map(|n| n as usize)
                .unwrap_or(d.max_redirects),
            strict_ssl: b("strictSSL").unwrap_or(!http.insecure && d.strict_ssl),
            disable_cookies: b("disableCookies").unwrap_or(d.disable_cookies),
        }
    }
}

/// A request ready to go on the wire.
#[derive(Debug, Clone, Default)]
pub struct PreparedRequest {
    pub method: String,
    /// Absolute, percent-encoded URL.
    pub url: String,
    /// Headers in order, including system headers.
    pub headers: Vec<(String, String)>,
    pub body: Option<Bytes>,
    /// Console warnings from building it (file load errors, auth that
    /// could not sign), in Newman's wording.
    pub warnings: Vec<String>,
}

/// A request that got no response, worded as Newman words it
/// (`connect ECONNREFUSED 127.0.0.1:1`, `getaddrinfo ENOTFOUND host`,
/// `ESOCKETTIMEDOUT`, …).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct RequestError {
    /// Node-style code: ECONNREFUSED, ENOTFOUND, ETIMEDOUT, ESOCKETTIMEDOUT, ECONNRESET, …
    pub code: String,
    pub message: String,
}

/// Which TLS settings a request gets: the client certificate that matches
/// its URL (an index into the run's list) and whether certificates go
/// unchecked.
type TlsKey = super::direct::TlsKey;

/// What is made once per [`TlsKey`], on first use.
type Cache<T> = std::sync::Mutex<std::collections::HashMap<TlsKey, Result<T, String>>>;

/// `make()` for `key`, made once and kept (failures too).
fn cached<T: Clone>(
    cache: &Cache<T>,
    key: TlsKey,
    make: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    map.entry(key).or_insert_with(make).clone()
}

pub struct HttpClient {
    pub options: HttpOptions,
    pub jar: Arc<CookieJar>,
    /// Client certificates (`--ssl-client-cert*`).
    certs: Vec<super::tls::ClientCertificate>,
    /// TLS settings, and reqwest clients for proxied requests.
    tls: Cache<Arc<rustls::ClientConfig>>,
    proxied: Cache<reqwest::Client>,
    /// Direct connections.
    direct: super::direct::Pool,
    proxies: super::proxy::ProxyEnv,
    /// What auth handlers keep between requests of the run (digest nonces,
    /// the ntlm handshake, hawk's nonce), shared like the cookie jar.
    pub auth: crate::auth::AuthState,
    /// How a lone request waits for its response.
    pub busy_poll: super::busy_poll::BusyPoll,
}

/// Install ring as rustls' process-wide provider (once; a provider someone
/// else installed is fine too).
fn install_crypto_provider() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

fn read_file(p: &std::path::Path, what: &str) -> Result<Vec<u8>, String> {
    std::fs::read(p).map_err(|e| format!("unable to read {what} \"{}\": {e}", p.display()))
}

/// A reqwest client with the TLS settings `tls` and the proxies from
/// `options`.
fn build_client(
    options: &HttpOptions,
    tls: rustls::ClientConfig,
) -> Result<reqwest::Client, String> {
    install_crypto_provider();
    let mut b = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_gzip()
        .no_brotli()
        .no_deflate()
        .http1_title_case_headers()
        .pool_idle_timeout(Duration::from_secs(30))
        .no_proxy();
    if let Some(t) = options.timeout_request.filter(|t| !t.is_zero()) {
        b = b.connect_timeout(t).read_timeout(t);
    }
    b = b.use_preconfigured_tls(tls);
    let proxies = options
        .proxy
        .clone()
        .unwrap_or_else(super::proxy::ProxyEnv::from_env);
    if let Some(p) = proxies.reqwest_proxy() {
        b = b.proxy(p);
    }
    b.build()
        .map_err(|e| format!("could not create the HTTP client: {e}"))
}

/// TLS settings: certificates checked unless `insecure`, the extra CAs
/// trusted, `identity` (certificate chain and key, PEM) presented.
fn tls_config(
    options: &HttpOptions,
    insecure: bool,
    identity: Option<&[u8]>,
) -> Result<rustls::ClientConfig, String> {
    super::verify::client_config(insecure, &extra_roots(options)?, identity)
}

/// The certificates of `--ssl-extra-ca-certs`, if given.
fn extra_roots(
    options: &HttpOptions,
) -> Result<Vec<rustls::pki_types::CertificateDer<'static>>, String> {
    let Some(ca) = &options.extra_ca_certs else {
        return Ok(Vec::new());
    };
    use rustls::pki_types::{pem::PemObject, CertificateDer};
    let pem = read_file(ca, "extra CA certificates")?;
    let roots = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("invalid extra CA certificates \"{}\": {e}", ca.display()))?;
    if roots.is_empty() {
        return Err(format!(
            "invalid extra CA certificates \"{}\": no PEM certificate found",
            ca.display()
        ));
    }
    Ok(roots)
}

/// Header names and values as Node would accept them (latin-1 bytes).
fn header_map(headers: &[(String, String)]) -> Result<HeaderMap, super::RequestError> {
    let mut map = HeaderMap::with_capacity(headers.len());
    for (k, v) in headers {
        let name = HeaderName::from_bytes(k.as_bytes()).map_err(|_| {
            err(
                "ERR_INVALID_HTTP_TOKEN",
                format!("Header name must be a valid HTTP token [\"{k}\"]"),
            )
        })?;
        let bytes: Vec<u8> = if v.chars().all(|c| (c as u32) < 0x100) {
            v.chars().map(|c| c as u32 as u8).collect()
        } else {
            v.as_bytes().to_vec()
        };
        let value = HeaderValue::from_bytes(&bytes).map_err(|_| {
            err(
                "ERR_INVALID_CHAR",
                format!("Invalid character in header content [\"{k}\"]"),
            )
        })?;
        map.append(name, value);
    }
    Ok(map)
}

/// A response from either way of sending.
enum Sent {
    Reqwest(reqwest::Response),
    Direct(super::direct::Response),
}

impl Sent {
    fn status(&self) -> reqwest::StatusCode {
        match self {
            Sent::Reqwest(r) => r.status(),
            Sent::Direct(r) => r.status,
        }
    }

    fn headers(&self) -> &HeaderMap {
        match self {
            Sent::Reqwest(r) => r.headers(),
            Sent::Direct(r) => &r.headers,
        }
    }

    async fn bytes(self, client: &HttpClient, url: &url::Url) -> Result<Bytes, RequestError> {
        match self {
            Sent::Reqwest(r) => r
                .bytes()
                .await
                .map_err(|e| client.request_error(&e, url, true)),
            Sent::Direct(r) => Ok(r.body),
        }
    }
}

/// Header names come from hyper lower-cased; print them the way most
/// servers send them (`content-type` → `Content-Type`).
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut up = true;
    for c in name.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == '-';
    }
    out
}

/// Decode a body per `Content-Encoding` (gzip, deflate with or without the
/// zlib wrapper, br); undecodable bodies are kept as received.
fn decode(encoding: Option<&str>, raw: &Bytes) -> Bytes {
    let Some(enc) = encoding.map(|e| e.trim().to_ascii_lowercase()) else {
        return raw.clone();
    };
    if raw.is_empty() {
        return raw.clone();
    }
    let mut out = Vec::new();
    let ok = match enc.as_str() {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .is_ok(),
        "deflate" => {
            flate2::read::ZlibDecoder::new(&raw[..])
                .read_to_end(&mut out)
                .is_ok()
                || {
                    out.clear();
                    flate2::read::DeflateDecoder::new(&raw[..])
                        .read_to_end(&mut out)
                        .is_ok()
                }
        }
        "br" => brotli::Decompressor::new(&raw[..], 4096)
            .read_to_end(&mut out)
            .is_ok(),
        _ => return raw.clone(),
    };
    if ok {
        Bytes::from(out)
    } else {
        raw.clone()
    }
}

impl HttpClient {
    /// A client for a run. Files named by the options are read here, so
    /// that a missing or broken one stops the run before it starts; TLS
    /// settings and the proxy client are made when a request needs them
    /// (loading the system's trusted certificates is most of a plain
    /// run's start-up).
    pub fn new(options: HttpOptions) -> Result<Self, String> {
        extra_roots(&options)?;
        let certs = super::tls::load(&options)?;
        let proxies = options
            .proxy
            .clone()
            .unwrap_or_else(super::proxy::ProxyEnv::from_env);
        Ok(HttpClient {
            certs,
            tls: Default::default(),
            proxied: Default::default(),
            direct: Default::default(),
            proxies,
            options,
            jar: Arc::new(CookieJar::default()),
            auth: Default::default(),
            busy_poll: Default::default(),
        })
    }

    /// Same, sharing a jar (for example one loaded from `--cookie-jar`).
    pub fn with_jar(options: HttpOptions, jar: Arc<CookieJar>) -> Result<Self, String> {
        let mut c = HttpClient::new(options)?;
        c.jar = jar;
        Ok(c)
    }

    /// The TLS settings a request to `url` gets: the client certificate
    /// that matches it, certificates checked unless `strictSSL` is off
    /// (which already holds `-k` unless the item sets it).
    fn tls_key(&self, opts: &SendOptions, url: &str) -> TlsKey {
        let cert = super::tls::select(&self.certs, url)
            .filter(|i| !matches!(self.certs[*i].identity, Err(Unusable::Skipped(_))));
        (cert, !opts.strict_ssl)
    }

    /// The error of a failure to make what `key` needs: the
    /// certificate's when there is one.
    fn setup_error(key: TlsKey, message: String) -> RequestError {
        err(
            if key.0.is_some() {
                "ERR_TLS_CERT"
            } else {
                "EINVAL"
            },
            message,
        )
    }

    fn tls_config_for(&self, key: TlsKey) -> Result<Arc<rustls::ClientConfig>, String> {
        cached(&self.tls, key, || {
            let identity = match key.0.map(|i| &self.certs[i].identity) {
                Some(Ok(pem)) => Some(pem.as_slice()),
                Some(Err(Unusable::Invalid(e))) => return Err(e.clone()),
                _ => None,
            };
            tls_config(&self.options, key.1, identity).map(Arc::new)
        })
    }

    /// The TLS settings for `key`.
    fn tls_for(&self, key: TlsKey) -> Result<Arc<rustls::ClientConfig>, RequestError> {
        self.tls_config_for(key)
            .map_err(|e| Self::setup_error(key, e))
    }

    /// The reqwest client (for proxied requests) for `key`.
    fn client_for(&self, key: TlsKey) -> Result<reqwest::Client, RequestError> {
        cached(&self.proxied, key, || {
            build_client(&self.options, (*self.tls_config_for(key)?).clone())
        })
        .map_err(|e| Self::setup_error(key, e))
    }

    /// Whether a request goes over a direct connection ([`super::direct`])
    /// rather than through reqwest: no proxy applies to it.
    fn goes_direct(&self, url: &url::Url) -> bool {
        matches!(url.scheme(), "http" | "https") && self.proxies.for_url(url).is_none()
    }

    /// The runtime's warnings for a request to `url`: the files of its
    /// client certificate that could not be read (it goes without one).
    pub fn certificate_warnings(&self, url: &str) -> &[String] {
        super::tls::warnings(&self.certs, url)
    }

    /// The error of a request, worded for the proxy when one was used.
    fn request_error(&self, e: &reqwest::Error, url: &url::Url, received: bool) -> RequestError {
        let mapped = map_reqwest(e, url, received);
        match self.proxies.for_url(url) {
            Some(proxy) => super::proxy::map_error(e, &proxy, url, mapped),
            None => mapped,
        }
    }

    /// Send a request, following redirects as `opts` says, storing and
    /// sending cookies through the jar unless disabled.
    pub async fn send(
        &self,
        req: &PreparedRequest,
        opts: &SendOptions,
    ) -> Result<ResponseData, RequestError> {
        self.send_with_jar(req, opts, &self.jar).await
    }

    /// [`HttpClient::send`] with another jar than the run's (a snapshot
    /// for a concurrent execution).
    pub async fn send_with_jar(
        &self,
        req: &PreparedRequest,
        opts: &SendOptions,
        jar: &CookieJar,
    ) -> Result<ResponseData, RequestError> {
        // the certificate is chosen once, for the request's own URL, and
        // kept across redirects (Newman's runtime resolves it once per
        // request too)
        let tls_key = self.tls_key(opts, &req.url);
        let mut set_cookie_log: Vec<(String, Vec<String>)> = Vec::new();
        let started = Instant::now();
        let mut hop = Hop::new(req);
        let original_cookie = hop.header("cookie").map(str::to_string);
        let mut first_headers: Option<Vec<(String, String)>> = None;
        let mut followed = 0usize;
        let mut set_by_response = Vec::new();
        loop {
            if !opts.disable_cookies {
                if let Some(from_jar) = jar.header_for(&hop.url) {
                    let value = match &original_cookie {
                        Some(o) => format!("{o}; {from_jar}"),
                        None => from_jar,
                    };
                    hop.set_header("Cookie", &value);
                }
            }
            if first_headers.is_none() {
                first_headers = Some(hop.headers.clone());
            }
            let url = url::Url::parse(&hop.url)
                .map_err(|_| err("ERR_INVALID_URL", format!("Invalid URI \"{}\"", hop.url)))?;
            let method = reqwest::Method::from_bytes(hop.method.as_bytes()).map_err(|_| {
                err(
                    "ERR_INVALID_HTTP_TOKEN",
                    format!("Method must be a valid HTTP token [\"{}\"]", hop.method),
                )
            })?;
            let mut resp = if self.goes_direct(&url) {
                let tls = match url.scheme() {
                    "https" => Some((tls_key, self.tls_for(tls_key)?)),
                    _ => None,
                };
                Sent::Direct(
                    self.direct
                        .send(super::direct::Exchange {
                            method,
                            url: &url,
                            headers: header_map(&hop.headers)?,
                            body: hop.body.clone(),
                            tls,
                            timeout: self.options.timeout_request,
                        })
                        .await?,
                )
            } else {
                let client = self.client_for(tls_key)?;
                let mut rb = client
                    .request(method, url.clone())
                    .headers(header_map(&hop.headers)?);
                if let Some(b) = &hop.body {
                    rb = rb.body(b.clone());
                }
                Sent::Reqwest(
                    rb.send()
                        .await
                        .map_err(|e| self.request_error(&e, &url, false))?,
                )
            };
            let status = resp.status();
            // Names as they came over the wire where the connection is ours;
            // through reqwest only hyper's lower-cased ones are left.
            let wire = match &mut resp {
                Sent::Direct(r) => r.wire.take(),
                Sent::Reqwest(_) => None,
            };
            let headers: Vec<(String, String)> = match wire {
                Some(lines) => lines,
                None => resp
                    .headers()
                    .iter()
                    .map(|(k, v)| {
                        (
                            title_case(k.as_str()),
                            v.as_bytes().iter().map(|&b| b as char).collect::<String>(),
                        )
                    })
                    .collect(),
            };
            let set_cookies: Vec<String> = headers
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
                .map(|(_, v)| v.clone())
                .collect();
            if !opts.disable_cookies && !set_cookies.is_empty() {
                set_cookie_log.push((hop.url.clone(), set_cookies.clone()));
                set_by_response = jar.store_from_response(&hop.url, &set_cookies);
            } else {
                set_by_response.clear();
            }
            let location = headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("location"))
                .map(|(_, v)| v.clone());
            if opts.follow_redirects && (300..400).contains(&status.as_u16()) {
                if let Some(loc) = location {
                    if followed >= opts.max_redirects {
                        return Err(err(
                            "ERR_MAX_REDIRECTS",
                            format!(
                                "Exceeded maxRedirects. Probably stuck in a redirect loop {}",
                                hop.url
                            ),
                        ));
                    }
                    followed += 1;
                    // let the connection be reused
                    let _ = resp.bytes(self, &url).await;
                    redirect::follow(&mut hop, &loc, status.as_u16(), opts);
                    continue;
                }
            }
            let wire = resp.bytes(self, &url).await?;
            let encoding = headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("content-encoding"))
                .map(|(_, v)| v.as_str());
            let body = decode(encoding, &wire);
            // Newman shows `<none>` for a status code without a standard reason.
            let reason = status.canonical_reason().unwrap_or("<none>").to_string();
            let header_size = format!("HTTP/1.1 {} {}\r\n", status.as_u16(), reason).len()
                + headers
                    .iter()
                    .map(|(k, v)| k.len() + v.len() + 4)
                    .sum::<usize>()
                + 2;
            return Ok(ResponseData {
                code: status.as_u16(),
                status: reason,
                headers,
                wire_size: wire.len(),
                body,
                response_time: started.elapsed().as_secs_f64() * 1000.0,
                url: hop.url.clone(),
                header_size,
                cookies: set_by_response,
                request_headers: first_headers.unwrap_or_default(),
                redirects: followed,
                set_cookie_log,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_gzip_deflate_brotli_and_keeps_unknown() {
        use std::io::Write;
        let text = b"hello hello hello";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text).expect("gz");
        let gz = Bytes::from(gz.finish().expect("gz"));
        assert_eq!(&decode(Some("gzip"), &gz)[..], text);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(text).expect("z");
        assert_eq!(
            &decode(Some("deflate"), &Bytes::from(z.finish().expect("z")))[..],
            text
        );
        let mut raw =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        raw.write_all(text).expect("raw");
        assert_eq!(
            &decode(Some("deflate"), &Bytes::from(raw.finish().expect("raw")))[..],
            text
        );
        let mut br = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut br, 4096, 5, 22);
            w.write_all(text).expect("br");
        }
        assert_eq!(&decode(Some("br"), &Bytes::from(br))[..], text);
        assert_eq!(&decode(Some("zstd"), &Bytes::from_static(b"x"))[..], b"x");
        assert_eq!(
            &decode(Some("gzip"), &Bytes::from_static(b"not gzip"))[..],
            b"not gzip"
        );
    }

    #[test]
    fn header_names_title_cased() {
        assert_eq!(title_case("content-type"), "Content-Type");
        assert_eq!(title_case("x-powered-by"), "X-Powered-By");
    }

    #[test]
    fn invalid_header_values_are_node_errors() {
        let e = header_map(&[("X".into(), "a\r\nb".into())]).expect_err("invalid");
        assert_eq!(e.message, "Invalid character in header content [\"X\"]");
        let e = header_map(&[("Bad Name".into(), "v".into())]).expect_err("invalid");
        assert_eq!(
            e.message,
            "Header name must be a valid HTTP token [\"Bad Name\"]"
        );
        assert!(header_map(&[("X".into(), "é".into())]).is_ok());
    }
}
