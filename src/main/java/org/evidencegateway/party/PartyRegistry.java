package org.evidencegateway.party;

import static org.evidencegateway.error.ErrorCode.AUTH_UNKNOWN_CLIENT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.PartyRegistryException;
import org.evidencegateway.party.RegistryDocument.PartyEntry;
import org.evidencegateway.trust.SigningDelegations;

/**
 * One immutable snapshot of the party registry (docs/party-registry.md): every party, checked in full when loaded,
 * and the lookups the gateway authenticates and authorizes with.
 */
public final class PartyRegistry {
    private final Path file;
    private final Clock clock;
    private final Map<String, RegisteredParty> byId;
    private final Map<String, TlsClient> tlsClients = new HashMap<>();
    private final Map<String, RegisteredParty> caseSystems = new HashMap<>();
    private final SigningDelegations delegations;

    private PartyRegistry(Path file, Clock clock, Map<String, RegisteredParty> byId) {
        this.file = file;
        this.clock = clock;
        this.byId = byId;
        Map<String, List<String>> signFor = new LinkedHashMap<>();
        for (RegisteredParty party : byId.values()) {
            party.tlsClientCertificates().forEach(c -> tlsClients.put(c.sha256(), new TlsClient(party, c)));
            party.serves().forEach(agency -> caseSystems.put(agency, party));
            if (!party.maySignFor().isEmpty()) {
                signFor.put(party.id(), List.copyOf(party.maySignFor()));
            }
        }
        this.delegations = SigningDelegations.of(signFor);
    }

    /** Loads and checks the registry, judging TLS clients at the system clock. */
    public static PartyRegistry load(Path yaml) {
        return load(yaml, Clock.systemUTC());
    }

    /**
     * Loads and checks the registry; {@code clock} is the time TLS client certificates are judged at.
     *
     * @throws PartyRegistryException with {@code PARTY_REGISTRY_INVALID} naming the file, party and field
     */
    public static PartyRegistry load(Path yaml, Clock clock) {
        Path file = yaml.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PartyRegistryException(file, "the file cannot be read: " + e, e);
        }
        RegistryDocument document;
        try {
            document = RegistryDocument.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new PartyRegistryException(file, e.getMessage(), e);
        }
        if (document == null || document.parties() == null || document.parties().isEmpty()) {
            throw new PartyRegistryException(file, "parties: at least one party is required");
        }
        Path dir = file.getParent();
        if (document.certificateDir() != null) {
            dir = dir.resolve(document.certificateDir()).normalize();
            if (!Files.isDirectory(dir)) {
                throw new PartyRegistryException(file, "certificateDir: " + dir + " is not a folder");
            }
        }
        PartyEntryReader reader = new PartyEntryReader(file, dir);
        List<RegisteredParty> parties = new ArrayList<>();
        for (int i = 0; i < document.parties().size(); i++) {
            PartyEntry entry = document.parties().get(i);
            if (entry == null) {
                throw new PartyRegistryException(file, "parties[" + i + "]: expected a party, found nothing");
            }
            parties.add(reader.read(entry, i));
        }
        return new PartyRegistry(file, clock, RegistryRules.check(file, parties));
    }

    /** The registry file this snapshot was loaded from (absolute). */
    public Path file() {
        return file;
    }

    /** Every party, in file order. */
    public List<RegisteredParty> parties() {
        return List.copyOf(byId.values());
    }

    /** The party with this id. */
    public Optional<RegisteredParty> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The party a TLS client authenticated as: its leaf certificate must be registered (by SHA-256 of the DER) and
     * the current time inside that registration's window.
     *
     * @throws AuthorizationException with {@code AUTH_UNKNOWN_CLIENT} naming the subject and fingerprint
     */
    public RegisteredParty requireTlsClient(X509Certificate leaf) {
        String sha256 = RegisteredCertificate.sha256(leaf);
        String name = leaf.getSubjectX500Principal().getName() + " (SHA-256 " + sha256;
        TlsClient client = tlsClients.get(sha256);
        if (client == null) {
            throw new AuthorizationException(AUTH_UNKNOWN_CLIENT, name + ")");
        }
        Instant now = clock.instant();
        if (!client.certificate().validAt(now)) {
            throw new AuthorizationException(AUTH_UNKNOWN_CLIENT, name + "; registered for " + client.party().id()
                    + " only " + client.certificate().window() + ", not at " + now + ")");
        }
        return client.party();
    }

    /**
     * The parties with a callback that may read a package of {@code sender} to {@code recipient}
     * ({@link SubmissionAuthorizer#mayRead}), in file order: those to notify of its evidences.
     */
    public List<RegisteredParty> notifiedOf(String sender, String recipient) {
        return parties().stream().filter(p -> p.callback() != null)
                .filter(p -> SubmissionAuthorizer.mayRead(p, sender, recipient)).toList();
    }

    /** The case system that receives the packages of {@code agencyId}, if any. */
    public Optional<RegisteredParty> caseSystemFor(String agencyId) {
        return Optional.ofNullable(caseSystems.get(agencyId));
    }

    /** Every registered TLS client certificate (whatever its window), for a trust manager accepting only these. */
    public List<X509Certificate> tlsClientCertificates() {
        return byId.values().stream().flatMap(p -> p.tlsClientCertificates().stream())
                .map(RegisteredCertificate::certificate).toList();
    }

    /** Who may sign for whom, from every agency's {@code maySignFor}, for the package opener. */
    public SigningDelegations signingDelegations() {
        return delegations;
    }

    private record TlsClient(RegisteredParty party, RegisteredCertificate certificate) {
    }
}
