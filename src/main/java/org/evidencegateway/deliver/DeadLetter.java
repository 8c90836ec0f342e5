package org.evidencegateway.deliver;

import java.time.Instant;
import java.util.UUID;
import org.evidencegateway.store.PackageStatus;

/**
 * What an operator sees of one dead letter: the package whose claim check waits on a destination's dead-letter
 * queue, where it stands, and why its delivery failed (from its latest NonDelivery evidence).
 *
 * @param status          {@code DELIVERY_FAILED}; {@code DELIVERING} if a replay was recorded but the broker did not
 *                        finish moving it (replay again to finish); null if the package is not recorded
 * @param lastErrorCode   the error code of the latest NonDelivery evidence, or null if none was issued
 * @param lastErrorReason its message, or null
 * @param deadLetteredAt  when that NonDelivery evidence was issued, or null
 * @param attempts        delivery attempts recorded for the package, across replays
 */
public record DeadLetter(UUID packageId, String destination, String caseReference, String sender, String recipient,
                         PackageStatus status, String lastErrorCode, String lastErrorReason, Instant deadLetteredAt,
                         int attempts) {
}
