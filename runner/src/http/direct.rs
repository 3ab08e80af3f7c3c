//! HTTP/1.1 over hyper with a keep-alive pool of our own, for every request
//! that reaches its server directly (proxied requests go through reqwest).
//! Owning the connection is what lets postgate
//! - send exactly the prepared headers: reqwest adds `accept: */*` to any
//!   request without one, and `disabledSystemHeaders` must be able to drop it;
//! - report response header names in the case and order they came over the
//!   wire, as Newman does (hyper's `HeaderMap` lower-cases and groups them):
//!   [`HeadTap`] keeps a copy of each response head as the connection reads
//!   it;
//! - skip reqwest's per-request layers, which cost more than the loopback
//!   round trip they wrap.
//!
//! Timeouts are those of the reqwest client: `timeout` bounds connecting,
//! then the wait for the response head, then each wait for more of the body.

use std::collections::HashMap;
use std::error::Error as StdError;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use reqwest::header::{HeaderMap, HeaderValue, HOST};
use reqwest::{Method, StatusCode};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::errors::{map_error, Kind};
use super::RequestError;

/// How long an unused connection is kept for the next request.
const IDLE_FOR: Duration = Duration::from_secs(30);

/// Largest response head copied for its header names; a larger one is
/// reported with title-cased names instead.
const HEAD_LIMIT: usize = 256 * 1024;

/// A response read in full.
pub(super) struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The header lines as received (name case, order, repeats), when the
    /// head could be read back and agrees with `headers`.
    pub wire: Option<Vec<(String, String)>>,
    pub body: Bytes,
}

/// Which TLS settings a connection was made with: the client certificate
/// (its index in the run's list) and whether certificates are checked.
pub(super) type TlsKey = (Option<usize>, bool);

/// Where a pooled connection goes (TLS settings for `https`, none for
/// `http`); connections are shared only between requests with the same
/// target.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Target {
    host: String,
    port: u16,
    tls: Option<TlsKey>,
}

/// One request, as [`Pool::send`] takes it.
pub(super) struct Exchange<'a> {
    pub method: Method,
    pub url: &'a url::Url,
    pub headers: HeaderMap,
    pub body: Option<Bytes>,
    /// The TLS settings, and which they are: given for `https` URLs only.
    pub tls: Option<(TlsKey, Arc<rustls::ClientConfig>)>,
    pub timeout: Option<Duration>,
}

/// Idle keep-alive connections by target, the most recently used last.
#[derive(Default)]
pub(super) struct Pool {
    idle: Mutex<HashMap<Target, Vec<Conn>>>,
}

struct Conn {
    sender: SendRequest<Full<Bytes>>,
    tap: Arc<HeadTap>,
    since: Instant,
}

impl Pool {
    fn idle(&self) -> MutexGuard<'_, HashMap<Target, Vec<Conn>>> {
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A live idle connection to `target`, if there is one.
    async fn checkout(&self, target: &Target) -> Option<Conn> {
        loop {
            let mut conn = self.idle().get_mut(target)?.pop()?;
            if conn.since.elapsed() > IDLE_FOR || conn.sender.is_closed() {
                continue;
            }
            // Ready at once unless the connection is still finishing the
            // previous exchange; closed ones say so here.
            if conn.sender.is_ready() || conn.sender.ready().await.is_ok() {
                return Some(conn);
            }
        }
    }

    fn checkin(&self, target: Target, mut conn: Conn) {
        if conn.sender.is_closed() {
            return;
        }
        conn.since = Instant::now();
        self.idle().entry(target).or_default().push(conn);
    }

