package org.evidencegateway.party;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.evidencegateway.manifest.Country;

/**
 * One party of the registry and its rights, as docs/party-registry.md defines them; {@code country} and
 * {@code delivery} and {@code callback} are {@code null} when absent, lists and sets are immutable and never {@code null}, sets sorted.
 */
public record RegisteredParty(String id, Country country, String displayName, Role role,
                              List<RegisteredCertificate> signingCertificates,
                              List<RegisteredCertificate> tlsClientCertificates,
                              Set<String> maySignFor, Set<String> maySubmitFor, Set<String> mayAddress,
                              Set<String> serves, Delivery delivery, Callback callback) {
    public RegisteredParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        signingCertificates = signingCertificates == null ? List.of() : List.copyOf(signingCertificates);
        tlsClientCertificates = tlsClientCertificates == null ? List.of() : List.copyOf(tlsClientCertificates);
        maySignFor = sorted(maySignFor);
        maySubmitFor = sorted(maySubmitFor);
        mayAddress = sorted(mayAddress);
        serves = sorted(serves);
    }

    /** A party without a callback. */
    public RegisteredParty(String id, Country country, String displayName, Role role,
                           List<RegisteredCertificate> signingCertificates,
                           List<RegisteredCertificate> tlsClientCertificates, Set<String> maySignFor,
                           Set<String> maySubmitFor, Set<String> mayAddress, Set<String> serves, Delivery delivery) {
        this(id, country, displayName, role, signingCertificates, tlsClientCertificates, maySignFor, maySubmitFor,
                mayAddress, serves, delivery, null);
    }

    /** Whether this party may submit packages of {@code partyId} over TLS: itself, or one in maySubmitFor. */
    public boolean maySubmitFor(String partyId) {
        return id.equals(partyId) || maySubmitFor.contains(partyId);
    }

    /** This party and the parties it may submit for, sorted; for messages. */
    public List<String> submitsFor() {
        return Stream.concat(Stream.of(id), maySubmitFor.stream()).distinct().sorted().toList();
    }

    /** Whether this party may send packages to agency {@code agencyId}. */
    public boolean mayAddress(String agencyId) {
        return mayAddress.contains(agencyId);
    }

    /** Whether this party is a case system receiving the packages of {@code agencyId}. */
    public boolean serves(String agencyId) {
        return role == Role.CASE_SYSTEM && serves.contains(agencyId);
    }

    /** The signing certificate registered with this SHA-256 fingerprint (lower-case hex), if any. */
    public Optional<RegisteredCertificate> signingCertificate(String sha256) {
        return signingCertificates.stream().filter(c -> c.sha256().equalsIgnoreCase(sha256)).findFirst();
    }

    private static Set<String> sorted(Collection<String> ids) {
        return ids == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }
}
