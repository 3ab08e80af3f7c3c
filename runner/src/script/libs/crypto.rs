//! Native halves of `crypto-js` (hashes, HMAC, PBKDF2, OpenSSL's EvpKDF,
//! AES/DES/TripleDES with crypto-js's modes and paddings) and of `Buffer`
//! (UTF-8 and base64 conversion), on the RustCrypto crates.

use aes::cipher::{generic_array::GenericArray, BlockDecrypt, BlockEncrypt, KeyInit};
use base64::Engine as _;
use hmac::{Mac, SimpleHmac};
use rand::RngCore;
use rquickjs::function::Rest;
use rquickjs::{Ctx, Exception, Result, Value};
use sha2::Digest;

use super::{arg, arg_bool, arg_bytes, arg_string, arg_uint, to_u8array, type_error};

/// Dispatch a generic function over the digest named by `$alg`.
macro_rules! with_digest {
    ($alg:expr, $f:ident ( $($a:expr),* )) => {
        match $alg {
            "md5" => Some($f::<md5::Md5>($($a),*)),
            "sha1" => Some($f::<sha1::Sha1>($($a),*)),
            "sha224" => Some($f::<sha2::Sha224>($($a),*)),
            "sha256" => Some($f::<sha2::Sha256>($($a),*)),
            "sha384" => Some($f::<sha2::Sha384>($($a),*)),
            "sha512" => Some($f::<sha2::Sha512>($($a),*)),
            // crypto-js's SHA3 is the original Keccak (pre-FIPS padding).
            "keccak224" => Some($f::<sha3::Keccak224>($($a),*)),
            "keccak256" => Some($f::<sha3::Keccak256>($($a),*)),
            "keccak384" => Some($f::<sha3::Keccak384>($($a),*)),
            "keccak512" => Some($f::<sha3::Keccak512>($($a),*)),
            "sha3-224" => Some($f::<sha3::Sha3_224>($($a),*)),
            "sha3-256" => Some($f::<sha3::Sha3_256>($($a),*)),
            "sha3-384" => Some($f::<sha3::Sha3_384>($($a),*)),
            "sha3-512" => Some($f::<sha3::Sha3_512>($($a),*)),
            "ripemd160" => Some($f::<ripemd::Ripemd160>($($a),*)),
            _ => None,
        }
    };
}

fn unknown_alg(ctx: &Ctx<'_>, func: &str, alg: &str) -> rquickjs::Error {
    type_error(ctx, &format!("{func}: unsupported algorithm '{alg}'"))
}

fn hash_of<D: Digest>(data: &[u8]) -> Vec<u8> {
    D::digest(data).to_vec()
}

fn hmac_of<D: Digest + hmac::digest::core_api::BlockSizeUser + Clone>(
    key: &[u8],
    data: &[u8],
) -> Vec<u8> {
    // SimpleHmac accepts keys of any length.
    let mut mac = <SimpleHmac<D> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

fn pbkdf2_of<D: Digest + hmac::digest::core_api::BlockSizeUser + Clone + Sync>(
    password: &[u8],
    salt: &[u8],
    len: usize,
    iterations: u32,
) -> Vec<u8> {
    let mut out = vec![0u8; len];
    let _ = pbkdf2::pbkdf2::<SimpleHmac<D>>(password, salt, iterations, &mut out);
    out
}

/// OpenSSL's EVP_BytesToKey as crypto-js's EvpKDF computes it.
fn evpkdf_of<D: Digest>(password: &[u8], salt: &[u8], len: usize, iterations: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 64);
    let mut block: Vec<u8> = Vec::new();
    while out.len() < len {
        let mut h = D::new();
        h.update(&block);
        h.update(password);
        h.update(salt);
        block = h.finalize().to_vec();
        for _ in 1..iterations {
            block = D::digest(&block).to_vec();
        }
        out.extend_from_slice(&block);
    }
    out.truncate(len);
    out
}

/// `digest(alg, data)` → Uint8Array.
pub fn digest<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let alg = arg_string(&ctx, &args, 0, "digest", "algorithm")?;
    let data = arg_bytes(&ctx, &args, 1, "digest", "data")?;
    match with_digest!(alg.as_str(), hash_of(&data)) {
        Some(out) => to_u8array(&ctx, out),
        None => Err(unknown_alg(&ctx, "digest", &alg)),
    }
}

