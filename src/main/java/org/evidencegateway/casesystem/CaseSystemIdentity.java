package org.evidencegateway.casesystem;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.party.Role;

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

    /**
     * The case system {@code party} names in the registry: the case system itself ({@code kz-case}) or an agency it
     * serves ({@code kz-gpo}).
     *
     * @throws IllegalArgumentException if it names neither
     */
    public static RegisteredParty fromRegistry(PartyRegistry registry, String party) {
        return registry.byId(party).filter(p -> p.role() == Role.CASE_SYSTEM)
                .or(() -> registry.caseSystemFor(party))
                .orElseThrow(() -> new IllegalArgumentException("the party registry " + registry.file()
                        + " names no case system " + party + " and none that serves an agency " + party));
    }

    /** The identity of a case system of the registry. */
    public static CaseSystemIdentity of(RegisteredParty caseSystem) {
        return new CaseSystemIdentity(caseSystem.id(), caseSystem.country(), caseSystem.serves());
    }

    /** Refuses a package addressed to an agency this case system does not serve. */
    public void requireServes(UUID packageId, Party recipient) {
        if (recipient.country() != country || !serves.contains(recipient.agency())) {
            throw new AuthorizationException(ErrorCode.DLV_NOT_SERVED, packageId,
                    recipient.country() + "/" + recipient.agency(), id, country + "/" + new TreeSet<>(serves));
        }
    }
}
