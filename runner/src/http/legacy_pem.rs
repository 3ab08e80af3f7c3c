//! Private keys in OpenSSL's legacy encrypted PEM (`Proc-Type: 4,ENCRYPTED`
//! and `DEK-Info: <cipher>,<iv hex>` headers, as `openssl rsa -aes256
//! -traditional` and older OpenSSL write them), which Node reads with the
//! passphrase. The key is derived with OpenSSL's `EVP_BytesToKey` (MD5, one
//! round, the first 8 bytes of the IV as salt) and the body decrypted in
//! CBC mode with PKCS#7 padding: AES-128/192/256, DES-EDE3 and DES.

use aes::cipher::{block_padding::Pkcs7, BlockCipher, BlockDecrypt, BlockDecryptMut, KeyIvInit};
use md5::{Digest, Md5};

/// Why a legacy encrypted key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum LegacyPemError {
    /// A wrong or missing passphrase (OpenSSL cannot tell them apart).
    #[error("bad decrypt")]
    BadDecrypt,
    #[error("unsupported encryption of the private key: {0}")]
    UnsupportedCipher(String),
    #[error("malformed encrypted private key: {0}")]
    Malformed(&'static str),
}

/// Is this PEM text a legacy encrypted key?
pub(crate) fn is_legacy_encrypted(text: &str) -> bool {
    text.contains("Proc-Type: 4,ENCRYPTED")
}

/// `EVP_BytesToKey(cipher, MD5, salt, passphrase, count = 1)`: key bytes.
fn bytes_to_key(passphrase: &[u8], salt: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 16);
    let mut previous: Vec<u8> = Vec::new();
    while out.len() < len {
        let mut md = Md5::new();
        md.update(&previous);
        md.update(passphrase);
        md.update(salt);
        previous = md.finalize().to_vec();
        out.extend_from_slice(&previous);
    }
    out.truncate(len);
    out
}

fn hex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

