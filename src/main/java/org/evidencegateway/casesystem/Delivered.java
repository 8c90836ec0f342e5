package org.evidencegateway.casesystem;

/**
 * The answer to a delivery the case system took: its acknowledgement, and whether the package had been stored
 * before (the acknowledgement is then the original one).
 */
public record Delivered(SignedAcknowledgement acknowledgement, boolean duplicate) {
}
