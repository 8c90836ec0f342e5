package org.evidencegateway.casesystem;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Party;

/**
 * Who a case system is: its party id (the organizationIdentifier of its certificates), its country, and the
 * agencies whose packages it receives.
 */
public record CaseSystemIdentity(String id, Country country, Set<String> serves) {
    public CaseSystemIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        serves = Set.copyOf(serves);
        if (serves.isEmpty()) {
            throw new IllegalArgumentException("case system " + id + " must serve at least one agency");
        }
    }

    /** Refuses a package addressed to an agency this case system does not serve. */
    public void requireServes(UUID packageId, Party recipient) {
        if (recipient.country() != country || !serves.contains(recipient.agency())) {
            throw new AuthorizationException(ErrorCode.DLV_NOT_SERVED, packageId,
                    recipient.country() + "/" + recipient.agency(), id, country + "/" + new TreeSet<>(serves));
        }
    }
}
