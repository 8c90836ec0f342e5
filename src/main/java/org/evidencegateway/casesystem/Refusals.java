package org.evidencegateway.casesystem;

import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both edges of the reference receiver answer a failure with: its coded reason, logged once here. */
public final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {
    }

    /** The coded reason of {@code failure}, or {@code EGW-INT-001} for an unexpected one. */
    public static CodedException coded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CodedException coded) {
                LOG.info("delivery refused: {}", coded.toString());
                return coded;
            }
        }
        LOG.error("delivery failed unexpectedly", failure);
        return new CodedException(ErrorCode.INTERNAL, failure, failure.getClass().getSimpleName());
    }
}
