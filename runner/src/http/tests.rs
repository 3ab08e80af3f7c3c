//! HTTP tests against the loopback fixture server: requests built by
//! `request::build` and sent through [`HttpClient`].

use std::time::Duration;

use serde_json::{json, Value};

use super::*;
use crate::collection::{Body, RequestDef, UrlDef};
use crate::request::{build, BuildContext};
use crate::vars::Scopes;

fn server() -> postgate_fixtures::FixtureServer {
    postgate_fixtures::FixtureServer::start().expect("fixture server")
}

fn prepared(method: &str, url: &str, body: Option<Body>) -> PreparedRequest {
    let def = RequestDef {
        method: method.into(),
        url: UrlDef {
            raw: url.into(),
            ..Default::default()
        },
        body,
        ..Default::default()
    };
    let s = Scopes::default();
    let dir = std::env::temp_dir();
    let cx = BuildContext {
        scopes: &s,
        auth: None,
        working_dir: &dir,
        restrict_files: false,
        disable_body_pruning: false,
        disabled_system_headers: Vec::new(),
    };
    build(&def, &cx).expect("build").0
}

fn client() -> HttpClient {
    HttpClient::new(HttpOptions::default()).expect("client")
}

fn json_body(r: &ResponseData) -> Value {
    serde_json::from_slice(&r.body).unwrap_or(Value::Null)
}

fn header_of(v: &Value, name: &str) -> Option<String> {
    v["headers"]
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.as_str().map(str::to_string))
}