    /// Send one request (no redirects followed) and read its response.
    pub(super) async fn send(&self, ex: Exchange<'_>) -> Result<Response, RequestError> {
        let Exchange {
            method,
            url,
            headers,
            body,
            tls,
            timeout,
        } = ex;
        let fail = |e: &(dyn StdError + 'static), kind: Kind, received: bool| {
            map_error(e, kind, url, received)
        };
        let timed_out = |received| {
            fail(
                &Elapsed,
                Kind {
                    timeout: true,
                    ..Kind::default()
                },
                received,
            )
        };
        let target = Target {
            host: super::bare_host(url),
            port: url.port_or_known_default().unwrap_or(80),
            tls: tls.as_ref().map(|(k, _)| *k),
        };
        let config = tls.map(|(_, c)| c);
        let connect = || connect(&target, config.clone(), timeout, url);
        let mut request = self::request(method, url, headers, body)?;
        let (mut conn, mut reused) = match self.checkout(&target).await {
            Some(c) => (c, true),
            None => (connect().await?, false),
        };
        let response = loop {
            conn.tap.arm();
            match within(timeout, conn.sender.try_send_request(request)).await {
                Err(_) => return Err(timed_out(false)),
                Ok(Ok(r)) => break r,
                Ok(Err(mut e)) => match e.take_message() {
                    // The pooled connection closed before the request went
                    // out (the server let it go): once more on a new one.
                    Some(again) if reused => {
                        request = again;
                        reused = false;
                        conn = connect().await?;
                    }
                    _ => return Err(fail(e.error(), Kind::default(), false)),
                },
            }
        };
        let (parts, mut incoming) = response.into_parts();
        let mut chunks: Vec<Bytes> = Vec::new();
        loop {
            match within(timeout, incoming.frame()).await {
                Err(_) => return Err(timed_out(true)),
                Ok(None) => break,
                Ok(Some(Err(e))) => return Err(fail(&e, Kind::default(), true)),
                Ok(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        chunks.push(data);
                    }
                }
            }
        }
        let body = match chunks.len() {
            0 => Bytes::new(),
            1 => chunks.pop().unwrap_or_default(),
            _ => {
                let mut all = BytesMut::with_capacity(chunks.iter().map(Bytes::len).sum());
                chunks.iter().for_each(|c| all.extend_from_slice(c));
                all.freeze()
            }
        };
        let wire = conn
            .tap
            .take()
            .and_then(|head| wire_headers(&head))
            .filter(|lines| lines.len() == parts.headers.len());
        self.checkin(target, conn);
        Ok(Response {
            status: parts.status,
            headers: parts.headers,
            wire,
            body,
        })
    }
}

/// The hyper request: origin-form target, the prepared headers (a Host
/// header made from the URL when they have none, as Node adds one).
fn request(
    method: Method,
    url: &url::Url,
    headers: HeaderMap,
    body: Option<Bytes>,
) -> Result<hyper::Request<Full<Bytes>>, RequestError> {
    let target: hyper::Uri = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
    .parse()
    .map_err(|_| super::errors::err("ERR_INVALID_URL", format!("Invalid URI \"{url}\"")))?;
    let mut req = hyper::Request::new(Full::new(body.unwrap_or_default()));
    *req.method_mut() = method;
    *req.uri_mut() = target;
    *req.headers_mut() = headers;
    if !req.headers().contains_key(HOST) {
        let host = url.host_str().unwrap_or_default();
        let value = match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_string(),
        };
        if let Ok(v) = HeaderValue::from_str(&value) {
            req.headers_mut().insert(HOST, v);
        }
    }
    Ok(req)
}

/// A new connection to `target`: TCP, TLS when there are settings for it,
/// the HTTP/1.1 handshake; the connection itself runs as a task of its own.
async fn connect(
    target: &Target,
    tls: Option<Arc<rustls::ClientConfig>>,
    timeout: Option<Duration>,
    url: &url::Url,
) -> Result<Conn, RequestError> {
    let connect_kind = Kind {
        connect: true,
        ..Kind::default()
    };
    let open = async {
        let tcp = tokio::net::TcpStream::connect((target.host.as_str(), target.port)).await?;
        let _ = tcp.set_nodelay(true);
        match tls {
            Some(config) => {
                let name = rustls::pki_types::ServerName::try_from(target.host.clone())
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
                let tls = tokio_rustls::TlsConnector::from(config)
                    .connect(name, tcp)
                    .await?;
                Ok::<Box<dyn Io>, std::io::Error>(Box::new(tls))
            }
            None => Ok(Box::new(tcp) as Box<dyn Io>),
        }
    };
    let io = within(timeout, open)
        .await
        .map_err(|_| {
            map_error(
                &Elapsed,
                Kind {
                    timeout: true,
                    ..connect_kind
                },
                url,
                false,
            )
        })?
        .map_err(|e| map_error(&e, connect_kind, url, false))?;
    let tap = Arc::new(HeadTap::default());
    let io = Tapped {
        inner: io,
        tap: tap.clone(),
    };
    let (sender, conn) = hyper::client::conn::http1::Builder::new()
        .title_case_headers(true)
        .handshake(TokioIo::new(io))
        .await
        .map_err(|e| map_error(&e, Kind::default(), url, false))?;
    tokio::spawn(conn);
    Ok(Conn {
        sender,
        tap,
        since: Instant::now(),
    })
}

