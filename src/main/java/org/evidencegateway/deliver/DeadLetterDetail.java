package org.evidencegateway.deliver;

import java.util.List;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.store.PackageEvent;

/** One dead letter with its package's whole timeline and every evidence issued for it, oldest first. */
public record DeadLetterDetail(DeadLetter deadLetter, List<PackageEvent> timeline, List<Evidence> evidences) {
    public DeadLetterDetail {
        timeline = List.copyOf(timeline);
        evidences = List.copyOf(evidences);
    }
}
