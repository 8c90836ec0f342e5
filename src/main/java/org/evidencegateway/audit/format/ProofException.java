package org.evidencegateway.audit.format;

/** An inclusion or consistency proof that does not verify; the message says what was expected and what was found. */
public final class ProofException extends Exception {
    public ProofException(String message) {
        super(message);
    }
}
