package org.evidencegateway.audit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import java.security.MessageDigest;

/**
 * Obtains the RFC 3161 timestamp of a signed note (docs/audit-log.md §5): SHA-256 imprint of the note, a random
 * nonce, certReq; the answer must be granted and match the request.
 */
public final class Timestamper {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final TimestampAuthority authority;

    public Timestamper(TimestampAuthority authority) {
        this.authority = authority;
    }

    public String authorityName() {
        return authority.name();
    }

    /** The DER TimeStampResp over {@code data}; IOException if the authority is unreachable or refuses. */
    public byte[] timestamp(byte[] data) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256(data),
                new BigInteger(63, RANDOM));
        byte[] answer = authority.exchange(request.getEncoded());
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IOException("the TSA " + authority.name() + " refused: status " + response.getStatus()
                        + " " + response.getStatusString());
            }
            return answer;
        } catch (TSPException e) {
            throw new IOException("the TSA " + authority.name() + " answered with an unusable response: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
