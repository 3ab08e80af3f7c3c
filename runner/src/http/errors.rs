//! Turning transport failures into the errors Newman users see, with Node's
//! codes and wording: `connect ECONNREFUSED 127.0.0.1:PORT`, `getaddrinfo
//! ENOTFOUND host`, `ESOCKETTIMEDOUT` / `ETIMEDOUT`, `socket hang up`,
//! `read ECONNRESET`, and TLS failures (`self-signed certificate`,
//! `certificate has expired`, `Hostname/IP does not match certificate's
//! altnames: …`).

use std::error::Error as StdError;

use super::RequestError;

pub(crate) fn err(code: &str, message: impl Into<String>) -> RequestError {
    RequestError {
        code: code.to_string(),
        message: message.into(),
    }
}

/// The peer address of a URL as Node prints it (`127.0.0.1:3000`).
fn addr_of(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or_default();
    let port = url.port_or_known_default().unwrap_or(80);
    let host = if host == "localhost" {
        "127.0.0.1"
    } else {
        host
    };
    format!(
        "{}:{port}",
        host.trim_start_matches('[').trim_end_matches(']')
    )
}

fn chain<'a>(e: &'a (dyn StdError + 'static)) -> Vec<&'a (dyn StdError + 'static)> {
    let mut out = vec![e];
    let mut cur = e.source();
    while let Some(s) = cur {
        out.push(s);
        cur = s.source();
    }
    out
}

/// hyper's parse errors and the errors Node's HTTP parser gives for the
/// same responses (checked with Newman 6.2 against `/faulty/…`).
const PARSE_ERRORS: &[(&str, &str, &str)] = &[
    (
        "invalid HTTP status-code parsed",
        "HPE_INVALID_STATUS",
        "Parse Error: Invalid status code",
    ),
    (
        "invalid HTTP version parsed",
        "HPE_INVALID_CONSTANT",
        "Parse Error: Expected HTTP/, RTSP/ or ICE/",
    ),
    (
        "invalid HTTP header parsed",
        "HPE_INVALID_HEADER_TOKEN",
        "Parse Error: Invalid header token",
    ),
    (
        "message head is too large",
        "HPE_HEADER_OVERFLOW",
        "Parse Error: Header overflow",
    ),
    (
        "Invalid chunk size",
        "HPE_INVALID_CHUNK_SIZE",
        "Parse Error: Invalid character in chunk size",
    ),
];

/// Map a reqwest failure for `url` to Newman's error.
pub(crate) fn map_reqwest(
    e: &reqwest::Error,
    url: &url::Url,
    received_response: bool,
) -> RequestError {
    let kind = Kind {
        timeout: e.is_timeout(),
        connect: e.is_connect(),
        builder: e.is_builder(),
    };
    map_error(e, kind, url, received_response)
}

/// What the HTTP stack knew of an error besides its source chain.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Kind {
    pub timeout: bool,
    pub connect: bool,
    pub builder: bool,
}

/// [`map_reqwest`] for an error of any HTTP stack.
pub(crate) fn map_error(
    e: &(dyn StdError + 'static),
    kind: Kind,
    url: &url::Url,
    received_response: bool,
) -> RequestError {
    let host = url.host_str().unwrap_or_default().to_string();
    let links = chain(e);
    if let Some((code, msg)) = super::tls::node_tls_error(&links, url) {
        return err(&code, msg);
    }
    if kind.timeout {
        return if kind.connect {
            err("ETIMEDOUT", "ETIMEDOUT")
        } else {
            err("ESOCKETTIMEDOUT", "ESOCKETTIMEDOUT")
        };
    }
    for l in &links {
        if let Some(io) = l.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as K;
            match io.kind() {
                K::ConnectionRefused => {
                    return err(
                        "ECONNREFUSED",
                        format!("connect ECONNREFUSED {}", addr_of(url)),
                    );
                }
                K::ConnectionReset | K::BrokenPipe => {
                    return if received_response {
                        err("ECONNRESET", "read ECONNRESET")
                    } else {
                        err("ECONNRESET", "socket hang up")
                    };
                }
                K::ConnectionAborted | K::UnexpectedEof => {
                    // Node: `aborted` once the response head was read.
                    return err(
                        "ECONNRESET",
                        if received_response {
                            "aborted"
                        } else {
                            "socket hang up"
                        },
                    );
                }
                K::TimedOut => {
                    return err("ETIMEDOUT", format!("connect ETIMEDOUT {}", addr_of(url)))
                }
                K::AddrNotAvailable => {
                    return err(
                        "EADDRNOTAVAIL",
                        format!("connect EADDRNOTAVAIL {}", addr_of(url)),
                    )
                }
                _ => {}
            }
            let text = io.to_string();
            if text.contains("failed to lookup address")
                || text.contains("Name or service not known")
                || text.contains("No address associated")
            {
                return err("ENOTFOUND", format!("getaddrinfo ENOTFOUND {host}"));
            }
        }
    }
    let text = links
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(": ");
    // A response hyper could not parse: Node's llhttp wording.
    for (needle, code, message) in PARSE_ERRORS {
        if text.contains(needle) {
            return err(code, *message);
        }
    }
    let lower = text.to_ascii_lowercase();
    if lower.contains("dns error")
        || lower.contains("failed to lookup address")
        || lower.contains("name or service not known")
    {
        return err("ENOTFOUND", format!("getaddrinfo ENOTFOUND {host}"));
    }
    if lower.contains("connection refused") {
        return err(
            "ECONNREFUSED",
            format!("connect ECONNREFUSED {}", addr_of(url)),
        );
    }
    if lower.contains("connection closed before message completed")
        || lower.contains("incomplete message")
        || lower.contains("connection reset")
        || lower.contains("unexpected eof")
    {
        return err(
            "ECONNRESET",
            match (received_response, lower.contains("connection reset")) {
                (true, true) => "read ECONNRESET",
                (true, false) => "aborted",
                (false, _) => "socket hang up",
            },
        );
    }
    if lower.contains("invalid certificate") || lower.contains("certificate") {
        return err(
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            "unable to verify the first certificate",
        );
    }
    if kind.builder {
        return err("ERR_INVALID_URL", format!("Invalid URI \"{url}\""));
    }
    err("EUNKNOWN", text)
}
