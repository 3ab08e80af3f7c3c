//! The TLS configuration of the run's clients, with server certificate
//! verdicts in OpenSSL's terms. rustls (through the platform verifier)
//! reports every untrusted chain as an unknown issuer, where Node tells a
//! self-signed certificate, a self-signed root in the presented chain, an
//! unknown issuer of the first certificate and one further up apart.
//! [`NodeVerifier`] wraps the platform verifier and, on an unknown issuer,
//! walks the chain the server presented (by issuer and subject names) to say
//! which, as an [`UntrustedChain`] inside the rustls error.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, OtherError, SignatureScheme};

/// Why a chain is not trusted, as OpenSSL words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub(crate) enum UntrustedChain {
    /// The server's own certificate is self-signed.
    #[error("self-signed certificate")]
    SelfSigned,
    /// The presented chain ends in a self-signed certificate not trusted.
    #[error("self-signed certificate in certificate chain")]
    SelfSignedInChain,
    /// The issuer of the server's certificate is unknown.
    #[error("unable to verify the first certificate")]
    LeafIssuerUnknown,
    /// The issuer of the last certificate of the presented chain is unknown.
    #[error("unable to get local issuer certificate")]
    IssuerUnknown,
}

impl UntrustedChain {
    /// Node's error code.
    pub fn code(self) -> &'static str {
        match self {
            UntrustedChain::SelfSigned => "DEPTH_ZERO_SELF_SIGNED_CERT",
            UntrustedChain::SelfSignedInChain => "SELF_SIGNED_CERT_IN_CHAIN",
            UntrustedChain::LeafIssuerUnknown => "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            UntrustedChain::IssuerUnknown => "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        }
    }
}

/// One DER element: (tag, contents, the rest after it).
fn tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, mut rest) = rest.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let (bytes, after) = rest.split_at(n);
        rest = after;
        bytes
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b))
    };
    if rest.len() < len {
        return None;
    }
    let (content, after) = rest.split_at(len);
    Some((tag, content, after))
}

/// The issuer and subject names (DER) of a certificate.
fn names(cert: &[u8]) -> Option<(&[u8], &[u8])> {
    let (_, certificate, _) = tlv(cert)?;
    let (_, tbs, _) = tlv(certificate)?;
    let mut rest = tbs;
    // [0] EXPLICIT version, when present
    if rest.first() == Some(&0xa0) {
        rest = tlv(rest)?.2;
    }
    let rest = tlv(rest)?.2; // serialNumber
    let rest = tlv(rest)?.2; // signature algorithm
    let (_, issuer, rest) = tlv(rest)?;
    let rest = tlv(rest)?.2; // validity
    let (_, subject, _) = tlv(rest)?;
    Some((issuer, subject))
}

/// What OpenSSL says of a chain nothing trusted: follow the issuers
/// through the certificates the server presented until a self-signed one,
/// or one whose issuer is not among them.
pub(crate) fn classify(end_entity: &[u8], intermediates: &[&[u8]]) -> UntrustedChain {
    let Some(mut current) = names(end_entity) else {
        return UntrustedChain::LeafIssuerUnknown;
    };
    let mut used = vec![false; intermediates.len()];
    let mut depth = 0;
    loop {
        let (issuer, subject) = current;
        if issuer == subject {
            return if depth == 0 {
                UntrustedChain::SelfSigned
            } else {
                UntrustedChain::SelfSignedInChain
            };
        }
        let next = intermediates.iter().enumerate().find_map(|(i, der)| {
            let n = names(der)?;
            (!used[i] && n.1 == issuer).then_some((i, n))
        });
        match next {
            Some((i, n)) => {
                used[i] = true;
                current = n;
                depth += 1;
            }
            None if depth == 0 => return UntrustedChain::LeafIssuerUnknown,
            None => return UntrustedChain::IssuerUnknown,
        }
    }
}

/// The platform's verdict, with an unknown issuer told apart as Node does.
#[derive(Debug)]
struct NodeVerifier {
    inner: rustls_platform_verifier::Verifier,
}

impl ServerCertVerifier for NodeVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map_err(|e| match e {
                rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
                    let chain: Vec<&[u8]> = intermediates.iter().map(|c| c.as_ref()).collect();
                    let why = classify(end_entity.as_ref(), &chain);
                    rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(
                        Arc::new(why),
                    )))
                }
                other => other,
            })
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// `-k` / `strictSSL: false`: any certificate.
#[derive(Debug)]
struct AcceptAny {
    schemes: Vec<SignatureScheme>,
}

impl ServerCertVerifier for AcceptAny {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.schemes.clone()
    }
}

/// A client TLS configuration: certificates checked unless `insecure`
/// (against the platform's roots and `extra_roots`), `identity`
/// (certificate chain and private key, PEM) presented when asked.
pub(crate) fn client_config(
    insecure: bool,
    extra_roots: &[CertificateDer<'static>],
    identity: Option<&[u8]>,
) -> Result<rustls::ClientConfig, String> {
    use rustls::pki_types::pem::PemObject;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(rustls::ALL_VERSIONS)
        .map_err(|e| format!("could not create the HTTP client: {e}"))?
        .dangerous();
    let builder = if insecure {
        builder.with_custom_certificate_verifier(Arc::new(AcceptAny {
            schemes: provider
                .signature_verification_algorithms
                .supported_schemes(),
        }))
    } else {
        let inner = if extra_roots.is_empty() {
            rustls_platform_verifier::Verifier::new(provider)
        } else {
            rustls_platform_verifier::Verifier::new_with_extra_roots(
                extra_roots.iter().cloned(),
                provider,
            )
        }
        .map_err(|e| format!("could not load the trusted certificates: {e}"))?;
        builder.with_custom_certificate_verifier(Arc::new(NodeVerifier { inner }))
    };
    let mut config = match identity {
        Some(pem) => {
            let certs = CertificateDer::pem_slice_iter(pem)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("invalid client certificate: {e}"))?;
            if certs.is_empty() {
                return Err("invalid client certificate: no certificate found".into());
            }
            let key = PrivateKeyDer::from_pem_slice(pem)
                .map_err(|e| format!("invalid client certificate key: {e}"))?;
            builder
                .with_client_auth_cert(certs, key)
                .map_err(|e| format!("invalid client certificate: {e}"))?
        }
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn der(pem: &str) -> Vec<u8> {
        use rustls::pki_types::pem::PemObject;
        CertificateDer::from_pem_slice(pem.as_bytes())
            .expect("a certificate")
            .to_vec()
    }

    #[test]
    fn untrusted_chains_are_told_apart_like_openssl() {
        use postgate_fixtures::tls::TestPki;
        let pki = TestPki::new();
        let leaf = der(&pki.server(&["localhost"]).cert);
        let ca = der(pki.ca_pem());
        let own = der(&TestPki::self_signed(&["localhost"]).cert);
        assert_eq!(classify(&own, &[]), UntrustedChain::SelfSigned);
        assert_eq!(classify(&leaf, &[]), UntrustedChain::LeafIssuerUnknown);
        assert_eq!(classify(&leaf, &[&ca]), UntrustedChain::SelfSignedInChain);
        // an unrelated certificate in the chain changes nothing
        assert_eq!(classify(&leaf, &[&own]), UntrustedChain::LeafIssuerUnknown);
        assert_eq!(classify(b"not DER", &[]), UntrustedChain::LeafIssuerUnknown);
    }
}
