package org.evidencegateway.evidence;

import java.io.IOException;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.evidencegateway.json.CanonicalJson;

/**
 * An evidence statement with the exact bytes that were signed and the CMS SignedData over them.
 *
 * @param statement the statement
 * @param json      its canonical JSON bytes (the encapsulated content)
 * @param signed    the DER ContentInfo/SignedData, verifiable with {@code openssl cms -verify}
 */
public record SignedEvidence(Evidence statement, byte[] json, byte[] signed) {

    /**
     * Reads back an evidence the gateway signed and stored itself, without verifying it (use
     * {@link EvidenceVerifier} for evidences from anywhere else).
     */
    public static SignedEvidence readStored(byte[] signed) {
        try {
            byte[] json = (byte[]) new CMSSignedData(signed).getSignedContent().getContent();
            return new SignedEvidence(CanonicalJson.MAPPER.readValue(json, Evidence.class), json, signed);
        } catch (CMSException | IOException e) {
            throw new IllegalStateException("a stored evidence is unreadable: " + e.getMessage(), e);
        }
    }
}
