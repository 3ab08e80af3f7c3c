//! TLS and proxies end to end (`collections/tests/tls-proxy…`): HTTPS
//! fixtures with a test CA made here (rcgen), `--ssl-extra-ca-certs`, `-k`
//! and `strictSSL`, expired, self-signed and wrong-host certificates, client
//! certificates (PEM, encrypted PKCS#8 with a passphrase, PKCS#12 through
//! `--ssl-client-cert-list` and its URL patterns), and the fixture proxy
//! through `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY`, with and without proxy
//! credentials. Each failure is checked for the message a user sees.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use postgate_fixtures::proxy::ProxyServer;
use postgate_fixtures::tls::{Pem, TestPki, TlsOptions, TlsServer};

use crate::support::*;

const COLLECTION: &str = "tests/tls-proxy.postman_collection.json";

/// The servers and files every test here shares.
struct World {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    ca: PathBuf,
    /// Signed by the test CA, for localhost and 127.0.0.1.
    trusted: TlsServer,
    expired: TlsServer,
    self_signed: TlsServer,
    /// Signed by the test CA, presenting the CA certificate too.
    with_root: TlsServer,
    wrong_host: TlsServer,
    /// Requires a client certificate from the test CA.
    mutual: TlsServer,
    client: Pem,
}

fn write(dir: &Path, name: &str, data: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, data).expect("write a test file");
    p
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let pki = TestPki::new();
        let tmp = temp_dir();
        let dir = tmp.path().to_path_buf();
        let ca = write(&dir, "ca.pem", pki.ca_pem());
        let names = ["localhost", "127.0.0.1"];
        let start = |identity: Pem, client_ca: Option<String>| {
            TlsServer::start(TlsOptions {
                identity,
                client_ca,
            })
            .expect("an HTTPS fixture starts")
        };
        let client = pki.client("postgate-client");
        World {
            trusted: start(pki.server(&names), None),
            expired: start(pki.expired_server(&names), None),
            self_signed: start(TestPki::self_signed(&names), None),
            with_root: start(
                {
                    let mut pem = pki.server(&names);
                    pem.cert.push_str(pki.ca_pem());
                    pem
                },
                None,
            ),
            wrong_host: start(pki.server(&["example.com"]), None),
            mutual: start(pki.server(&names), Some(pki.ca_pem().to_string())),
            client,
            ca,
            dir,
            _dir: tmp,
        }
    })
}

fn run_against(base: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = postgate();
    c.arg("run")
        .arg(collection(COLLECTION))
        .args(["--env-var", &format!("baseUrl={base}"), "--color", "off"])
        .args(args);
    for k in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "NO_PROXY",
        "no_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        c.env_remove(k);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("the postgate binary runs").into()
}

/// Only the "strict" folder (one request that must pass).
fn strict(base: &str, args: &[&str]) -> Run {
    let mut a = vec!["--folder", "strict"];
    a.extend_from_slice(args);
    run_against(base, &a, &[])
}

#[track_caller]
fn assert_errored(run: &Run, message: &str) {
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("[errored]"), "{run:?}");
    assert!(
        run.stdout.contains(message),
        "expected {message:?}\n{run:?}"
    );
}

// ---- trust ----

#[test]
fn extra_ca_certs_trust_the_test_ca() {
    let w = world();
    let ca = w.ca.to_str().unwrap();
    assert_all_passed(&strict(&w.trusted.url(), &["--ssl-extra-ca-certs", ca]), 1);
    assert_all_passed(
        &strict(&w.trusted.ip_url(), &["--ssl-extra-ca-certs", ca]),
        1,
    );
}

#[test]
fn an_unknown_ca_is_refused_with_nodes_message() {
    let w = world();
    assert_errored(
        &strict(&w.trusted.url(), &[]),
        "unable to verify the first certificate",
    );
}

