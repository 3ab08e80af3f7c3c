//! NTLM over HTTP ([MS-NTHT]) as postman-runtime does it with httpntlm:
//! the request goes out unsigned; a 401/403 offering NTLM starts the
//! handshake (replay with a type 1 message), the server's type 2 challenge
//! is answered with a type 3 message (replay again), and the state resets
//! after. NTLMv2 responses when the server offers extended security and
//! target info, NTLM2 session responses with extended security only, NTLMv1
//! otherwise. The handshake relies on the kept-alive connection, like the
//! runtime's.

use des::cipher::{BlockEncrypt, KeyInit};

use super::util::{self, Hash};
use super::{AuthTarget, Hook, Params};

const NEGOTIATE_UNICODE: u32 = 0x0000_0001;
const NEGOTIATE_OEM: u32 = 0x0000_0002;
const REQUEST_TARGET: u32 = 0x0000_0004;
const NEGOTIATE_NTLM: u32 = 0x0000_0200;
const OEM_DOMAIN_SUPPLIED: u32 = 0x0000_1000;
const OEM_WORKSTATION_SUPPLIED: u32 = 0x0000_2000;
const ALWAYS_SIGN: u32 = 0x0000_8000;
const EXTENDED_SECURITY: u32 = 0x0008_0000;
const TARGET_INFO: u32 = 0x0080_0000;
const NEGOTIATE_VERSION: u32 = 0x0200_0000;
const NEGOTIATE_128: u32 = 0x2000_0000;
const NEGOTIATE_56: u32 = 0x8000_0000;

const TYPE1_FLAGS: u32 = NEGOTIATE_UNICODE
    | NEGOTIATE_OEM
    | REQUEST_TARGET
    | NEGOTIATE_NTLM
    | OEM_DOMAIN_SUPPLIED
    | OEM_WORKSTATION_SUPPLIED
    | ALWAYS_SIGN
    | EXTENDED_SECURITY
    | NEGOTIATE_VERSION
    | NEGOTIATE_128
    | NEGOTIATE_56;
const TYPE2_FLAGS: u32 = NEGOTIATE_UNICODE
    | REQUEST_TARGET
    | NEGOTIATE_NTLM
    | ALWAYS_SIGN
    | EXTENDED_SECURITY
    | TARGET_INFO
    | NEGOTIATE_VERSION
    | NEGOTIATE_128
    | NEGOTIATE_56;

/// JavaScript's `escape()`.
fn js_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.encode_utf16() {
        match c {
            0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a => out.push(c as u8 as char),
            _ if b"@*_+-./".contains(&(c as u8)) && c < 0x80 => out.push(c as u8 as char),
            0..=0xff => out.push_str(&format!("%{c:02X}")),
            _ => out.push_str(&format!("%u{c:04X}")),
        }
    }
    out
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

/// Node's `'ascii'` encoding of a string: the low byte of each unit.
fn ascii(s: &str) -> Vec<u8> {
    s.encode_utf16().map(|u| u as u8).collect()
}

/// A 7-byte key spread into DES's 8 bytes (parity bits zero).
fn des_key(k7: &[u8]) -> [u8; 8] {
    let mut bits = 0u64;
    for b in k7 {
        bits = (bits << 8) | u64::from(*b);
    }
    let mut out = [0u8; 8];
    for (i, o) in out.iter_mut().enumerate() {
        *o = (((bits >> (49 - 7 * i)) & 0x7f) as u8) << 1;
    }
    out
}

fn des_encrypt(k7: &[u8], block: &[u8]) -> [u8; 8] {
    let cipher = des::Des::new_from_slice(&des_key(k7)).expect("DES takes 8-byte keys");
    let mut b = des::cipher::generic_array::GenericArray::clone_from_slice(&block[..8]);
    cipher.encrypt_block(&mut b);
    b.into()
}

pub(crate) fn nt_hash(password: &str) -> Vec<u8> {
    use md4::Digest;
    md4::Md4::digest(utf16le(password)).to_vec()
}

pub(crate) fn lm_hash(password: &str) -> Vec<u8> {
    let mut pw = ascii(&password.to_uppercase());
    pw.resize(14, 0);
    let mut out = des_encrypt(&pw[..7], b"KGS!@#$%").to_vec();
    out.extend(des_encrypt(&pw[7..14], b"KGS!@#$%"));
    out
}

/// The 24-byte DES response of a 16-byte hash to an 8-byte challenge.
pub(crate) fn calc_resp(hash: &[u8], challenge: &[u8]) -> Vec<u8> {
    let mut padded = hash.to_vec();
    padded.resize(21, 0);
    let mut out = Vec::with_capacity(24);
    for i in 0..3 {
        out.extend(des_encrypt(&padded[i * 7..i * 7 + 7], &challenge[..8]));
    }
    out
}

