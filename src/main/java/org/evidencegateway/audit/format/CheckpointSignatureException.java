package org.evidencegateway.audit.format;

/** A checkpoint whose signed note is malformed, unsigned by the expected key, or whose signature does not verify. */
public final class CheckpointSignatureException extends Exception {
    public CheckpointSignatureException(String message) {
        super(message);
    }
}