/// `hmac(alg, key, data)` → Uint8Array.
pub fn hmac<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let alg = arg_string(&ctx, &args, 0, "hmac", "algorithm")?;
    let key = arg_bytes(&ctx, &args, 1, "hmac", "key")?;
    let data = arg_bytes(&ctx, &args, 2, "hmac", "data")?;
    match with_digest!(alg.as_str(), hmac_of(&key, &data)) {
        Some(out) => to_u8array(&ctx, out),
        None => Err(unknown_alg(&ctx, "hmac", &alg)),
    }
}

const MAX_KEY_BYTES: f64 = 1024.0 * 1024.0;
const MAX_ITERATIONS: f64 = 10_000_000.0;

/// `pbkdf2(alg, password, salt, lengthBytes, iterations)` → Uint8Array.
pub fn pbkdf2<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let alg = arg_string(&ctx, &args, 0, "pbkdf2", "algorithm")?;
    let password = arg_bytes(&ctx, &args, 1, "pbkdf2", "password")?;
    let salt = arg_bytes(&ctx, &args, 2, "pbkdf2", "salt")?;
    let len = arg_uint(&ctx, &args, 3, "pbkdf2", "length", MAX_KEY_BYTES)?;
    let iterations =
        arg_uint(&ctx, &args, 4, "pbkdf2", "iterations", MAX_ITERATIONS)?.max(1) as u32;
    match with_digest!(alg.as_str(), pbkdf2_of(&password, &salt, len, iterations)) {
        Some(out) => to_u8array(&ctx, out),
        None => Err(unknown_alg(&ctx, "pbkdf2", &alg)),
    }
}

/// `evpkdf(alg, password, salt, lengthBytes, iterations)` → Uint8Array.
pub fn evpkdf<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let alg = arg_string(&ctx, &args, 0, "evpkdf", "algorithm")?;
    let password = arg_bytes(&ctx, &args, 1, "evpkdf", "password")?;
    let salt = arg_bytes(&ctx, &args, 2, "evpkdf", "salt")?;
    let len = arg_uint(&ctx, &args, 3, "evpkdf", "length", MAX_KEY_BYTES)?;
    let iterations =
        arg_uint(&ctx, &args, 4, "evpkdf", "iterations", MAX_ITERATIONS)?.max(1) as u32;
    match with_digest!(alg.as_str(), evpkdf_of(&password, &salt, len, iterations)) {
        Some(out) => to_u8array(&ctx, out),
        None => Err(unknown_alg(&ctx, "evpkdf", &alg)),
    }
}

/// `random(n)` → Uint8Array of n random bytes.
pub fn random<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let n = arg_uint(&ctx, &args, 0, "random", "length", MAX_KEY_BYTES)?;
    let mut out = vec![0u8; n];
    rand::rng().fill_bytes(&mut out);
    to_u8array(&ctx, out)
}

// ---------------------------------------------------------------------------
// Block ciphers

enum Block {
    Aes128(aes::Aes128),
    Aes192(aes::Aes192),
    Aes256(aes::Aes256),
    Des(des::Des),
    Tdes(des::TdesEde3),
}

impl Block {
    fn size(&self) -> usize {
        match self {
            Block::Des(_) | Block::Tdes(_) => 8,
            _ => 16,
        }
    }
    fn encrypt(&self, b: &mut [u8]) {
        match self {
            Block::Aes128(c) => c.encrypt_block(GenericArray::from_mut_slice(b)),
            Block::Aes192(c) => c.encrypt_block(GenericArray::from_mut_slice(b)),
            Block::Aes256(c) => c.encrypt_block(GenericArray::from_mut_slice(b)),
            Block::Des(c) => c.encrypt_block(GenericArray::from_mut_slice(b)),
            Block::Tdes(c) => c.encrypt_block(GenericArray::from_mut_slice(b)),
        }
    }
    fn decrypt(&self, b: &mut [u8]) {
        match self {
            Block::Aes128(c) => c.decrypt_block(GenericArray::from_mut_slice(b)),
            Block::Aes192(c) => c.decrypt_block(GenericArray::from_mut_slice(b)),
            Block::Aes256(c) => c.decrypt_block(GenericArray::from_mut_slice(b)),
            Block::Des(c) => c.decrypt_block(GenericArray::from_mut_slice(b)),
            Block::Tdes(c) => c.decrypt_block(GenericArray::from_mut_slice(b)),
        }
    }
}

