//! HTTP: the run's client, redirects followed by postgate itself (so that
//! `protocolProfileBehavior` works per request), the cookie jar, timeouts,
//! and the response data every consumer shares.

pub mod busy_poll;
pub mod client;
pub mod cookies;
mod direct;
mod errors;
mod legacy_pem;
pub mod proxy;
pub(crate) mod redirect;
pub(crate) mod tls;
mod verify;

use std::sync::Arc;

use bytes::Bytes;
use serde::Serialize;

pub use client::{HttpClient, HttpOptions, PreparedRequest, RequestError, SendOptions};
pub use cookies::CookieJar;

/// A response as every consumer (scripts, reporters) sees it. The body is
/// held once (`Bytes`) and shared.
#[derive(Debug, Clone, Default)]
pub struct ResponseData {
    pub code: u16,
    /// Reason phrase (`OK`, `Not Found`).
    pub status: String,
    /// Headers in the order received, names as sent by the server.
    pub headers: Vec<(String, String)>,
    /// The decoded body (after gzip/deflate/br).
    pub body: Bytes,
    /// Milliseconds from sending to the complete body.
    pub response_time: f64,
    /// The final URL after redirects.
    pub url: String,
    /// Size of the body as received on the wire (before decoding), bytes.
    pub wire_size: usize,
    /// Approximate size of the header block, bytes.
    pub header_size: usize,
    /// Cookies this response set (stored in the jar). Note: Newman 6.2's
    /// own `pm.response.cookies` is always empty; `pm.cookies` is the jar's
    /// cookies for [`ResponseData::url`] (`CookieJar::cookies_for`).
    pub cookies: Vec<CookieData>,
    /// The headers of the first hop as sent, Cookie included (Newman
    /// reports Cookie in the request; see `request::note_sent_headers`).
    pub request_headers: Vec<(String, String)>,
    /// How many redirects were followed.
    pub redirects: usize,
    /// Every `Set-Cookie` received, per hop: (URL of the hop, values).
    /// Lets a concurrent execution's cookies be applied to the run's jar
    /// later, in collection order.
    pub set_cookie_log: Vec<(String, Vec<String>)>,
}

impl ResponseData {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A URL's host without the brackets of an IPv6 address (`::1`, not
/// `[::1]`), as sockets, certificates and error messages name it.
pub(crate) fn bare_host(url: &url::Url) -> String {
    url.host_str()
        .unwrap_or_default()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string()
}

/// A cookie in Postman's shape (`pm.cookies`, the JSON report).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct CookieData {
    pub name: String,
    pub value: String,
    pub domain: String,
    pub path: String,
    pub expires: Option<String>,
    #[serde(rename = "httpOnly")]
    pub http_only: bool,
    pub secure: bool,
    #[serde(rename = "hostOnly")]
    pub host_only: bool,
}

pub type SharedResponse = Arc<ResponseData>;

#[cfg(test)]
mod tests;