fn hmac_md5(key: &[u8], data: &[u8]) -> Vec<u8> {
    Hash::Md5.hmac(key, data)
}

/// NTOWFv2: HMAC-MD5 of the NT hash over `UPPER(user) + domain`.
pub(crate) fn ntowf_v2(nt: &[u8], user: &str, domain: &str) -> Vec<u8> {
    hmac_md5(nt, &utf16le(&format!("{}{domain}", user.to_uppercase())))
}

/// A parsed type 2 (challenge) message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Challenge {
    pub flags: u32,
    pub server_challenge: [u8; 8],
    pub target_info: Option<Vec<u8>>,
}

pub(crate) fn type1(domain: &str, workstation: &str) -> String {
    let domain = js_escape(&domain.to_uppercase());
    let workstation = js_escape(&workstation.to_uppercase());
    let mut flags = TYPE1_FLAGS;
    if domain.is_empty() {
        flags -= OEM_DOMAIN_SUPPLIED;
    }
    let (d, w) = (domain.len() as u16, workstation.len() as u16);
    let mut b = Vec::with_capacity(40 + domain.len() + workstation.len());
    b.extend(b"NTLMSSP\0");
    b.extend(1u32.to_le_bytes());
    b.extend(flags.to_le_bytes());
    b.extend(d.to_le_bytes());
    b.extend(d.to_le_bytes());
    b.extend((40 + u32::from(w)).to_le_bytes());
    b.extend(w.to_le_bytes());
    b.extend(w.to_le_bytes());
    b.extend(40u32.to_le_bytes());
    b.extend([5, 1]);
    b.extend(2600u16.to_le_bytes());
    b.extend([0, 0, 0, 15]);
    b.extend(workstation.as_bytes());
    b.extend(domain.as_bytes());
    format!("NTLM {}", util::b64(&b))
}

pub(crate) fn parse_type2(header: &str) -> Option<Challenge> {
    let i = header.find("NTLM ")?;
    let data = header[i + 5..].trim();
    let b = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data).ok()?;
    if b.len() < 32 || i16::from_le_bytes([b[8], b[9]]) != 2 {
        return None;
    }
    let flags = u32::from_le_bytes([b[20], b[21], b[22], b[23]]);
    let mut server_challenge = [0u8; 8];
    server_challenge.copy_from_slice(&b[24..32]);
    let target_info = if flags & TARGET_INFO != 0 && b.len() >= 48 {
        let len = u16::from_le_bytes([b[40], b[41]]) as usize;
        let off = u32::from_le_bytes([b[44], b[45], b[46], b[47]]) as usize;
        let start = off.min(b.len());
        Some(b[start..(off + len).min(b.len())].to_vec())
    } else {
        None
    };
    Some(Challenge {
        flags,
        server_challenge,
        target_info,
    })
}

/// The type 3 (authenticate) message. `client` and `now_ms` are the client
/// challenge and the clock (given by tests).
pub(crate) fn type3(
    c: &Challenge,
    user: &str,
    password: &str,
    domain: &str,
    workstation: &str,
    client: [u8; 8],
    now_ms: u64,
) -> String {
    let unicode = c.flags & NEGOTIATE_UNICODE != 0;
    let domain = js_escape(&domain.to_uppercase());
    let workstation = js_escape(&workstation.to_uppercase());
    let enc = |s: &str| if unicode { utf16le(s) } else { ascii(s) };
    let (domain_b, user_b, ws_b) = (enc(&domain), enc(user), enc(&workstation));
    let nt = nt_hash(password);
    let sc = c.server_challenge;
    let (lm_resp, nt_resp) = if c.flags & EXTENDED_SECURITY != 0 {
        match &c.target_info {
            Some(info) => {
                let key = ntowf_v2(&nt, user, &domain);
                let mut lm = hmac_md5(&key, &[&sc[..], &client[..]].concat());
                lm.extend(client);
                let ts = (now_ms + 11_644_473_600_000) * 10_000;
                let mut temp = vec![1, 1, 0, 0, 0, 0, 0, 0];
                temp.extend(ts.to_le_bytes());
                temp.extend(client);
                temp.extend([0, 0, 0, 0]);
                temp.extend(info);
                temp.extend([0, 0, 0, 0]);
                let mut ntr = hmac_md5(&key, &[&sc[..], &temp[..]].concat());
                ntr.extend(temp);
                (lm, ntr)
            }
            None => {
                let mut lm = client.to_vec();
                lm.extend([0u8; 16]);
                let sess = Hash::Md5.digest(&[&sc, &client]);
                (lm, calc_resp(&nt, &sess[..8]))
            }
        }
    } else {
        (calc_resp(&lm_hash(password), &sc), calc_resp(&nt, &sc))
    };
    let body = 72u32;
    let (dl, ul, wl) = (
        domain_b.len() as u32,
        user_b.len() as u32,
        ws_b.len() as u32,
    );
    let (ll, nl) = (lm_resp.len() as u32, nt_resp.len() as u32);
    let mut b = Vec::new();
    b.extend(b"NTLMSSP\0");
    b.extend(3u32.to_le_bytes());
    let field = |b: &mut Vec<u8>, len: u32, off: u32| {
        b.extend((len as u16).to_le_bytes());
        b.extend((len as u16).to_le_bytes());
        b.extend(off.to_le_bytes());
    };
    field(&mut b, ll, body + dl + ul + wl);
    field(&mut b, nl, body + dl + ul + wl + ll);
    field(&mut b, dl, body);
    field(&mut b, ul, body + dl);
    field(&mut b, wl, body + dl + ul);
    field(&mut b, 0, body + dl + ul + wl + ll + nl);
    let flags = if unicode {
        TYPE2_FLAGS
    } else {
        TYPE2_FLAGS - NEGOTIATE_UNICODE
    };
    b.extend(flags.to_le_bytes());
    b.extend([5, 1]);
    b.extend(2600u16.to_le_bytes());
    b.extend([0, 0, 0, 15]);
    b.extend(domain_b);
    b.extend(user_b);
    b.extend(ws_b);
    b.extend(lm_resp);
    b.extend(nt_resp);
    format!("NTLM {}", util::b64(&b))
}

