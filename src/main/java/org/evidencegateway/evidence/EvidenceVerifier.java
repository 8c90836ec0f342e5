package org.evidencegateway.evidence;

import org.evidencegateway.trust.SignerCertificateValidator;

/**
 * Checks a signed evidence the way a sender or an auditor would: the signature, the gateway certificate's chain
 * to the operator's anchor ({@code GW}) at signing time, and that the statement is canonical JSON.
 */
public final class EvidenceVerifier {
    /** The trust-anchor code of the gateway operator's CA. */
    public static final String OPERATOR = "GW";

    private final SignerCertificateValidator validator;

    public EvidenceVerifier(SignerCertificateValidator validator) {
        this.validator = validator;
    }

    public Evidence verify(byte[] signed) {
        return SignedStatements.verify(signed, Evidence.class, "the evidence", validator, OPERATOR).statement();
    }
}
