package org.evidencegateway.error;

/** An algorithm or key size is not on the allow-list. */
public class AlgorithmPolicyException extends CodedException {
    public AlgorithmPolicyException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public AlgorithmPolicyException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
