package org.evidencegateway.receive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evidencegateway.store.PackageEvent;
import org.evidencegateway.store.PackageStatus;

/** What the status API shows of a package: where it stands, and every step it went through. */
public record PackageView(UUID packageId, PackageStatus status, Instant receivedAt, String packageSha256,
                          String kind, String caseReference, String sender, String recipient,
                          List<PackageEvent> timeline) {
    public PackageView {
        timeline = List.copyOf(timeline);
    }
}
