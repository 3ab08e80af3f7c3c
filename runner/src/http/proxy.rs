//! Proxies from the environment, as postman-request picks them (Newman has
//! no proxy flag): `NO_PROXY`/`no_proxy` first (`*`, or a comma list of
//! host suffixes with optional `:port`), then `HTTP_PROXY`/`http_proxy` for
//! `http:` URLs and `HTTPS_PROXY`/`https_proxy`, falling back to the HTTP
//! ones, for `https:` URLs. Upper case wins over lower case; an empty value
//! counts as unset. Credentials in the proxy URL become
//! `Proxy-Authorization: Basic …`. HTTPS goes through a `CONNECT` tunnel,
//! HTTP is forwarded in absolute form.

use super::client::RequestError;
use super::errors::err;

/// The proxy settings read once at start-up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProxyEnv {
    pub no_proxy: String,
    pub http: Option<String>,
    pub https: Option<String>,
}

fn var(names: &[&str], get: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    names.iter().filter_map(|n| get(n)).find(|v| !v.is_empty())
}

impl ProxyEnv {
    pub fn from_env() -> ProxyEnv {
        Self::from_lookup(&|n| std::env::var(n).ok())
    }

    pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> ProxyEnv {
        ProxyEnv {
            no_proxy: var(&["NO_PROXY", "no_proxy"], get).unwrap_or_default(),
            http: var(&["HTTP_PROXY", "http_proxy"], get),
            https: var(
                &["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"],
                get,
            ),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.http.is_none() && self.https.is_none()
    }

    fn excluded(&self, url: &url::Url) -> bool {
        let no = self.no_proxy.trim();
        if no == "*" {
            return true;
        }
        if no.is_empty() {
            return false;
        }
        let port = url
            .port_or_known_default()
            .map(|p| p.to_string())
            .unwrap_or_default();
        let canon = |h: &str| format!(".{}", h.trim_start_matches('.').to_ascii_lowercase());
        let host = canon(url.host_str().unwrap_or_default());
        no.split(',').any(|zone| {
            let zone = zone.trim().to_ascii_lowercase();
            let (zhost, zport) = match zone.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (zone.as_str(), None),
            };
            let zhost = canon(zhost);
            let matched = host.ends_with(&zhost);
            match zport {
                Some(p) => matched && p == port,
                None => matched,
            }
        })
    }

    /// The proxy URL for a request to `url`, if one applies.
    pub fn for_url(&self, url: &url::Url) -> Option<url::Url> {
        if self.excluded(url) {
            return None;
        }
        let raw = match url.scheme() {
            "http" => self.http.as_ref(),
            "https" => self.https.as_ref(),
            _ => None,
        }?;
        let with_scheme = if raw.contains("://") {
            raw.clone()
        } else {
            format!("http://{raw}")
        };
        url::Url::parse(&with_scheme).ok()
    }

    /// A reqwest proxy that asks this for every request.
    pub fn reqwest_proxy(&self) -> Option<reqwest::Proxy> {
        if self.is_empty() {
            return None;
        }
        let env = self.clone();
        Some(reqwest::Proxy::custom(move |url| env.for_url(url)))
    }
}

/// `host:port` of a proxy URL, as Node prints addresses.
fn proxy_addr(proxy: &url::Url) -> String {
    let host = proxy.host_str().unwrap_or_default();
    let host = if host == "localhost" {
        "127.0.0.1"
    } else {
        host
    };
    format!("{host}:{}", proxy.port_or_known_default().unwrap_or(80))
}

/// Reword an error of a request that went to `proxy` the way Newman
/// reports proxy failures: a tunnel (HTTPS) that could not be opened is
/// `tunneling socket could not be established, statusCode=407` (or
/// `cause=…`), an unreachable proxy is the proxy's `ECONNREFUSED`.
pub(crate) fn map_error(
    e: &reqwest::Error,
    proxy: &url::Url,
    target: &url::Url,
    mapped: RequestError,
) -> RequestError {
    let mut text = e.to_string();
    let mut cur: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = cur {
        text.push_str(": ");
        text.push_str(&s.to_string());
        cur = s.source();
    }
    let lower = text.to_ascii_lowercase();
    let tunnel = target.scheme() == "https";
    let refused = mapped.code == "ECONNREFUSED" || lower.contains("connection refused");
    if refused {
        let msg = format!("connect ECONNREFUSED {}", proxy_addr(proxy));
        return if tunnel {
            err(
                "ECONNREFUSED",
                format!("tunneling socket could not be established, cause={msg}"),
            )
        } else {
            err("ECONNREFUSED", msg)
        };
    }
    if tunnel {
        if lower.contains("proxy authentication required")
            || lower.contains("proxy authorization required")
            || lower.contains("407")
        {
            return err(
                "ECONNRESET",
                "tunneling socket could not be established, statusCode=407",
            );
        }
        if let Some(i) = lower.find("unsuccessful tunnel") {
            let code: String = text[i..]
                .chars()
                .filter(|c| c.is_ascii_digit())
                .take(3)
                .collect();
            if !code.is_empty() {
                return err(
                    "ECONNRESET",
                    format!("tunneling socket could not be established, statusCode={code}"),
                );
            }
        }
    }
    mapped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> ProxyEnv {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ProxyEnv::from_lookup(&move |n| pairs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()))
    }

    fn url(s: &str) -> url::Url {
        url::Url::parse(s).expect("url")
    }

    #[test]
    fn picks_like_postman_request() {
        let e = env(&[
            ("http_proxy", "http://low:1"),
            ("HTTP_PROXY", "http://up:1"),
        ]);
        assert_eq!(
            e.for_url(&url("http://a/")).map(|u| u.to_string()),
            Some("http://up:1/".into())
        );
        // https falls back to the HTTP proxy
        assert_eq!(
            e.for_url(&url("https://a/")).map(|u| u.to_string()),
            Some("http://up:1/".into())
        );
        let e = env(&[("HTTPS_PROXY", ""), ("https_proxy", "p:3128")]);
        assert_eq!(
            e.for_url(&url("https://a/")).map(|u| u.to_string()),
            Some("http://p:3128/".into())
        );
        assert_eq!(e.for_url(&url("http://a/")), None);
    }

    #[test]
    fn no_proxy_suffixes_ports_and_star() {
        let e = env(&[
            ("HTTP_PROXY", "http://p:1"),
            ("NO_PROXY", "example.com, .internal,localhost:8080"),
        ]);
        assert_eq!(e.for_url(&url("http://example.com/")), None);
        assert_eq!(e.for_url(&url("http://api.example.com/")), None);
        assert!(e.for_url(&url("http://badexample.com/")).is_some());
        assert_eq!(e.for_url(&url("http://x.internal/")), None);
        assert_eq!(e.for_url(&url("http://localhost:8080/")), None);
        assert!(e.for_url(&url("http://localhost:9090/")).is_some());
        let e = env(&[("HTTP_PROXY", "http://p:1"), ("no_proxy", "*")]);
        assert_eq!(e.for_url(&url("http://a/")), None);
    }
}
