package org.evidencegateway.casesystem;

/**
 * An acknowledgement with the DER SignedData over its canonical JSON.
 *
 * @param signed verifiable with {@code openssl cms -verify} against the case system's country root
 */
public record SignedAcknowledgement(DeliveryAcknowledgement statement, byte[] signed) {
}
