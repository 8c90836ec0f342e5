package org.evidencegateway.store;

import java.util.List;

/** Who is to be notified of the evidences about a package, by the package's sender and recipient agency ids. */
@FunctionalInterface
public interface EvidenceSubscribers {
    /** Nobody is notified. */
    EvidenceSubscribers NONE = (sender, recipient) -> List.of();

    /** The ids of the parties to notify; never null. */
    List<String> of(String sender, String recipient);
}