/// `DOMAIN\user` or `user@DOMAIN` → (user, domain).
fn split_username(username: &str) -> (String, String) {
    let dll: Vec<&str> = username.split('\\').collect();
    let upn: Vec<&str> = username.split('@').collect();
    if dll.len() > 1 && upn.len() > 1 {
        return (username.into(), String::new());
    }
    if dll.len() == 2 && !dll[0].is_empty() && !dll[1].is_empty() {
        return (dll[1].into(), dll[0].into());
    }
    if upn.len() == 2 && !upn[0].is_empty() && !upn[1].is_empty() {
        return (upn[0].into(), upn[1].into());
    }
    (username.into(), String::new())
}

const INITIALIZED: &str = "INITIALIZED";
const T1: &str = "T1_MSG_CREATED";
const T3: &str = "T3_MSG_CREATED";

pub(super) fn pre(a: &mut Hook<'_>) {
    if a.get("state").is_none_or(|s| s.is_empty()) {
        a.set("state", Some(INITIALIZED.into()));
        a.set("ntlmHeader", None);
    }
}

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) -> Result<(), String> {
    t.remove_headers(&|k| k.eq_ignore_ascii_case("authorization"));
    if let Some(h) = p.truthy("ntlmHeader") {
        t.add_header("Authorization", &h);
    }
    Ok(())
}

fn has_challenge(headers: &[(String, String)]) -> bool {
    let www: Vec<&str> = headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("www-authenticate"))
        .map(|(_, v)| v.as_str())
        .collect();
    www.iter().any(|v| *v == "NTLM" || *v == "negotiate")
        || www.last().is_some_and(|v| v.contains("NTLM"))
}