#[tokio::test(flavor = "multi_thread")]
async fn get_sends_newman_system_headers() {
    let s = server();
    let r = client()
        .send(
            &prepared("GET", &format!("{}/get?a=1", s.url()), None),
            &SendOptions::default(),
        )
        .await
        .expect("send");
    assert_eq!(r.code, 200);
    assert_eq!(r.status, "OK");
    let v = json_body(&r);
    assert_eq!(
        header_of(&v, "user-agent").as_deref(),
        Some("PostmanRuntime/7.39.1")
    );
    assert_eq!(
        header_of(&v, "accept-encoding").as_deref(),
        Some("gzip, deflate, br")
    );
    assert!(header_of(&v, "postman-token").is_some());
    assert!(r.response_time > 0.0);
    assert!(r.header("content-type").is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn post_raw_json_body_is_sent() {
    let s = server();
    let body = Body::Raw {
        raw: "{\"a\": 1 /* c */}".into(),
        language: Some("json".into()),
    };
    let r = client()
        .send(
            &prepared("POST", &format!("{}/post", s.url()), Some(body)),
            &SendOptions::default(),
        )
        .await
        .expect("send");
    let v = json_body(&r);
    assert_eq!(v["json"], json!({"a": 1}));
    assert_eq!(
        header_of(&v, "content-type").as_deref(),
        Some("application/json")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn compressed_bodies_are_decoded_and_headers_kept() {
    let s = server();
    let c = client();
    for (path, flag, enc) in [
        ("gzip", "gzipped", "gzip"),
        ("deflate", "deflated", "deflate"),
        ("brotli", "brotli", "br"),
    ] {
        let r = c
            .send(
                &prepared("GET", &format!("{}/{path}", s.url()), None),
                &SendOptions::default(),
            )
            .await
            .expect("send");
        assert_eq!(json_body(&r)[flag], json!(true), "{path}");
        assert_eq!(r.header("content-encoding"), Some(enc));
        assert!(r.wire_size > 0 && r.wire_size != r.body.len(), "{path}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cookies_are_stored_across_redirects_and_sent() {
    let s = server();
    let c = client();
    let r = c
        .send(
            &prepared("GET", &format!("{}/cookies/set?k=v&x=1", s.url()), None),
            &SendOptions::default(),
        )
        .await
        .expect("send");
    assert_eq!(r.redirects, 1);
    assert!(r.url.ends_with("/cookies"));
    assert_eq!(json_body(&r)["cookies"], json!({"k": "v", "x": "1"}));
    assert_eq!(c.jar.header_for(&s.url()).as_deref(), Some("k=v; x=1"));
    let names: Vec<String> = c
        .jar
        .cookies_for(&r.url)
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["k", "x"]);
    // disableCookies: neither sent nor stored
    let opts = SendOptions {
        disable_cookies: true,
        ..Default::default()
    };
    let r = c
        .send(
            &prepared("GET", &format!("{}/cookies/set?z=9", s.url()), None),
            &opts,
        )
        .await
        .expect("send");
    assert_eq!(json_body(&r)["cookies"], json!({}));
    assert!(!c
        .jar
        .header_for(&s.url())
        .unwrap_or_default()
        .contains("z=9"));
}

#[tokio::test(flavor = "multi_thread")]
async fn redirect_methods_and_bodies() {
    let s = server();
    let c = client();
    let raw = || {
        Some(Body::Raw {
            raw: "payload".into(),
            language: None,
        })
    };
    let r = c
        .send(
            &prepared("POST", &format!("{}/status-redirect/302", s.url()), raw()),
            &SendOptions::default(),
        )
        .await
        .expect("send");
    let v = json_body(&r);
    assert_eq!(v["method"], json!("GET"));
    assert!(header_of(&v, "referer").is_some_and(|h| h.ends_with("/status-redirect/302")));
    let r = c
        .send(
            &prepared("PUT", &format!("{}/status-redirect/307", s.url()), raw()),
            &SendOptions::default(),
        )
        .await
        .expect("send");
    let v = json_body(&r);
    assert_eq!(v["method"], json!("PUT"));
    assert_eq!(v["data"], json!("payload"));
    let opts = SendOptions {
        follow_redirects: false,
        ..Default::default()
    };
    let r = c
        .send(
            &prepared("GET", &format!("{}/status-redirect/301", s.url()), None),
            &opts,
        )
        .await
        .expect("send");
    assert_eq!(r.code, 301);
}

#[tokio::test(flavor = "multi_thread")]
async fn too_many_redirects_is_newmans_error() {
    let s = server();
    let opts = SendOptions {
        max_redirects: 2,
        ..Default::default()
    };
    let e = client()
        .send(
            &prepared("GET", &format!("{}/redirect/5", s.url()), None),
            &opts,
        )
        .await
        .expect_err("loop");
    assert!(
        e.message.starts_with(
            "Exceeded maxRedirects. Probably stuck in a redirect loop http://127.0.0.1:"
        ),
        "{}",
        e.message
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn connection_refused_and_dns_errors() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let c = client();
    let e = c
        .send(
            &prepared("GET", &format!("http://127.0.0.1:{port}/x"), None),
            &SendOptions::default(),
        )
        .await
        .expect_err("refused");
    assert_eq!(e.code, "ECONNREFUSED");
    assert_eq!(e.message, format!("connect ECONNREFUSED 127.0.0.1:{port}"));
    let e = c
        .send(
            &prepared("GET", "http://nope.invalid/x", None),
            &SendOptions::default(),
        )
        .await
        .expect_err("dns");
    assert_eq!(e.code, "ENOTFOUND");
    assert_eq!(e.message, "getaddrinfo ENOTFOUND nope.invalid");
}

#[tokio::test(flavor = "multi_thread")]
async fn response_timeout_is_esockettimedout() {
    let s = server();
    let c = HttpClient::new(HttpOptions {
        timeout_request: Some(Duration::from_millis(300)),
        ..Default::default()
    })
    .expect("client");
    let e = c
        .send(
            &prepared("GET", &format!("{}/hang", s.url()), None),
            &SendOptions::default(),
        )
        .await
        .expect_err("timeout");
    assert_eq!(e.code, "ESOCKETTIMEDOUT");
    assert_eq!(e.message, "ESOCKETTIMEDOUT");
}

/// A server on a free loopback port that hands the `c`th connection (from
/// 0) to `serve`. Returns its port.
async fn loopback_server<F, Fut>(serve: F) -> u16
where
    F: Fn(usize, tokio::net::TcpStream) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        let mut c = 0;
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(serve(c, stream));
            c += 1;
        }
    });
    port
}

/// A raw HTTP/1.1 server on loopback: answers the `n`th request of the
/// `c`th connection (both from 0) with `answer(c, n)`, and closes the
/// connection after it when told to. Returns its port.
async fn raw_server(answer: fn(usize, usize) -> (String, bool)) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    loopback_server(move |conn, mut stream| async move {
        let mut seen = Vec::new();
        let mut n = 0;
        let mut buf = [0u8; 4096];
        loop {
            while let Some(end) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
                seen.drain(..end + 4);
                let (text, close) = answer(conn, n);
                n += 1;
                if stream.write_all(text.as_bytes()).await.is_err() || close {
                    return;
                }
            }
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(k) => seen.extend_from_slice(&buf[..k]),
            }
        }
    })
    .await
}