#[test]
fn a_self_signed_certificate_is_reported_in_nodes_words() {
    let w = world();
    let run = strict(&w.self_signed.url(), &[]);
    assert_errored(&run, "self-signed certificate");
    assert!(!run.stdout.contains("in certificate chain"), "{run:?}");
}

#[test]
fn a_self_signed_root_in_the_chain_is_reported_in_nodes_words() {
    let w = world();
    let run = strict(&w.with_root.url(), &[]);
    assert_errored(&run, "self-signed certificate in certificate chain");
    // trusted, the same chain passes
    let ca = w.ca.to_str().unwrap();
    assert_all_passed(
        &strict(&w.with_root.url(), &["--ssl-extra-ca-certs", ca]),
        1,
    );
}

#[test]
fn an_expired_certificate_is_refused() {
    let w = world();
    let ca = w.ca.to_str().unwrap();
    assert_errored(
        &strict(&w.expired.url(), &["--ssl-extra-ca-certs", ca]),
        "certificate has expired",
    );
}

#[test]
fn a_certificate_for_another_host_is_refused() {
    let w = world();
    let ca = w.ca.to_str().unwrap();
    assert_errored(
        &strict(&w.wrong_host.url(), &["--ssl-extra-ca-certs", ca]),
        "Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: DNS:example.com",
    );
}

#[test]
fn insecure_and_strict_ssl_false_accept_any_certificate() {
    let w = world();
    for server in [&w.self_signed, &w.expired, &w.wrong_host, &w.trusted] {
        assert_all_passed(&strict(&server.url(), &["-k"]), 1);
        // protocolProfileBehavior.strictSSL: false on the request
        let run = run_against(&server.url(), &["--folder", "not strict"], &[]);
        assert_all_passed(&run, 1);
    }
}

#[test]
fn an_items_strict_ssl_wins_over_insecure() {
    let w = world();
    let run = run_against(
        &w.self_signed.url(),
        &["--folder", "strict item", "-k"],
        &[],
    );
    assert_errored(&run, "self-signed certificate");
}

#[test]
fn an_unreadable_extra_ca_file_stops_the_run() {
    let w = world();
    let run = strict(
        &w.trusted.url(),
        &["--ssl-extra-ca-certs", "/nonexistent/ca.pem"],
    );
    assert_ne!(run.code, 0, "{run:?}");
    assert!(
        format!("{}{}", run.stdout, run.stderr).contains("/nonexistent/ca.pem"),
        "{run:?}"
    );
}

// ---- client certificates ----

fn client_files(w: &World) -> (PathBuf, PathBuf) {
    (
        write(&w.dir, "client.pem", &w.client.cert),
        write(&w.dir, "client.key", &w.client.key),
    )
}

fn key_der(pem: &str) -> Vec<u8> {
    use rustls::pki_types::pem::PemObject;
    rustls::pki_types::PrivatePkcs8KeyDer::from_pem_slice(pem.as_bytes())
        .expect("a PKCS#8 key")
        .secret_pkcs8_der()
        .to_vec()
}

fn cert_der(pem: &str) -> Vec<u8> {
    use rustls::pki_types::pem::PemObject;
    rustls::pki_types::CertificateDer::from_pem_slice(pem.as_bytes())
        .expect("a certificate")
        .to_vec()
}

#[test]
fn a_client_certificate_is_presented() {
    let w = world();
    let (cert, key) = client_files(w);
    let ca = w.ca.to_str().unwrap();
    let run = strict(
        &w.mutual.url(),
        &[
            "--ssl-extra-ca-certs",
            ca,
            "--ssl-client-cert",
            cert.to_str().unwrap(),
            "--ssl-client-key",
            key.to_str().unwrap(),
        ],
    );
    assert_all_passed(&run, 1);
}

#[test]
fn without_a_client_certificate_the_server_refuses() {
    let w = world();
    let ca = w.ca.to_str().unwrap();
    let run = strict(&w.mutual.url(), &["--ssl-extra-ca-certs", ca]);
    assert_errored(&run, "tlsv13 alert certificate required");
}