/// The `post` hook: `Ok(true)` to replay.
pub(super) fn post(
    a: &mut Hook<'_>,
    code: u16,
    headers: &[(String, String)],
) -> Result<bool, String> {
    if a.flag("disableRetryRequest") {
        return Ok(false);
    }
    let reset = |a: &mut Hook<'_>| {
        a.set("state", Some(INITIALIZED.into()));
        a.set("ntlmHeader", None);
    };
    if code != 401 && code != 403 {
        reset(a);
        return Ok(false);
    }
    let state = a.get("state").unwrap_or_default();
    let mut domain = a.get("domain").unwrap_or_default();
    let workstation = a.get("workstation").unwrap_or_default();
    let mut username = a.get("username").unwrap_or_default();
    let password = a.get("password").unwrap_or_default();
    if domain.is_empty() {
        (username, domain) = split_username(&username);
    }
    match state.as_str() {
        INITIALIZED => {
            if !has_challenge(headers) {
                reset(a);
                return Ok(false);
            }
            a.set("ntlmHeader", Some(type1(&domain, &workstation)));
            a.set("state", Some(T1.into()));
            Ok(true)
        }
        T1 => {
            let Some((_, h)) = headers.iter().find(|(k, v)| {
                k.eq_ignore_ascii_case("www-authenticate") && v.starts_with("NTLM ")
            }) else {
                reset(a);
                return Err("ntlm: server did not send NTLM type 2 message".into());
            };
            let Some(challenge) = parse_type2(h) else {
                reset(a);
                return Err("ntlm: server did not correctly process authentication request".into());
            };
            let client: [u8; 8] = rand::random();
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as u64)
                .unwrap_or(0);
            let msg = type3(
                &challenge,
                &username,
                &password,
                &domain,
                &workstation,
                client,
                now,
            );
            a.set("ntlmHeader", Some(msg));
            a.set("state", Some(T3.into()));
            Ok(true)
        }
        _ => {
            reset(a);
            Ok(false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::testing::auth;
    use crate::auth::AuthState;
    use crate::vars::Scopes;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
            .collect()
    }

    /// [MS-NLMP] 4.2.2 (NTLM v1) and 4.2.4 (NTLMv2) test values: user
    /// "User", domain "Domain", password "Password", server challenge
    /// 0123456789abcdef, client challenge aa×8.
    #[test]
    fn ms_nlmp_test_vectors() {
        assert_eq!(
            util::hex(&nt_hash("Password")),
            "a4f49c406510bdcab6824ee7c30fd852"
        );
        assert_eq!(
            util::hex(&lm_hash("Password")),
            "e52cac67419a9a224a3b108f3fa6cb6d"
        );
        let sc = unhex("0123456789abcdef");
        assert_eq!(
            util::hex(&calc_resp(&nt_hash("Password"), &sc)),
            "67c43011f30298a2ad35ece64f16331c44bdbed927841f94"
        );
        assert_eq!(
            util::hex(&calc_resp(&lm_hash("Password"), &sc)),
            "98def7b87f88aa5dafe2df779688a172def11c7d5ccdef13"
        );
        let key = ntowf_v2(&nt_hash("Password"), "User", "Domain");
        assert_eq!(util::hex(&key), "0c868a403bfd7a93a3001ef22ef02e3f");
        let lmv2 = hmac_md5(&key, &[sc.as_slice(), &[0xaa; 8]].concat());
        assert_eq!(util::hex(&lmv2), "86c35097ac9cec102554764a57cccc19");
    }

    #[test]
    fn type1_and_type2_round_trip() {
        let t1 = type1("dom", "ws");
        let raw = util::b64_decode_lenient(t1.trim_start_matches("NTLM "));
        assert_eq!(&raw[..8], b"NTLMSSP\0");
        assert_eq!(&raw[40..], b"WSDOM");
        // a type 2 with target info
        let mut t2 = b"NTLMSSP\0".to_vec();
        t2.extend(2u32.to_le_bytes());
        t2.extend([0u8; 8]);
        t2.extend((TYPE2_FLAGS).to_le_bytes());
        t2.extend([1, 2, 3, 4, 5, 6, 7, 8]);
        t2.extend([0u8; 8]);
        t2.extend(4u16.to_le_bytes());
        t2.extend(4u16.to_le_bytes());
        t2.extend(48u32.to_le_bytes());
        t2.extend([9, 9, 9, 9]);
        let c = parse_type2(&format!("NTLM {}", util::b64(&t2))).expect("type 2");
        assert_eq!(c.server_challenge, [1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(c.target_info.as_deref(), Some(&[9u8, 9, 9, 9][..]));
        let t3 = type3(&c, "user", "pw", "DOM", "", [0xaa; 8], 0);
        let raw = util::b64_decode_lenient(t3.trim_start_matches("NTLM "));
        assert_eq!(u32::from_le_bytes([raw[8], raw[9], raw[10], raw[11]]), 3);
        assert!(parse_type2("NTLM AAAA").is_none());
    }

    #[test]
    fn handshake_states() {
        let s = Scopes::default();
        let a = auth("ntlm", &[("username", "DOM\\user"), ("password", "pw")]);
        let st = AuthState::default();
        let m = st.prepare(Some(&a), &s).expect("auth");
        assert_eq!(m.param_str("state").as_deref(), Some("INITIALIZED"));
        assert!(m.param_str("ntlmHeader").is_none());
        let www = vec![("WWW-Authenticate".to_string(), "NTLM".to_string())];
        assert!(st.after_response(Some(&a), 401, &www, &s).replay);
        let m = st.prepare(Some(&a), &s).expect("auth");
        assert!(m
            .param_str("ntlmHeader")
            .expect("type 1")
            .starts_with("NTLM TlRMTVNTUAAB"));
        // no type 2: an error, and back to the start
        let out = st.after_response(Some(&a), 401, &www, &s);
        assert!(!out.replay);
        assert_eq!(
            out.warnings,
            vec!["runtime~ntlm.auth: there was an error validating auth: ntlm: server did not send NTLM type 2 message".to_string()]
        );
        let m = st.prepare(Some(&a), &s).expect("auth");
        assert_eq!(m.param_str("state").as_deref(), Some("INITIALIZED"));
        assert_eq!(split_username("a@b"), ("a".to_string(), "b".to_string()));
        assert_eq!(js_escape("a b/é"), "a%20b/%E9");
    }
}
