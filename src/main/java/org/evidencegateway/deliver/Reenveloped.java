package org.evidencegateway.deliver;

import java.nio.file.Path;

/**
 * A package enveloped afresh for its case system, in a temporary file the delivery deletes when done.
 *
 * @param file the AuthEnvelopedData around the sender's original SignedData
 */
public record Reenveloped(DeliveryAttempt attempt, Path file) {
}