#[test]
fn a_certificate_for_another_ip_is_refused() {
    let w = world();
    let ca = w.ca.to_str().unwrap();
    let ip = w.wrong_host.ip_url();
    assert_errored(
        &strict(&ip, &["--ssl-extra-ca-certs", ca]),
        "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ",
    );
}

#[test]
fn an_encrypted_key_with_its_passphrase() {
    use pkcs8::der::pem::LineEnding;
    let w = world();
    let der = key_der(&w.client.key);
    let info = pkcs8::PrivateKeyInfo::try_from(der.as_slice()).expect("key info");
    // PBES2 (PBKDF2-SHA256, AES-256-CBC) with few iterations: quick in
    // debug builds
    let params = pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(
        2048,
        b"saltsalt",
        b"0123456789abcdef",
    )
    .expect("parameters");
    let enc = info
        .encrypt_with_params(params, b"s3cret")
        .expect("encrypt")
        .to_pem("ENCRYPTED PRIVATE KEY", LineEnding::LF)
        .expect("pem");
    let key = write(&w.dir, "client-enc.key", enc.as_bytes());
    let (cert, _) = client_files(w);
    let ca = w.ca.to_str().unwrap();
    let args = |pass: &'static str| {
        vec![
            "--ssl-extra-ca-certs".to_string(),
            ca.to_string(),
            "--ssl-client-cert".into(),
            cert.to_str().unwrap().into(),
            "--ssl-client-key".into(),
            key.to_str().unwrap().into(),
            "--ssl-client-passphrase".into(),
            pass.into(),
        ]
    };
    let good = args("s3cret");
    let good: Vec<&str> = good.iter().map(String::as_str).collect();
    assert_all_passed(&strict(&w.mutual.url(), &good), 1);
    let bad = args("wrong");
    let bad: Vec<&str> = bad.iter().map(String::as_str).collect();
    assert_errored(&strict(&w.mutual.url(), &bad), "bad decrypt");
}

/// The console lines of a CLI run, unwrapped, one entry per box.
fn console_text(stdout: &str) -> String {
    let mut out = String::new();
    for line in stdout.lines() {
        match line.strip_prefix("  │ ") {
            Some(text) => out.push_str(text),
            None if line.starts_with("  └") => out.push('\n'),
            None => {}
        }
    }
    out
}

#[test]
fn an_unreadable_client_certificate_file_is_a_warning_and_the_request_goes_without() {
    let w = world();
    let (cert, key) = client_files(w);
    let ca = w.ca.to_str().unwrap();
    let missing = w.dir.join("missing.pem");
    let missing = missing.to_str().unwrap();
    let enoent = |what: &str, path: &str| {
        format!(
            "certificate \"{what}\" load error:  ENOENT: no such file or directory, open '{path}'"
        )
    };
    // the certificate cannot be read: the server asking for one refuses
    let run = strict(
        &w.mutual.url(),
        &[
            "--ssl-extra-ca-certs",
            ca,
            "--ssl-client-cert",
            missing,
            "--ssl-client-key",
            key.to_str().unwrap(),
        ],
    );
    assert_errored(&run, "tlsv13 alert certificate required");
    let console = console_text(&run.stdout);
    assert!(console.contains(&enoent("cert", missing)), "{run:?}");
    assert!(!console.contains("\"key\""), "{run:?}");
    // neither file can be read (the key is told first): a server that does
    // not ask for a certificate answers
    let run = strict(
        &w.trusted.url(),
        &[
            "--ssl-extra-ca-certs",
            ca,
            "--ssl-client-cert",
            missing,
            "--ssl-client-key",
            "missing.key",
        ],
    );
    assert_all_passed(&run, 1);
    let console = console_text(&run.stdout);
    let key_at = console.find(&enoent("key", "missing.key"));
    let cert_at = console.find(&enoent("cert", missing));
    assert!(
        matches!((key_at, cert_at), (Some(k), Some(c)) if k < c),
        "{run:?}"
    );
    // the key cannot be read, with a list entry: the same
    let list = write(
        &w.dir,
        "list-missing-key.json",
        serde_json::json!([{
            "name": "fixture",
            "matches": ["https://localhost:*/*"],
            "cert": {"src": cert.to_str().unwrap()},
            "key": {"src": missing},
        }])
        .to_string(),
    );
    let run = strict(
        &w.mutual.url(),
        &[
            "--ssl-extra-ca-certs",
            ca,
            "--ssl-client-cert-list",
            list.to_str().unwrap(),
        ],
    );
    assert_errored(&run, "tlsv13 alert certificate required");
    assert!(
        console_text(&run.stdout).contains(&enoent("key", missing)),
        "{run:?}"
    );
}

