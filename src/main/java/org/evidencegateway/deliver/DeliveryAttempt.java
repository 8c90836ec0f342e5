package org.evidencegateway.deliver;

import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.store.PackageRecord;

/**
 * One attempt at delivering a package taken from its destination's queue.
 *
 * @param record     the package as recorded when the attempt began
 * @param caseSystem the destination case system, with its delivery protocol, endpoint and encryption certificate
 * @param number     1 for the first attempt, counted by the broker across redeliveries and restarts
 * @param last       whether a transient failure of this attempt leaves no retry
 * @param due        false if the package was delivered or failed already (a redelivered message): nothing to do
 */
public record DeliveryAttempt(ClaimCheck check, PackageRecord record, RegisteredParty caseSystem, int number,
                              boolean last, boolean due) {
}
