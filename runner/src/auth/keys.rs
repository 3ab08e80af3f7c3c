//! Private keys from PEM text and the asymmetric signatures the handlers
//! make with them: RSA PKCS#1 v1.5 (oauth1 RSA-SHA*, jwt RS*), RSA-PSS
//! (jwt PS*, salt as long as the hash, as jose does) and ECDSA on P-256,
//! P-384 and P-521 (jwt ES*, the JWS `r || s` form). RustCrypto's `rsa`,
//! `p256`, `p384` and `p521` do the work.

use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::RsaPrivateKey;

use super::util::Hash;

/// OpenSSL's message for key text it cannot decode, as Node reports it.
pub(crate) const UNSUPPORTED_KEY: &str = "error:1E08010C:DECODER routines::unsupported";

/// An RSA key from PKCS#1 (`RSA PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`)
/// PEM, as Node's `crypto.createSign().sign(pem)` accepts.
pub(crate) fn rsa_key(pem: &str) -> Result<RsaPrivateKey, String> {
    let pem = pem.trim();
    RsaPrivateKey::from_pkcs1_pem(pem)
        .or_else(|_| RsaPrivateKey::from_pkcs8_pem(pem))
        .map_err(|_| UNSUPPORTED_KEY.to_string())
}

/// RSASSA-PKCS1-v1_5 with `hash`.
pub(crate) fn rsa_pkcs1(key: &RsaPrivateKey, hash: Hash, msg: &[u8]) -> Result<Vec<u8>, String> {
    use rsa::signature::{SignatureEncoding, Signer};
    let sig = match hash {
        Hash::Sha1 => rsa::pkcs1v15::SigningKey::<sha1::Sha1>::new(key.clone())
            .try_sign(msg)
            .map(|s| s.to_vec()),
        Hash::Sha256 => rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key.clone())
            .try_sign(msg)
            .map(|s| s.to_vec()),
        Hash::Sha512 => rsa::pkcs1v15::SigningKey::<sha2::Sha512>::new(key.clone())
            .try_sign(msg)
            .map(|s| s.to_vec()),
        _ => return Err("unsupported hash for RSA".into()),
    };
    sig.map_err(|e| e.to_string())
}

/// Hashes of the JWS algorithms (`…256`, `…384`, `…512`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bits {
    B256,
    B384,
    B512,
}

impl Bits {
    pub fn of(alg: &str) -> Option<Bits> {
        match alg.get(2..)? {
            "256" => Some(Bits::B256),
            "384" => Some(Bits::B384),
            "512" => Some(Bits::B512),
            _ => None,
        }
    }
}

/// A JWS signature for `alg` (RS*, PS*, ES*) with a PKCS#8 PEM key, the
/// way jose's `importPKCS8` + `SignJWT` make it: the text must start with
/// the PKCS#8 header; line breaks inside do not matter.
pub(crate) fn jws_sign(alg: &str, pkcs8_pem: &str, msg: &[u8]) -> Result<Vec<u8>, String> {
    if !pkcs8_pem.starts_with("-----BEGIN PRIVATE KEY-----") {
        return Err("\"pkcs8\" must be PKCS#8 formatted string".into());
    }
    let body: String = pkcs8_pem
        .replace("-----BEGIN PRIVATE KEY-----", "")
        .replace("-----END PRIVATE KEY-----", "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let der = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body)
        .map_err(|_| UNSUPPORTED_KEY.to_string())?;
    jws_sign_der(alg, &der, msg)
}

/// [`jws_sign`] with the key's PKCS#8 DER.
pub(crate) fn jws_sign_der(alg: &str, der: &[u8], msg: &[u8]) -> Result<Vec<u8>, String> {
    use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
    let bits = Bits::of(alg).ok_or_else(|| "invalid algorithm".to_string())?;
    match &alg[..2] {
        "RS" | "PS" => {
            let key =
                RsaPrivateKey::from_pkcs8_der(der).map_err(|_| UNSUPPORTED_KEY.to_string())?;
            let size = rsa::traits::PublicKeyParts::size(&key) * 8;
            if size < 2048 {
                return Err(format!(
                    "{alg} requires key modulusLength to be 2048 bits or larger"
                ));
            }
            if &alg[..2] == "RS" {
                let h = match bits {
                    Bits::B256 => Hash::Sha256,
                    Bits::B384 => {
                        return rsa::pkcs1v15::SigningKey::<sha2::Sha384>::new(key)
                            .try_sign(msg)
                            .map(|s| s.to_vec())
                            .map_err(|e| e.to_string())
                    }
                    Bits::B512 => Hash::Sha512,
                };
                return rsa_pkcs1(&key, h, msg);
            }
            let mut rng = rand_core::OsRng;
            let sig = match bits {
                Bits::B256 => rsa::pss::SigningKey::<sha2::Sha256>::new(key)
                    .try_sign_with_rng(&mut rng, msg)
                    .map(|s| s.to_vec()),
                Bits::B384 => rsa::pss::SigningKey::<sha2::Sha384>::new(key)
                    .try_sign_with_rng(&mut rng, msg)
                    .map(|s| s.to_vec()),
                Bits::B512 => rsa::pss::SigningKey::<sha2::Sha512>::new(key)
                    .try_sign_with_rng(&mut rng, msg)
                    .map(|s| s.to_vec()),
            };
            sig.map_err(|e| e.to_string())
        }
        "ES" => {
            let wrong_curve = |expected: &str| {
                format!("Invalid key curve for the algorithm, its curve must be {expected}")
            };
            match bits {
                Bits::B256 => {
                    let k =
                        p256::SecretKey::from_pkcs8_der(der).map_err(|_| wrong_curve("P-256"))?;
                    let s: p256::ecdsa::Signature = p256::ecdsa::SigningKey::from(k)
                        .try_sign(msg)
                        .map_err(|e| e.to_string())?;
                    Ok(s.to_bytes().to_vec())
                }
                Bits::B384 => {
                    let k =
                        p384::SecretKey::from_pkcs8_der(der).map_err(|_| wrong_curve("P-384"))?;
                    let s: p384::ecdsa::Signature = p384::ecdsa::SigningKey::from(k)
                        .try_sign(msg)
                        .map_err(|e| e.to_string())?;
                    Ok(s.to_bytes().to_vec())
                }
                Bits::B512 => {
                    let k =
                        p521::SecretKey::from_pkcs8_der(der).map_err(|_| wrong_curve("P-521"))?;
                    let sk = p521::ecdsa::SigningKey::from_bytes(&k.to_bytes())
                        .map_err(|e| e.to_string())?;
                    let s: p521::ecdsa::Signature = sk.try_sign(msg).map_err(|e| e.to_string())?;
                    Ok(s.to_bytes().to_vec())
                }
            }
        }
        _ => Err("invalid algorithm".into()),
    }
}