/// The client key as OpenSSL's legacy encrypted PEM (`openssl ec -aes256`):
/// SEC1, encrypted in CBC mode under `EVP_BytesToKey(MD5, iv[..8])`.
fn legacy_encrypted_key(w: &World, cipher: &str, passphrase: &str) -> String {
    use aes::cipher::{block_padding::Pkcs7, BlockEncryptMut, KeyIvInit};
    use base64::Engine;
    use md5::{Digest, Md5};
    use p256::pkcs8::DecodePrivateKey;
    let sec1 = p256::SecretKey::from_pkcs8_der(&key_der(&w.client.key))
        .expect("a P-256 key")
        .to_sec1_der()
        .expect("SEC1");
    let iv: Vec<u8> = (0u8..16)
        .map(|i| i.wrapping_mul(37).wrapping_add(11))
        .collect();
    let (key_len, iv) = match cipher {
        "AES-256-CBC" => (32, &iv[..]),
        _ => (24, &iv[..8]),
    };
    let mut key = Vec::new();
    let mut prev = Vec::new();
    while key.len() < key_len {
        let mut md = Md5::new();
        md.update(&prev);
        md.update(passphrase.as_bytes());
        md.update(&iv[..8]);
        prev = md.finalize().to_vec();
        key.extend_from_slice(&prev);
    }
    key.truncate(key_len);
    let body = match cipher {
        "AES-256-CBC" => cbc::Encryptor::<aes::Aes256>::new_from_slices(&key, iv)
            .expect("key and IV")
            .encrypt_padded_vec_mut::<Pkcs7>(&sec1),
        _ => cbc::Encryptor::<des::TdesEde3>::new_from_slices(&key, iv)
            .expect("key and IV")
            .encrypt_padded_vec_mut::<Pkcs7>(&sec1),
    };
    let iv_hex: String = iv.iter().map(|b| format!("{b:02X}")).collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(body);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).expect("base64"))
        .collect();
    format!(
        "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: {cipher},{iv_hex}\n\n{}\n-----END EC PRIVATE KEY-----\n",
        lines.join("\n")
    )
}

#[test]
fn a_legacy_encrypted_pem_key_with_its_passphrase() {
    let w = world();
    let (cert, _) = client_files(w);
    let ca = w.ca.to_str().unwrap();
    for cipher in ["AES-256-CBC", "DES-EDE3-CBC"] {
        let key = write(
            &w.dir,
            &format!("client-{cipher}.key"),
            legacy_encrypted_key(w, cipher, "s3cret"),
        );
        let run = |pass: &str| {
            strict(
                &w.mutual.url(),
                &[
                    "--ssl-extra-ca-certs",
                    ca,
                    "--ssl-client-cert",
                    cert.to_str().unwrap(),
                    "--ssl-client-key",
                    key.to_str().unwrap(),
                    "--ssl-client-passphrase",
                    pass,
                ],
            )
        };
        assert_all_passed(&run("s3cret"), 1);
        assert_errored(
            &run("wrong"),
            "error:1C800064:Provider routines::bad decrypt",
        );
    }
}