fn cbc_decrypt<C>(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>, LegacyPemError>
where
    C: BlockDecrypt + BlockCipher,
    cbc::Decryptor<C>: KeyIvInit,
{
    cbc::Decryptor::<C>::new_from_slices(key, iv)
        .map_err(|_| LegacyPemError::Malformed("IV of the wrong length"))?
        .decrypt_padded_vec_mut::<Pkcs7>(data)
        .map_err(|_| LegacyPemError::BadDecrypt)
}

/// The decrypted key as unencrypted PEM, under the same label.
pub(crate) fn decrypt(text: &str, passphrase: &[u8]) -> Result<String, LegacyPemError> {
    let begin = text
        .find("-----BEGIN ")
        .ok_or(LegacyPemError::Malformed("no PEM block"))?;
    let text = &text[begin..];
    let first_end = text
        .find('\n')
        .ok_or(LegacyPemError::Malformed("no PEM block"))?;
    let label = text[..first_end]
        .trim()
        .trim_start_matches("-----BEGIN ")
        .trim_end_matches("-----")
        .to_string();
    let end_marker = format!("-----END {label}-----");
    let body_end = text
        .find(&end_marker)
        .ok_or(LegacyPemError::Malformed("no end of the PEM block"))?;
    let mut dek = None;
    let mut b64 = String::new();
    for line in text[first_end + 1..body_end].lines() {
        let line = line.trim();
        if let Some((name, value)) = line.split_once(':') {
            if name.trim() == "DEK-Info" {
                dek = Some(value.trim().to_string());
            }
            continue;
        }
        b64.push_str(line);
    }
    let dek = dek.ok_or(LegacyPemError::Malformed("no DEK-Info header"))?;
    let (cipher, iv) = dek
        .split_once(',')
        .ok_or(LegacyPemError::Malformed("DEK-Info without an IV"))?;
    let iv = hex(iv.trim()).ok_or(LegacyPemError::Malformed("IV not in hex"))?;
    if iv.len() < 8 {
        return Err(LegacyPemError::Malformed("IV too short"));
    }
    use base64::Engine;
    let data = base64::engine::general_purpose::STANDARD
        .decode(b64.as_bytes())
        .map_err(|_| LegacyPemError::Malformed("body not in base64"))?;
    let cipher = cipher.trim().to_ascii_uppercase();
    let key_len = match cipher.as_str() {
        "AES-128-CBC" => 16,
        "AES-192-CBC" => 24,
        "AES-256-CBC" => 32,
        "DES-EDE3-CBC" => 24,
        "DES-CBC" => 8,
        other => return Err(LegacyPemError::UnsupportedCipher(other.to_string())),
    };
    let key = bytes_to_key(passphrase, &iv[..8], key_len);
    let plain = match cipher.as_str() {
        "AES-128-CBC" => cbc_decrypt::<aes::Aes128>(&key, &iv, &data)?,
        "AES-192-CBC" => cbc_decrypt::<aes::Aes192>(&key, &iv, &data)?,
        "AES-256-CBC" => cbc_decrypt::<aes::Aes256>(&key, &iv, &data)?,
        "DES-EDE3-CBC" => cbc_decrypt::<des::TdesEde3>(&key, &iv, &data)?,
        _ => cbc_decrypt::<des::Des>(&key, &iv, &data)?,
    };
    // a wrong passphrase that happens to leave valid padding: not DER
    if plain.first() != Some(&0x30) {
        return Err(LegacyPemError::BadDecrypt);
    }
    let b64 = base64::engine::general_purpose::STANDARD.encode(&plain);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&end_marker);
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A throwaway P-256 test key, and the same key as `openssl ec -aes256`,
    /// `-des3` and `-aes128` (OpenSSL 3) wrote it with the passphrase
    /// `s3cret`.
    const PLAIN: &str = "-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIAfWYr22ZuGCXnvJkXXEYPJe1++tOmmlu8IvMSG44qf4oAoGCCqGSM49
AwEHoUQDQgAEkouV0PBn2TU+gvSPFkrZiKUEbIMg2r340pL+tHULTR0ty6iosGT6
qGmNCEdLeu8fbeR/+xK3oaV2UdUzHiH6Fg==
-----END EC PRIVATE KEY-----
";
    const AES256: &str = "-----BEGIN EC PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: AES-256-CBC,0F29FCBC0DCD0F95F0B9E4E9EBB8A041

WFrcgmf4p17/NuqeQElhjSTIX4QPMGM/Cf2ZCTVxmzk7/QA/dOHJISkDcUy/9IV/
uA6S0hvKrS5plFNquDVtNq5vdNgtbTXEU7TtS+6jy+PERzHLPNbBdYAGnJuEsdmD
xxTsxlCJegeiJ/h0a2+wyFdGsqYY+9UTsyAj8/utLLs=
-----END EC PRIVATE KEY-----
";
    const DES3: &str = "-----BEGIN EC PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: DES-EDE3-CBC,432BABF223A5803A

x/THRZwmBcOajkeqdnkgpY2fPxUt7acsiCFWI/nSRC/lU8BdD4H90mLPfYGqlXSj
If+wvNfYbFpaC6MF0etbGs7KszpnR6tCnhI2/JeX0pnPz14M1xAy2lxJPbEychEb
ZF8QaVVpn7TnczbOWKlG3OTv6GxgC1hMQBYEgPo5pL0=
-----END EC PRIVATE KEY-----
";
    const AES128: &str = "-----BEGIN EC PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: AES-128-CBC,1FACE965ACE7271983480DD227C6264F

5KR5S61JonwZBiWlWrmhZncOXitK+UF4kdHmsgDGdb9lHaZQSiAxCLgVOVNXE5fx
ZXD8BtRXEUokyK5xYGmqnk6PiYeeQpljEwiUaM6EsUrzRMSZBHl/yFP33zPv7yf1
dKyS7YTyI8ruAL/dy8pGCPZ/sVFZbbII7ORbshhQHrs=
-----END EC PRIVATE KEY-----
";

    #[test]
    fn keys_openssl_encrypted_decrypt_with_the_passphrase() {
        for enc in [AES256, DES3, AES128] {
            assert!(is_legacy_encrypted(enc));
            assert_eq!(decrypt(enc, b"s3cret").as_deref(), Ok(PLAIN));
        }
        assert!(!is_legacy_encrypted(PLAIN));
    }

    #[test]
    fn a_wrong_passphrase_is_bad_decrypt() {
        for enc in [AES256, DES3, AES128] {
            assert_eq!(decrypt(enc, b"wrong"), Err(LegacyPemError::BadDecrypt));
            assert_eq!(decrypt(enc, b""), Err(LegacyPemError::BadDecrypt));
        }
    }

    #[test]
    fn other_ciphers_and_broken_headers_are_errors() {
        let seed = AES256.replace("AES-256-CBC", "SEED-CBC");
        assert_eq!(
            decrypt(&seed, b"s3cret"),
            Err(LegacyPemError::UnsupportedCipher("SEED-CBC".into()))
        );
        let no_dek = AES256.replace("DEK-Info", "X-Info");
        assert!(matches!(
            decrypt(&no_dek, b"s3cret"),
            Err(LegacyPemError::Malformed(_))
        ));
    }
}