fn make_block(ctx: &Ctx<'_>, alg: &str, key: &[u8]) -> Result<Block> {
    // crypto-js reads missing key words as zero.
    let padded = |n: usize| {
        let mut k = key.to_vec();
        k.resize(n, 0);
        k
    };
    let bad = || {
        type_error(
            ctx,
            &format!("cipher: invalid key length {} for {alg}", key.len()),
        )
    };
    Ok(match alg {
        "aes" => match key.len() {
            16 => Block::Aes128(aes::Aes128::new_from_slice(key).map_err(|_| bad())?),
            24 => Block::Aes192(aes::Aes192::new_from_slice(key).map_err(|_| bad())?),
            32 => Block::Aes256(aes::Aes256::new_from_slice(key).map_err(|_| bad())?),
            n => {
                return Err(type_error(
                    ctx,
                    &format!(
                        "AES key must be 16, 24 or 32 bytes (a WordArray of 4, 6 or 8 words), got {n} bytes; \
                         postgate does not emulate crypto-js's schedule for other sizes"
                    ),
                ))
            }
        },
        "des" => Block::Des(des::Des::new_from_slice(&padded(8)[..8]).map_err(|_| bad())?),
        "tripledes" => Block::Tdes(des::TdesEde3::new_from_slice(&padded(24)[..24]).map_err(|_| bad())?),
        _ => return Err(unknown_alg(ctx, "cipher", alg)),
    })
}

fn xor(a: &mut [u8], b: &[u8]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x ^= *y;
    }
}

/// `cipher(alg, encrypt, mode, padding, key, iv, data)` → Uint8Array.
///
/// Follows crypto-js 3.3.0: the padding applies in every mode (CTR/CFB/OFB
/// included), a partial final block is processed zero-extended and the
/// output cut to the input's length, CFB is CFB-128, CTR increments only
/// the last 32-bit word of the counter, and unpadding trusts the last byte.
pub fn cipher<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let alg = arg_string(&ctx, &args, 0, "cipher", "algorithm")?;
    let encrypt = arg_bool(&args, 1);
    let mode = arg_string(&ctx, &args, 2, "cipher", "mode")?;
    let padding = arg_string(&ctx, &args, 3, "cipher", "padding")?;
    let key = arg_bytes(&ctx, &args, 4, "cipher", "key")?;
    let iv = match arg(&args, 5) {
        Some(v) if !v.is_null() => Some(super::bytes_of(&ctx, Some(v), "cipher", "iv")?),
        _ => None,
    };
    let mut data = arg_bytes(&ctx, &args, 6, "cipher", "data")?;
    let block = make_block(&ctx, &alg, &key)?;
    let bs = block.size();
    if !matches!(
        padding.as_str(),
        "pkcs7" | "ansix923" | "iso10126" | "iso97971" | "zero" | "none"
    ) {
        return Err(type_error(
            &ctx,
            &format!("cipher: unsupported padding '{padding}'"),
        ));
    }
    if !matches!(mode.as_str(), "cbc" | "ecb" | "cfb" | "ofb" | "ctr") {
        return Err(type_error(
            &ctx,
            &format!("cipher: unsupported mode '{mode}'"),
        ));
    }
    let iv = match (mode.as_str(), iv) {
        ("ecb", _) => vec![0u8; bs],
        (_, Some(mut iv)) => {
            iv.resize(bs, 0);
            iv
        }
        (_, None) => {
            return Err(type_error(
                &ctx,
                &format!(
                "cipher: the {} mode needs an iv (pass cfg.iv, or a passphrase string as the key)",
                mode.to_uppercase()
            ),
            ))
        }
    };

    if encrypt {
        let n = data.len();
        match padding.as_str() {
            "pkcs7" | "ansix923" | "iso10126" => {
                let p = bs - n % bs;
                match padding.as_str() {
                    "pkcs7" => data.resize(n + p, p as u8),
                    "ansix923" => {
                        data.resize(n + p, 0);
                        data[n + p - 1] = p as u8;
                    }
                    _ => {
                        let mut r = vec![0u8; p - 1];
                        rand::rng().fill_bytes(&mut r);
                        data.extend_from_slice(&r);
                        data.push(p as u8);
                    }
                }
            }
            "iso97971" => {
                data.push(0x80);
                let m = data.len();
                data.resize(m.div_ceil(bs) * bs, 0);
            }
            "zero" => data.resize(n.div_ceil(bs) * bs, 0),
            _ => {}
        }
    }
    let out_len = data.len();
    data.resize(out_len.div_ceil(bs) * bs, 0);

    let mut prev = iv;
    for chunk in data.chunks_mut(bs) {
        match (mode.as_str(), encrypt) {
            ("ecb", true) => block.encrypt(chunk),
            ("ecb", false) => block.decrypt(chunk),
            ("cbc", true) => {
                xor(chunk, &prev);
                block.encrypt(chunk);
                prev.copy_from_slice(chunk);
            }
            ("cbc", false) => {
                let c = chunk.to_vec();
                block.decrypt(chunk);
                xor(chunk, &prev);
                prev = c;
            }
            ("cfb", enc) => {
                let mut ks = prev.clone();
                block.encrypt(&mut ks);
                let c = chunk.to_vec();
                xor(chunk, &ks);
                prev = if enc { chunk.to_vec() } else { c };
            }
            ("ofb", _) => {
                block.encrypt(&mut prev);
                xor(chunk, &prev);
            }
            _ => {
                // ctr
                let mut ks = prev.clone();
                block.encrypt(&mut ks);
                let w = bs - 4;
                let ctr = u32::from_be_bytes([prev[w], prev[w + 1], prev[w + 2], prev[w + 3]])
                    .wrapping_add(1);
                prev[w..].copy_from_slice(&ctr.to_be_bytes());
                xor(chunk, &ks);
            }
        }
    }
    data.truncate(out_len);

    if !encrypt {
        let n = data.len();
        match padding.as_str() {
            "pkcs7" | "ansix923" | "iso10126" => {
                let p = data.last().copied().unwrap_or(0) as usize;
                data.truncate(n.saturating_sub(p));
            }
            "zero" | "iso97971" => {
                while data.last() == Some(&0) {
                    data.pop();
                }
                if padding == "iso97971" {
                    data.pop();
                }
            }
            _ => {}
        }
    }
    to_u8array(&ctx, data)
}