fn pfx(w: &World, password: &str) -> Vec<u8> {
    use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};
    let mut store = KeyStore::new();
    let chain = PrivateKeyChain::new(
        "client",
        PrivateKey::from_der(&key_der(&w.client.key)).expect("key"),
        [Certificate::from_der(&cert_der(&w.client.cert)).expect("cert")],
    );
    store.add_entry("client", KeyStoreEntry::PrivateKeyChain(chain));
    store.writer(password).write().expect("a PKCS#12 file")
}

#[test]
fn cert_list_picks_by_url_pattern_and_reads_pfx() {
    let w = world();
    let pfx_path = write(&w.dir, "client.pfx", pfx(w, "pfx-pass"));
    let port = w.mutual.addr.port();
    let list = |pattern: &str, pass: &str| {
        let json = serde_json::json!([
            {
                "name": "elsewhere",
                "matches": ["https://example.com/*"],
                "pfx": {"src": "/nonexistent.pfx"},
            },
            {
                "name": "fixture",
                "matches": [pattern],
                "pfx": {"src": "client.pfx"},
                "passphrase": pass,
            }
        ]);
        let p = write(
            &w.dir,
            &format!("list-{}.json", pass.len()),
            json.to_string(),
        );
        p.to_str().unwrap().to_string()
    };
    let ca = w.ca.to_str().unwrap();
    let dir = w.dir.to_str().unwrap();
    let _ = pfx_path;
    // the pattern matches: the PKCS#12 certificate is presented (its path
    // relative to --working-dir)
    let l = list(&format!("https://localhost:{port}/*"), "pfx-pass");
    let run = strict(
        &w.mutual.url(),
        &[
            "--ssl-extra-ca-certs",
            ca,
            "--ssl-client-cert-list",
            &l,
            "--working-dir",
            dir,
        ],
    );
    assert_all_passed(&run, 1);
    // the pattern does not match: no certificate, the server hangs up
    let l = list("https://localhost:1/*", "pfx-pass!");
    let run = strict(
        &w.mutual.url(),
        &[
            "--ssl-extra-ca-certs",
            ca,
            "--ssl-client-cert-list",
            &l,
            "--working-dir",
            dir,
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    // a wrong PKCS#12 password
    let l = list(&format!("https://localhost:{port}/*"), "nope");
    let run = strict(
        &w.mutual.url(),
        &[
            "--ssl-extra-ca-certs",
            ca,
            "--ssl-client-cert-list",
            &l,
            "--working-dir",
            dir,
        ],
    );
    assert_errored(&run, "mac verify failure");
}

#[test]
fn a_missing_cert_list_file_stops_the_run() {
    let w = world();
    let run = strict(
        &w.trusted.url(),
        &["--ssl-client-cert-list", "/nonexistent/list.json"],
    );
    assert_ne!(run.code, 0, "{run:?}");
    assert!(
        format!("{}{}", run.stdout, run.stderr)
            .contains("unable to read the ssl client certificates file \"/nonexistent/list.json\""),
        "{run:?}"
    );
}

// ---- proxies ----

#[test]
fn http_proxy_forwards_plain_http() {
    let proxy = ProxyServer::start(None).expect("proxy");
    let target = server().url();
    let run = run_against(
        &target,
        &[
            "--folder",
            "strict",
            "--env-var",
            "expectProxied=1",
            "--env-var",
            "via=plain",
        ],
        &[("HTTP_PROXY", &proxy.url())],
    );
    assert_all_passed(&run, 2);
    assert_eq!(
        proxy.log(),
        vec![format!("GET {target}/get?via=plain")],
        "{run:?}"
    );
}

#[test]
fn https_goes_through_a_connect_tunnel_with_proxy_credentials() {
    let w = world();
    let proxy = ProxyServer::start(Some("puser:ppass")).expect("proxy");
    let ca = w.ca.to_str().unwrap();
    let with_creds = proxy.url().replace("http://", "http://puser:ppass@");
    let run = run_against(
        &w.trusted.url(),
        &["--folder", "strict", "--ssl-extra-ca-certs", ca],
        &[("https_proxy", &with_creds)],
    );
    assert_all_passed(&run, 1);
    assert_eq!(
        proxy.log(),
        vec![format!("CONNECT localhost:{}", w.trusted.addr.port())]
    );
}

#[test]
fn a_proxy_that_refuses_is_a_clear_error() {
    let w = world();
    let proxy = ProxyServer::start(Some("puser:ppass")).expect("proxy");
    let ca = w.ca.to_str().unwrap();
    // HTTPS: the tunnel is refused
    let run = run_against(
        &w.trusted.url(),
        &["--folder", "strict", "--ssl-extra-ca-certs", ca],
        &[("HTTPS_PROXY", &proxy.url())],
    );
    assert_errored(
        &run,
        "tunneling socket could not be established, statusCode=407",
    );
    // HTTP: the proxy's 407 is the response
    let run = run_against(
        &server().url(),
        &["--folder", "strict", "--env-var", "expectStatus=407"],
        &[("HTTP_PROXY", &proxy.url())],
    );
    assert_all_passed(&run, 1);
    assert!(
        run.stdout.contains("407 Proxy Authentication Required"),
        "{run:?}"
    );
    // an unreachable proxy
    let run = run_against(
        &server().url(),
        &["--folder", "strict"],
        &[("HTTP_PROXY", "http://127.0.0.1:9")],
    );
    assert_errored(&run, "connect ECONNREFUSED 127.0.0.1:9");
}

#[test]
fn no_proxy_bypasses_the_proxy() {
    let proxy = ProxyServer::start(None).expect("proxy");
    let run = run_against(
        &server().url(),
        &["--folder", "strict"],
        &[
            ("HTTP_PROXY", &proxy.url()),
            ("no_proxy", "localhost,127.0.0.1"),
        ],
    );
    assert_all_passed(&run, 1);
    assert!(proxy.log().is_empty(), "{:?}", proxy.log());
}

/// Keeps the HTTPS fixtures up for a while and writes where they are, to
/// compare with Newman by hand:
/// `PG_TLS_INFO=/tmp/tls.json cargo test --test blackbox serve_tls_fixtures -- --ignored`.
#[test]
#[ignore]
fn serve_tls_fixtures() {
    let Some(out) = std::env::var_os("PG_TLS_INFO") else {
        return;
    };
    let w = world();
    let (cert, key) = client_files(w);
    let info = serde_json::json!({
        "ca": w.ca, "trusted": w.trusted.url(), "expired": w.expired.url(),
        "self_signed": w.self_signed.url(), "wrong_host": w.wrong_host.url(),
        "mutual": w.mutual.url(), "client_cert": cert, "client_key": key,
    });
    std::fs::write(out, info.to_string()).expect("write the info");
    std::thread::sleep(std::time::Duration::from_secs(240));
}

/// A request without an Accept header goes around the HTTP client's
/// default headers (http/bare.rs); its TLS is checked the same way.
#[test]
fn a_request_without_accept_checks_certificates_the_same() {
    let w = world();
    let dir = temp_dir();
    let coll = crate::engine::without_system_headers(
        dir.path(),
        "{{baseUrl}}/headers",
        &["pm.test('no accept', () => pm.expect(pm.response.json().headers).to.not.have.property('accept'));"],
    );
    let run = |base: &str, args: &[&str]| -> Run {
        postgate()
            .arg("run")
            .arg(&coll)
            .args(["--env-var", &format!("baseUrl={base}"), "--color", "off"])
            .args(args)
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .output()
            .unwrap()
            .into()
    };
    let ca = w.ca.to_str().unwrap();
    assert_all_passed(&run(&w.trusted.url(), &["--ssl-extra-ca-certs", ca]), 1);
    assert_errored(
        &run(&w.trusted.url(), &[]),
        "unable to verify the first certificate",
    );
    assert_errored(
        &run(&w.expired.url(), &["--ssl-extra-ca-certs", ca]),
        "certificate has expired",
    );
    assert_all_passed(&run(&w.expired.url(), &["-k"]), 1);
}
