package org.evidencegateway.open;

import java.time.Clock;
import java.util.List;
import org.evidencegateway.archive.ArchiveLimits;
import org.evidencegateway.crypto.RecipientKey;
import org.evidencegateway.trust.SigningDelegations;
import org.evidencegateway.trust.TrustAnchors;

/**
 * Everything a {@link PackageOpener} judges a package by: our decryption keys, the trust anchors per country,
 * who may sign for whom, the archive limits, and the clock revocation data is judged at.
 */
public record OpeningPolicy(List<RecipientKey> keys, TrustAnchors anchors, SigningDelegations delegations,
                            ArchiveLimits limits, Clock clock) {
    public OpeningPolicy {
        keys = List.copyOf(keys);
    }

    /** Default archive limits, agencies signing only for themselves, the system clock. */
    public static OpeningPolicy of(List<RecipientKey> keys, TrustAnchors anchors) {
        return new OpeningPolicy(keys, anchors, SigningDelegations.selfOnly(), ArchiveLimits.DEFAULT, Clock.systemUTC());
    }
}