/// A copy of the next response head read on a connection. Armed before a
/// request goes out; the bytes read from then on are kept until the blank
/// line that ends a final (non-1xx) head.
#[derive(Default)]
struct HeadTap {
    state: Mutex<TapState>,
}

#[derive(Default)]
struct TapState {
    armed: bool,
    buf: Vec<u8>,
    head: Option<Vec<u8>>,
}

impl HeadTap {
    fn lock(&self) -> MutexGuard<'_, TapState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn arm(&self) {
        let mut s = self.lock();
        s.armed = true;
        s.buf.clear();
        s.head = None;
    }

    fn take(&self) -> Option<Vec<u8>> {
        self.lock().head.take()
    }

    fn seen(&self, bytes: &[u8]) {
        let mut guard = self.lock();
        let s = &mut *guard;
        if !s.armed {
            return;
        }
        // the end of a head may straddle two reads
        let mut from = s.buf.len().saturating_sub(3);
        s.buf.extend_from_slice(bytes);
        while let Some(at) = memchr::memmem::find(&s.buf[from..], b"\r\n\r\n") {
            let end = from + at + 4;
            if s.buf.starts_with(b"HTTP/1.1 1") || s.buf.starts_with(b"HTTP/1.0 1") {
                // an informational head (100 Continue): the final one follows
                s.buf.drain(..end);
                from = 0;
                continue;
            }
            s.buf.truncate(end);
            s.head = Some(std::mem::take(&mut s.buf));
            s.armed = false;
            return;
        }
        if s.buf.len() > HEAD_LIMIT {
            s.armed = false;
            s.buf = Vec::new();
        }
    }
}

/// The header lines of a response head, bytes as Latin-1 (as Node reads
/// them), values without surrounding blanks; folded lines joined.
fn wire_headers(head: &[u8]) -> Option<Vec<(String, String)>> {
    let text: String = head.iter().map(|&b| b as char).collect();
    let mut lines = text.split("\r\n");
    lines.next()?;
    let mut out: Vec<(String, String)> = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        if line.starts_with([' ', '\t']) {
            let (_, value) = out.last_mut()?;
            value.push(' ');
            value.push_str(line.trim_matches([' ', '\t']));
            continue;
        }
        let (name, value) = line.split_once(':')?;
        out.push((
            name.to_string(),
            value.trim_matches([' ', '\t']).to_string(),
        ));
    }
    Some(out)
}

trait Io: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> Io for T {}

/// A connection's I/O with its [`HeadTap`] reading along.
struct Tapped {
    inner: Box<dyn Io>,
    tap: Arc<HeadTap>,
}

impl AsyncRead for Tapped {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            let new = &buf.filled()[before..];
            if !new.is_empty() {
                this.tap.seen(new);
            }
        }
        polled
    }
}

impl AsyncWrite for Tapped {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_tap_keeps_the_final_head_across_reads_and_skips_informational_ones() {
        let tap = HeadTap::default();
        tap.seen(b"HTTP/1.1 200 OK\r\n\r\n");
        assert_eq!(tap.take(), None, "bytes before arming are not a head");
        tap.arm();
        tap.seen(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nX-Mixed-Case: a\r");
        assert_eq!(tap.take(), None);
        tap.seen(b"\n\r\nbody bytes");
        assert_eq!(
            tap.take().as_deref(),
            Some(&b"HTTP/1.1 200 OK\r\nX-Mixed-Case: a\r\n\r\n"[..])
        );
        tap.seen(b"HTTP/1.1 204 No Content\r\n\r\n");
        assert_eq!(tap.take(), None, "one head per arming");
    }

    #[test]
    fn wire_headers_keep_case_order_repeats_and_join_folded_lines() {
        let head = b"HTTP/1.1 200 OK\r\nx-lower: 1\r\nContent-Type:  text/plain \r\nSet-Cookie: a=1\r\nX-Folded: one\r\n  two\r\nSet-Cookie: b=2\r\ncaf\xe9: \xe9\r\n\r\n";
        let lines = wire_headers(head).expect("parsed");
        let names: Vec<&str> = lines.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "x-lower",
                "Content-Type",
                "Set-Cookie",
                "X-Folded",
                "Set-Cookie",
                "caf\u{e9}"
            ]
        );
        assert_eq!(lines[1].1, "text/plain");
        assert_eq!(lines[3].1, "one two");
        assert_eq!(lines[5].1, "\u{e9}");
    }
}
