//! Following one redirect the way postman-request does: every 3xx with a
//! `Location` is followed (up to `maxRedirects`); except for 307/308 (or
//! `followOriginalHttpMethod`) the method becomes GET (HEAD stays HEAD) and
//! the body with its Content-Type/Content-Length goes; on a change of host
//! name `Authorization` is dropped unless `followAuthorizationHeader`;
//! `Referer` is set to the previous URL unless
//! `removeRefererHeaderOnRedirect`; the Host header is re-made from the new
//! URL (a custom one too) and goes last, after Referer.

use bytes::Bytes;

use crate::request::url::PmUrl;

use super::{PreparedRequest, SendOptions};

/// The request as it changes from hop to hop.
#[derive(Debug, Clone)]
pub(crate) struct Hop {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Bytes>,
}

impl Hop {
    pub fn new(req: &PreparedRequest) -> Hop {
        Hop {
            method: req.method.clone(),
            url: req.url.clone(),
            headers: req.headers.clone(),
            body: req.body.clone(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Replace the first header of that name in place, or append.
    pub fn set_header(&mut self, name: &str, value: &str) {
        match self
            .headers
            .iter()
            .position(|(k, _)| k.eq_ignore_ascii_case(name))
        {
            Some(i) => {
                self.headers[i].1 = value.to_string();
                let mut j = i + 1;
                while j < self.headers.len() {
                    if self.headers[j].0.eq_ignore_ascii_case(name) {
                        self.headers.remove(j);
                    } else {
                        j += 1;
                    }
                }
            }
            None => self.headers.push((name.to_string(), value.to_string())),
        }
    }

    pub fn remove_header(&mut self, name: &str) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    }
}

/// The absolute URL a `Location` points to, encoded as the runtime's URL
/// parser encodes it (postman-url-encoder `resolveNodeUrl` + `toNodeUrl`).
pub(crate) fn resolve_location(base: &str, location: &str) -> String {
    let lower = location.to_ascii_lowercase();
    let joined = if lower.starts_with("http:") || lower.starts_with("https:") {
        location.to_string()
    } else {
        let b = PmUrl::parse(base).to_node_url();
        let origin = {
            let scheme_end = b.href.find("://").map(|i| i + 3).unwrap_or(0);
            let rest = &b.href[scheme_end..];
            let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            b.href[..scheme_end + host_end].to_string()
        };
        if location.starts_with("//") || location.starts_with("\\\\") {
            format!("{}:{}", b.protocol, location)
        } else if location.starts_with('/') || location.starts_with('\\') {
            format!("{origin}{location}")
        } else if location.starts_with('#') {
            let no_hash = b.href.split('#').next().unwrap_or_default();
            format!("{no_hash}{location}")
        } else if location.starts_with('?') {
            let path_end = b.href.find(['?', '#']).unwrap_or(b.href.len());
            format!("{}{location}", &b.href[..path_end])
        } else if location.is_empty() {
            b.href.split('#').next().unwrap_or_default().to_string()
        } else {
            let path_end = b.href.find(['?', '#']).unwrap_or(b.href.len());
            let upto = &b.href[..path_end];
            let dir_end = upto.rfind('/').map(|i| i + 1).unwrap_or(upto.len());
            let dir_end = dir_end.max(origin.len());
            let mut base_dir = upto[..dir_end].to_string();
            if !base_dir.ends_with('/') {
                base_dir.push('/');
            }
            format!("{base_dir}{location}")
        }
    };
    PmUrl::parse(&joined).to_node_url().href
}

fn hostname(url: &str) -> String {
    PmUrl::parse(url).to_node_url().hostname
}

/// Turn `hop` into the next hop for a `status` redirect to `location`.
pub(crate) fn follow(hop: &mut Hop, location: &str, status: u16, opts: &SendOptions) {
    let prev = hop.url.clone();
    let next = resolve_location(&prev, location);
    let host_changed = hostname(&prev) != hostname(&next);
    hop.url = next;
    let had_host = hop.header("host").is_some();
    hop.remove_header("host");
    if host_changed && !opts.follow_authorization_header {
        hop.remove_header("authorization");
    }
    if !opts.follow_original_method && status != 307 && status != 308 {
        if !hop.method.eq_ignore_ascii_case("HEAD") {
            hop.method = "GET".into();
        }
        hop.body = None;
        hop.remove_header("content-type");
        hop.remove_header("content-length");
    }
    if !opts.remove_referer_on_redirect {
        hop.set_header("Referer", &prev);
    }
    if had_host {
        let host = PmUrl::parse(&hop.url).to_node_url().host;
        hop.headers.push(("Host".into(), host));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hop(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Hop {
        Hop {
            method: method.into(),
            url: url.into(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: body.map(|b| Bytes::from(b.to_string())),
        }
    }

    #[test]
    fn locations_resolve_like_the_runtime() {
        let b = "http://h:1/a/b?q=1#f";
        assert_eq!(resolve_location(b, "/x y"), "http://h:1/x%20y");
        assert_eq!(resolve_location(b, "c"), "http://h:1/a/c");
        assert_eq!(resolve_location(b, "?z=2"), "http://h:1/a/b?z=2");
        assert_eq!(resolve_location(b, "//other/p"), "http://other/p");
        assert_eq!(
            resolve_location(b, "https://x.test/p?a=b c"),
            "https://x.test/p?a=b%20c"
        );
    }

    #[test]
    fn post_302_becomes_get_and_cross_host_drops_authorization() {
        let mut h = hop(
            "POST",
            "http://127.0.0.1:5/r",
            &[
                ("Authorization", "x"),
                ("Content-Type", "text/plain"),
                ("Host", "127.0.0.1:5"),
                ("Content-Length", "4"),
            ],
            Some("body"),
        );
        follow(
            &mut h,
            "http://localhost:5/next",
            302,
            &SendOptions::default(),
        );
        assert_eq!(h.method, "GET");
        assert!(h.body.is_none());
        assert_eq!(
            h.headers,
            vec![
                ("Referer".to_string(), "http://127.0.0.1:5/r".to_string()),
                ("Host".to_string(), "localhost:5".to_string())
            ]
        );
    }

    #[test]
    fn status_307_keeps_method_body_and_same_host_authorization() {
        let mut h = hop(
            "PUT",
            "http://h/r",
            &[("Authorization", "x"), ("Host", "h")],
            Some("body"),
        );
        let opts = SendOptions {
            remove_referer_on_redirect: true,
            ..Default::default()
        };
        follow(&mut h, "/after", 307, &opts);
        assert_eq!(h.method, "PUT");
        assert_eq!(h.body.as_deref(), Some(&b"body"[..]));
        assert_eq!(h.url, "http://h/after");
        assert_eq!(h.header("authorization"), Some("x"));
        assert_eq!(h.header("referer"), None);
    }

    #[test]
    fn the_host_header_is_remade_and_goes_last_on_the_same_host_too() {
        let mut h = hop(
            "GET",
            "http://h:1/r",
            &[("Host", "custom.test"), ("Connection", "keep-alive")],
            None,
        );
        follow(&mut h, "/next", 302, &SendOptions::default());
        assert_eq!(
            h.headers,
            vec![
                ("Connection".to_string(), "keep-alive".to_string()),
                ("Referer".to_string(), "http://h:1/r".to_string()),
                ("Host".to_string(), "h:1".to_string())
            ]
        );
    }

    #[test]
    fn head_stays_head_and_original_method_option() {
        let mut h = hop("HEAD", "http://h/r", &[], None);
        follow(&mut h, "/x", 301, &SendOptions::default());
        assert_eq!(h.method, "HEAD");
        let mut h = hop("POST", "http://h/r", &[], Some("b"));
        let opts = SendOptions {
            follow_original_method: true,
            ..Default::default()
        };
        follow(&mut h, "/x", 302, &opts);
        assert_eq!(h.method, "POST");
        assert!(h.body.is_some());
    }
}
