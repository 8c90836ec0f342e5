package org.evidencegateway.open;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.evidencegateway.crypto.VerifiedSignature;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.trust.AgencyIdentity;
import org.evidencegateway.trust.SignerCertificateValidator;
import org.evidencegateway.trust.SigningDelegations;

/**
 * Judges one valid signature against the manifest: the signer chains to the sender country's anchor, was valid
 * and unrevoked at signing time, and speaks for the sender agency.
 */
final class SignerChecks {
    private SignerChecks() {
    }

    static SignerReport check(VerifiedSignature signature, Manifest manifest, SignerCertificateValidator validator,
                              SigningDelegations delegations) {
        X509Certificate certificate = signature.certificate();
        String country = manifest.sender().country().name();
        List<X509Certificate> chain = validator.validate(certificate, signature.packageCertificates(), country,
                signature.signingTime());
        delegations.requireMaySignFor(certificate, manifest.sender().agency());
        String agency = AgencyIdentity.of(certificate).map(AgencyIdentity::agencyId).orElse("");
        return new SignerReport(agency, country, certificate.getSubjectX500Principal().getName(),
                certificate.getSerialNumber().toString(16), fingerprint(certificate), signature.signingTime(),
                signature.digest().id(), signature.scheme().id(),
                chain.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return Sha256.hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unencodable certificate", e);
        }
    }
}
