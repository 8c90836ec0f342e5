package org.evidencegateway.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.evidencegateway.crypto.SignedDataReader;
import org.evidencegateway.crypto.VerifiedSignature;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.SignatureVerificationException;
import org.evidencegateway.json.CanonicalJson;
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
        SignedDataReader reader = SignedDataReader.open(new ByteArrayInputStream(signed));
        byte[] json;
        try {
            json = reader.content().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<VerifiedSignature> signers = reader.signers();
        for (VerifiedSignature signer : signers) {
            validator.validate(signer.certificate(), signer.packageCertificates(), OPERATOR, signer.signingTime());
        }
        Evidence statement = read(json);
        if (!Arrays.equals(CanonicalJson.bytes(statement), json)) {
            throw new SignatureVerificationException(ErrorCode.SIG_INVALID, "the evidence",
                    "its statement is not in canonical form");
        }
        return statement;
    }

    private static Evidence read(byte[] json) {
        try {
            return CanonicalJson.MAPPER.readValue(json, Evidence.class);
        } catch (IOException e) {
            throw new SignatureVerificationException(ErrorCode.SIG_INVALID, e, "the evidence",
                    "its statement is not an evidence: " + e.getMessage());
        }
    }
}
