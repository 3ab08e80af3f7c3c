//! Every auth type against the fixture's `/auth/…` verifiers, with right
//! and wrong credentials (`collections/tests/auth-signatures…`): digest
//! (all algorithms, auth-int, no qop), oauth1 (HMAC, PLAINTEXT, RSA, header,
//! query and body placement, body hash), hawk, awsv4 (headers, query, S3),
//! jwt (HS/RS/PS/ES), asap, ntlm and edgegrid. Keys are made here.

use std::sync::OnceLock;

use crate::support::*;

/// Keys for the asymmetric algorithms: (PKCS#8 PEM, base64 of the SPKI PEM).
struct Keys {
    rsa: (String, String),
    other_rsa: String,
    p256: (String, String),
    p384: (String, String),
    p521: (String, String),
}

fn b64(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        use p256::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
        let mut rng = rand_core::OsRng;
        let rsa_pair = || {
            let k = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, 2048).expect("RSA key");
            let private = k.to_pkcs8_pem(LineEnding::LF).expect("pkcs8").to_string();
            let public = k
                .to_public_key()
                .to_public_key_pem(LineEnding::LF)
                .expect("spki");
            (private, b64(&public))
        };
        let p256k = p256::SecretKey::random(&mut rng);
        let p384k = p384::SecretKey::random(&mut rng);
        let p521k = p521::SecretKey::random(&mut rng);
        Keys {
            rsa: rsa_pair(),
            other_rsa: rsa_pair().0,
            p256: (
                p256k
                    .to_pkcs8_pem(LineEnding::LF)
                    .expect("pkcs8")
                    .to_string(),
                b64(&p256k
                    .public_key()
                    .to_public_key_pem(LineEnding::LF)
                    .expect("spki")),
            ),
            p384: (
                p384k
                    .to_pkcs8_pem(LineEnding::LF)
                    .expect("pkcs8")
                    .to_string(),
                b64(&p384k
                    .public_key()
                    .to_public_key_pem(LineEnding::LF)
                    .expect("spki")),
            ),
            p521: (
                p521k
                    .to_pkcs8_pem(LineEnding::LF)
                    .expect("pkcs8")
                    .to_string(),
                b64(&p521k
                    .public_key()
                    .to_public_key_pem(LineEnding::LF)
                    .expect("spki")),
            ),
        }
    })
}

fn run_signatures(extra: &[&str]) -> Run {
    let k = keys();
    let vars = [
        ("digestUser", "user".to_string()),
        ("consumerSecret", "cs".to_string()),
        (
            "hawkKey",
            "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn".to_string(),
        ),
        (
            "awsSecret",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".to_string(),
        ),
        ("jwtSecret", "secret".to_string()),
        ("jwtSub", "alice".to_string()),
        ("ntlmPassword", "pass".to_string()),
        ("edgeSecret", "edge-secret".to_string()),
        ("rsaPrivateKey", k.rsa.0.clone()),
        ("rsaPublic", k.rsa.1.clone()),
        ("otherRsaPrivateKey", k.other_rsa.clone()),
        ("p256PrivateKey", k.p256.0.clone()),
        ("p256Public", k.p256.1.clone()),
        ("p384PrivateKey", k.p384.0.clone()),
        ("p384Public", k.p384.1.clone()),
        ("p521PrivateKey", k.p521.0.clone()),
        ("p521Public", k.p521.1.clone()),
    ];
    let mut args: Vec<String> = Vec::new();
    for (name, value) in vars {
        args.push("--env-var".into());
        args.push(format!("{name}={value}"));
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    run_collection("tests/auth-signatures.postman_collection.json", &refs)
}

#[test]
fn every_auth_type_signs_right_and_wrong_credentials_are_refused() {
    let run = run_signatures(&[]);
    assert_all_passed(&run, 47);
    // Digest answers each first request with a challenge and a replay (9
    // items), ntlm needs three requests per item (3 items): both count, as
    // in Newman's summary.
    assert_eq!(
        summary_row(&run.stdout, "requests"),
        Some((61, 0)),
        "{run:?}"
    );
    assert!(!run.stdout.contains("could not sign"), "{run:?}");
}

#[test]
fn one_folder_at_a_time_runs_alone() {
    // Items with stateful auth (digest, ntlm, hawk) are barriers for the
    // scheduler: the same results with many jobs.
    for folder in ["digest", "ntlm", "hawk"] {
        let run = run_signatures(&["--folder", folder, "--jobs", "8"]);
        assert_eq!(run.code, 0, "{folder}: {run:?}");
    }
}

#[test]
fn an_auth_that_cannot_sign_warns_and_sends_the_request() {
    let run = run_collection("tests/auth-errors.postman_collection.json", &[]);
    assert_all_passed(&run, 3);
    // the CLI wraps console lines in a box
    let flat = run.stdout.replace("\n  │ ", "");
    for w in [
        "runtime~jwt.auth: could not sign the request: invalid algorithm",
        "runtime~oauth1.auth: could not sign the request: error:1E08010C:DECODER routines::unsupported",
        "runtime~digest.auth: could not sign the request: Unsupported digest algorithm: SHA-1",
    ] {
        assert!(flat.contains(w), "{w}\n{run:?}");
    }
}
