package org.evidencegateway.casesystem;

import java.security.cert.X509Certificate;
import java.util.Collection;
import org.evidencegateway.crypto.Certificates;
import org.evidencegateway.crypto.VerifiedSignature;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.SignatureVerificationException;
import org.evidencegateway.evidence.SignedStatements;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.trust.AgencyIdentity;
import org.evidencegateway.trust.SignerCertificateValidator;

/**
 * Checks a delivery acknowledgement the way the gateway (or an auditor) would: the signature, the signer's chain to
 * the case system's country anchor and its CRL at signing time, that the signer and the statement both name the
 * case system the package was delivered to, and that the statement is canonical JSON.
 */
public final class AcknowledgementVerifier {
    private static final String WHAT = "the delivery acknowledgement";

    private final SignerCertificateValidator validator;

    public AcknowledgementVerifier(SignerCertificateValidator validator) {
        this.validator = validator;
    }

    /** The verified statement of {@code signed}, which must come from case system {@code caseSystem} of {@code country}. */
    public DeliveryAcknowledgement verify(byte[] signed, String caseSystem, Country country) {
        return verify(signed, caseSystem, country, null);
    }

    /**
     * Same as {@link #verify(byte[], String, Country)}, every signer certificate being moreover one of
     * {@code registered} (the case system's certificates in the party registry; any if null).
     */
    public DeliveryAcknowledgement verify(byte[] signed, String caseSystem, Country country,
                                         Collection<X509Certificate> registered) {
        SignedStatements.Verified<DeliveryAcknowledgement> verified =
                SignedStatements.verify(signed, DeliveryAcknowledgement.class, WHAT, validator, country.name());
        if (verified.signers().isEmpty()) {
            throw new SignatureVerificationException(ErrorCode.SIG_INVALID, WHAT, "it has no signer");
        }
        for (VerifiedSignature signature : verified.signers()) {
            if (registered != null && !registered.contains(signature.certificate())) {
                throw new SignatureVerificationException(ErrorCode.SIG_INVALID, WHAT, "expected a signer certificate "
                        + "registered for case system " + caseSystem + ", found " + Certificates.describe(
                        signature.certificate()));
            }
            String signerId = AgencyIdentity.of(signature.certificate()).map(AgencyIdentity::agencyId).orElse("(none)");
            if (!signerId.equals(caseSystem)) {
                throw new SignatureVerificationException(ErrorCode.SIG_INVALID, WHAT,
                        "expected a signer of case system " + caseSystem + ", found one of " + signerId);
            }
        }
        DeliveryAcknowledgement statement = verified.statement();
        if (!statement.caseSystem().equals(caseSystem)) {
            throw new SignatureVerificationException(ErrorCode.SIG_INVALID, WHAT,
                    "expected a statement of case system " + caseSystem + ", found one of " + statement.caseSystem());
        }
        return statement;
    }
}