/// A server that sends a chunked body in three chunks `gap_ms` apart.
async fn trickling_server(gap_ms: u64) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    loopback_server(move |_, mut stream| async move {
        let mut buf = [0u8; 4096];
        let _ = stream.read(&mut buf).await;
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            .await;
        for chunk in ["a", "b", "c"] {
            tokio::time::sleep(Duration::from_millis(gap_ms)).await;
            let _ = stream
                .write_all(format!("1\r\n{chunk}\r\n").as_bytes())
                .await;
        }
        let _ = stream.write_all(b"0\r\n\r\n").await;
    })
    .await
}

/// GET `url` with the default options.
async fn get(c: &HttpClient, url: &str) -> Result<ResponseData, RequestError> {
    c.send(&prepared("GET", url, None), &SendOptions::default())
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn response_header_names_keep_their_wire_case_and_order() {
    let port = raw_server(|_, _| {
        (
            "HTTP/1.1 200 OK\r\nx-lower: a\r\nX-Mixed-Case: b\r\nSET-COOKIE: c=1\r\nx-lower: again\r\nContent-Length: 2\r\n\r\nok".into(),
            false,
        )
    })
    .await;
    let r = get(&client(), &format!("http://127.0.0.1:{port}/"))
        .await
        .expect("send");
    let names: Vec<&str> = r.headers.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "x-lower",
            "X-Mixed-Case",
            "SET-COOKIE",
            "x-lower",
            "Content-Length"
        ]
    );
    assert_eq!(r.headers[3].1, "again");
    assert_eq!(&r.body[..], b"ok");
}

#[tokio::test(flavor = "multi_thread")]
async fn direct_connections_are_kept_alive_and_a_closed_one_is_replaced() {
    // Connection 0 answers twice, then hangs up without saying so (as a
    // server whose keep-alive ran out); later connections stay open.
    let port = raw_server(|c, n| {
        let body = format!("{c}/{n}");
        (
            format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ),
            c == 0 && n == 1,
        )
    })
    .await;
    let c = client();
    let mut seen = Vec::new();
    for _ in 0..4 {
        let r = get(&c, &format!("http://127.0.0.1:{port}/"))
            .await
            .expect("send");
        seen.push(String::from_utf8_lossy(&r.body).to_string());
        // let the hang-up reach the client, as between real requests
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(seen, ["0/0", "0/1", "1/0", "1/1"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn request_timeout_bounds_each_wait_for_the_body_not_the_whole_body() {
    let c = HttpClient::new(HttpOptions {
        timeout_request: Some(Duration::from_millis(300)),
        ..Default::default()
    })
    .expect("client");
    // 3 × 150 ms: longer than the timeout in all, each wait shorter
    let port = trickling_server(150).await;
    let r = get(&c, &format!("http://127.0.0.1:{port}/"))
        .await
        .expect("a body that keeps coming is not timed out");
    assert_eq!(&r.body[..], b"abc");
    // one wait longer than the timeout
    let port = trickling_server(500).await;
    let e = get(&c, &format!("http://127.0.0.1:{port}/"))
        .await
        .expect_err("a stalled body");
    assert_eq!(e.code, "ESOCKETTIMEDOUT");
}
