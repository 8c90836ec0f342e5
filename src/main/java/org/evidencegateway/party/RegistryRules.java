package org.evidencegateway.party;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evidencegateway.error.PartyRegistryException;

/** The rules that relate parties to each other: unique ids, references to agencies, one owner per TLS client. */
final class RegistryRules {
    private RegistryRules() {
    }

    /** Parties by id, in file order, after every cross-party rule passed. */
    static Map<String, RegisteredParty> check(Path file, List<RegisteredParty> parties) {
        Map<String, RegisteredParty> byId = new LinkedHashMap<>();
        for (RegisteredParty party : parties) {
            if (byId.putIfAbsent(party.id(), party) != null) {
                throw new PartyRegistryException(file, "party " + party.id() + ", id: the id is used twice");
            }
        }
        Map<String, String> servedBy = new HashMap<>();
        Map<String, String> tlsOwner = new HashMap<>();
        for (RegisteredParty party : parties) {
            agencies(file, byId, party, "maySignFor", party.maySignFor());
            agencies(file, byId, party, "maySubmitFor", party.maySubmitFor());
            agencies(file, byId, party, "mayAddress", party.mayAddress());
            agencies(file, byId, party, "serves", party.serves());
            for (String agency : party.serves()) {
                String other = servedBy.putIfAbsent(agency, party.id());
                if (other != null) {
                    throw new PartyRegistryException(file, "party " + party.id() + ", serves: agency " + agency
                            + " is already served by " + other + "; an agency has one case system");
                }
            }
            for (int i = 0; i < party.tlsClientCertificates().size(); i++) {
                RegisteredCertificate cert = party.tlsClientCertificates().get(i);
                String other = tlsOwner.putIfAbsent(cert.sha256(), party.id() + " tlsClientCertificates[" + i + "]");
                if (other != null) {
                    throw new PartyRegistryException(file, "party " + party.id() + ", tlsClientCertificates[" + i
                            + "]: " + cert.describe() + " is already registered as " + other
                            + "; a TLS client is exactly one party");
                }
            }
        }
        return byId;
    }

    private static void agencies(Path file, Map<String, RegisteredParty> byId, RegisteredParty party, String field,
                                 Set<String> ids) {
        for (String id : ids) {
            RegisteredParty target = byId.get(id);
            if (target == null) {
                throw new PartyRegistryException(file, "party " + party.id() + ", " + field + ": no party \"" + id
                        + "\" in the registry");
            }
            if (target.role() != Role.AGENCY) {
                throw new PartyRegistryException(file, "party " + party.id() + ", " + field + ": \"" + id
                        + "\" is a " + target.role() + ", expected an AGENCY");
            }
        }
    }
}