// ---------------------------------------------------------------------------
// Text and base64 conversion (Buffer, atob/btoa)

/// `utf8Encode(string)` → Uint8Array (lone surrogates become U+FFFD).
pub fn utf8_encode<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let s = arg_string(&ctx, &args, 0, "utf8Encode", "text")?;
    to_u8array(&ctx, s.into_bytes())
}

/// `utf8Decode(bytes, fatal)` → string. Invalid sequences become U+FFFD,
/// or throw `Error('Malformed UTF-8 data')` (crypto-js's message) when fatal.
pub fn utf8_decode<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let bytes = arg_bytes(&ctx, &args, 0, "utf8Decode", "bytes")?;
    let s = if arg_bool(&args, 1) {
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => return Err(Exception::throw_message(&ctx, "Malformed UTF-8 data")),
        }
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Ok(rquickjs::String::from_str(ctx.clone(), &s)?.into_value())
}

/// `b64Encode(bytes, urlSafe)` → string (padded unless URL-safe).
pub fn b64_encode<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let bytes = arg_bytes(&ctx, &args, 0, "b64Encode", "bytes")?;
    let s = if arg_bool(&args, 1) {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    } else {
        base64::engine::general_purpose::STANDARD.encode(bytes)
    };
    Ok(rquickjs::String::from_str(ctx.clone(), &s)?.into_value())
}

/// `b64Decode(string)` → Uint8Array, as forgiving as Node's Buffer: both
/// alphabets, characters outside them skipped, stops at the first `=`.
pub fn b64_decode<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let s = arg_string(&ctx, &args, 0, "b64Decode", "text")?;
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut nbits = 0u32;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | v as u32;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((acc >> nbits) as u8);
            acc &= (1 << nbits) - 1;
        }
    }
    to_u8array(&ctx, out)
}
