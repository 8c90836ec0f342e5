package org.evidencegateway.audit;

import java.io.IOException;

/**
 * An RFC 3161 time-stamping authority: turns a DER {@code TimeStampReq} into a DER {@code TimeStampResp}.
 * Implementations throw {@link IOException} when the authority cannot be reached or answers with garbage.
 */
public interface TimestampAuthority {
    byte[] exchange(byte[] timeStampRequest) throws IOException;

    /** What to record as the authority: "embedded" or its URL. */
    String name();
}
