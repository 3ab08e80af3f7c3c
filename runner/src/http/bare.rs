//! One HTTP/1.1 exchange on a connection of its own, for a request whose
//! `Accept` system header is disabled (`disabledSystemHeaders`). reqwest
//! adds `accept: */*` to every request that has none and has no way to turn
//! that off, so such a request goes through hyper directly: TCP, TLS with
//! the client's settings, the headers exactly as prepared. Used only when no
//! proxy applies (proxied requests keep going through reqwest).

use std::error::Error as StdError;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use tokio::io::{AsyncRead, AsyncWrite};

use super::errors::{map_error, Kind};
use super::RequestError;

/// A response read in full.
pub(super) struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// Send one request to `url` (no redirects followed). `tls` is used for
/// `https` URLs; `timeout` bounds the connection and, separately, the
/// response, as the client's connect and read timeouts do.
pub(super) async fn send(
    method: Method,
    url: &url::Url,
    headers: HeaderMap,
    body: Option<Bytes>,
    tls: Option<Arc<rustls::ClientConfig>>,
    timeout: Option<Duration>,
) -> Result<Response, RequestError> {
    let fail = |e: &(dyn StdError + 'static), kind: Kind, received: bool| {
        map_error(e, kind, url, received)
    };
    let host = url.host_str().unwrap_or_default();
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let port = url.port_or_known_default().unwrap_or(80);
    let connect = async {
        let tcp = tokio::net::TcpStream::connect((host.as_str(), port)).await?;
        let _ = tcp.set_nodelay(true);
        match (url.scheme(), tls) {
            ("https", Some(config)) => {
                let name = rustls::pki_types::ServerName::try_from(host.clone())
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
                let tls = tokio_rustls::TlsConnector::from(config)
                    .connect(name, tcp)
                    .await?;
                Ok::<Box<dyn Io>, std::io::Error>(Box::new(tls))
            }
            _ => Ok(Box::new(tcp) as Box<dyn Io>),
        }
    };
    let connect_kind = Kind {
        connect: true,
        ..Kind::default()
    };
    let io = within(timeout, connect)
        .await
        .map_err(|_| {
            fail(
                &Elapsed,
                Kind {
                    timeout: true,
                    ..connect_kind
                },
                false,
            )
        })?
        .map_err(|e| fail(&e, connect_kind, false))?;

    // origin form: the Host header is among the prepared ones
    let target: hyper::Uri = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
    .parse()
    .map_err(|_| super::errors::err("ERR_INVALID_URL", format!("Invalid URI \"{url}\"")))?;
    let exchange = async {
        let (mut sender, conn) = hyper::client::conn::http1::Builder::new()
            .title_case_headers(true)
            .handshake(TokioIo::new(io))
            .await
            .map_err(|e| (e, false))?;
        tokio::spawn(conn);
        let mut req = hyper::Request::new(Full::new(body.unwrap_or_default()));
        *req.method_mut() = method;
        *req.uri_mut() = target;
        *req.headers_mut() = headers;
        let resp = sender.send_request(req).await.map_err(|e| (e, false))?;
        let (parts, incoming) = resp.into_parts();
        let body = incoming.collect().await.map_err(|e| (e, true))?.to_bytes();
        Ok::<Response, (hyper::Error, bool)>(Response {
            status: parts.status,
            headers: parts.headers,
            body,
        })
    };
    match within(timeout, exchange).await {
        Err(_) => Err(fail(
            &Elapsed,
            Kind {
                timeout: true,
                ..Kind::default()
            },
            false,
        )),
        Ok(Err((e, received))) => Err(fail(&e, Kind::default(), received)),
        Ok(Ok(r)) => Ok(r),
    }
}

trait Io: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> Io for T {}

/// A timeout, as an error the mapping can take.
#[derive(Debug)]
struct Elapsed;

impl std::fmt::Display for Elapsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("timed out")
    }
}

impl StdError for Elapsed {}

/// `fut`, bounded by `limit` when there is one (zero means none, as on the
/// command line).
async fn within<F: std::future::Future>(
    limit: Option<Duration>,
    fut: F,
) -> Result<F::Output, tokio::time::error::Elapsed> {
    match limit.filter(|t| !t.is_zero()) {
        Some(t) => tokio::time::timeout(t, fut).await,
        None => Ok(fut.await),
    }
}
