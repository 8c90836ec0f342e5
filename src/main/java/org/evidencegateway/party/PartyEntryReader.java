package org.evidencegateway.party;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.evidencegateway.error.PartyRegistryException;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.party.RegistryDocument.CertificateEntry;
import org.evidencegateway.party.RegistryDocument.DeliveryEntry;
import org.evidencegateway.party.RegistryDocument.PartyEntry;
import org.evidencegateway.trust.AgencyIdentity;
import org.evidencegateway.trust.Pem;

/**
 * Checks one party entry on its own (every rule that needs no other party) and reads its certificate files;
 * failures name the registry file, the party and the field.
 */
final class PartyEntryReader {
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_ID_LENGTH = 64;

    private final Path registryFile;
    private final Path certificateDir;

    /** Relative certificate paths are resolved against {@code certificateDir}. */
    PartyEntryReader(Path registryFile, Path certificateDir) {
        this.registryFile = registryFile;
        this.certificateDir = certificateDir;
    }

    RegisteredParty read(PartyEntry entry, int index) {
        String where = "parties[" + index + "]";
        String id = required(where, "id", entry.id());
        if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw invalid(where, "id", "expected at most " + MAX_ID_LENGTH + " characters matching " + ID
                    + ", found \"" + id + "\"");
        }
        where = "party " + id;
        Role role = parseEnum(where, "role", Role.class, required(where, "role", entry.role()));
        Country country = entry.country() == null ? null
                : parseEnum(where, "country", Country.class, entry.country());
        checkCountry(where, id, role, country);
        String displayName = required(where, "displayName", entry.displayName());

        onlyFor(where, "signingCertificates", entry.signingCertificates(), role, Role.AGENCY);
        onlyFor(where, "maySignFor", entry.maySignFor(), role, Role.AGENCY);
        onlyFor(where, "mayAddress", entry.mayAddress(), role, Role.AGENCY);
        onlyFor(where, "maySubmitFor", entry.maySubmitFor(), role, Role.AGENCY, Role.CASE_SYSTEM);
        onlyFor(where, "serves", entry.serves(), role, Role.CASE_SYSTEM);
        onlyFor(where, "delivery", entry.delivery(), role, Role.CASE_SYSTEM);
        // An operator reads no package, so it would never be notified of one.
        onlyFor(where, "callback", entry.callback(), role, Role.AGENCY, Role.CASE_SYSTEM, Role.AUDITOR);
        if (role == Role.CASE_SYSTEM && (entry.serves() == null || entry.serves().isEmpty())) {
            throw invalid(where, "serves", "a CASE_SYSTEM must serve at least one agency");
        }
        if (role == Role.CASE_SYSTEM && entry.delivery() == null) {
            throw invalid(where, "delivery", "a CASE_SYSTEM must say how packages are delivered to it");
        }

        return new RegisteredParty(id, country, displayName, role,
                certificates(where, id, country, "signingCertificates", entry.signingCertificates(), true),
                certificates(where, id, country, "tlsClientCertificates", entry.tlsClientCertificates(), false),
                ids(where, "maySignFor", entry.maySignFor()), ids(where, "maySubmitFor", entry.maySubmitFor()),
                ids(where, "mayAddress", entry.mayAddress()), ids(where, "serves", entry.serves()),
                entry.delivery() == null ? null : delivery(where, id, country, entry.delivery()),
                entry.callback() == null ? null : new Callback(httpsUrl(where, "callback.url",
                        required(where, "callback.url", entry.callback().url()))));
    }

    private void checkCountry(String where, String id, Role role, Country country) {
        switch (role) {
            case AGENCY, CASE_SYSTEM -> {
                if (country == null) {
                    throw invalid(where, "country", "required for " + role + " (UA or KZ)");
                }
                if (!id.startsWith(country.agencyPrefix())) {
                    throw invalid(where, "id", "the id of a " + role + " of " + country + " must start with \""
                            + country.agencyPrefix() + "\", found \"" + id + "\"");
                }
            }
            case OPERATOR -> {
                if (country != null) {
                    throw invalid(where, "country", "an OPERATOR belongs to no country, found " + country);
                }
            }
            case AUDITOR -> {
                // an auditor may or may not belong to one of the states
            }
        }
    }

    private List<RegisteredCertificate> certificates(String where, String id, Country country, String field,
                                                     List<CertificateEntry> entries, boolean signing) {
        List<RegisteredCertificate> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            CertificateEntry entry = entries.get(i);
            String at = field + "[" + i + "]";
            if (entry == null) {
                throw invalid(where, at, "expected {file, validFrom?, validUntil?}, found nothing");
            }
            X509Certificate cert = certificate(where, at + ".file", required(where, at + ".file", entry.file()));
            Instant from = instant(where, at + ".validFrom", entry.validFrom());
            Instant until = instant(where, at + ".validUntil", entry.validUntil());
            if (from != null && until != null && from.isAfter(until)) {
                throw invalid(where, at, "validFrom " + from + " is after validUntil " + until);
            }
            Instant notBefore = cert.getNotBefore().toInstant();
            Instant notAfter = cert.getNotAfter().toInstant();
            if ((from != null && from.isAfter(notAfter)) || (until != null && until.isBefore(notBefore))) {
                throw invalid(where, at, "the window " + (from == null ? "-" : from) + " to "
                        + (until == null ? "-" : until) + " does not overlap the certificate's validity "
                        + notBefore + " to " + notAfter);
            }
            checkAgency(where, at + ".file", id, country, cert, signing);
            out.add(RegisteredCertificate.of(cert, from, until));
        }
        return out;
    }

    /** A certificate naming an agency must name this party; a signing certificate must name one. */
    private void checkAgency(String where, String field, String id, Country country, X509Certificate cert,
                             boolean required) {
        Optional<AgencyIdentity> agency = AgencyIdentity.of(cert);
        if (agency.isEmpty()) {
            if (required) {
                throw invalid(where, field, "a signing certificate must carry the party's id as its "
                        + "organizationIdentifier and a C, found subject " + cert.getSubjectX500Principal().getName());
            }
            return;
        }
        if (!agency.get().agencyId().equals(id)) {
            throw invalid(where, field, "the certificate speaks for organizationIdentifier \""
                    + agency.get().agencyId() + "\", expected \"" + id + "\"");
        }
        if (country != null && !agency.get().country().equals(country.name())) {
            throw invalid(where, field, "the certificate's country is " + agency.get().country() + ", expected "
                    + country);
        }
    }

    private Delivery delivery(String where, String id, Country country, DeliveryEntry entry) {
        DeliveryProtocol protocol = parseEnum(where, "delivery.protocol", DeliveryProtocol.class,
                required(where, "delivery.protocol", entry.protocol()));
        URI endpoint = httpsUrl(where, "delivery.endpoint", required(where, "delivery.endpoint", entry.endpoint()));
        X509Certificate cert = certificate(where, "delivery.encryptionCertificate",
                required(where, "delivery.encryptionCertificate", entry.encryptionCertificate()));
        checkAgency(where, "delivery.encryptionCertificate", id, country, cert, false);
        return new Delivery(protocol, endpoint, cert);
    }

    private URI httpsUrl(String where, String field, String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(where, field, "not a URL: " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw invalid(where, field, "expected an absolute https:// URL with a host, found \"" + text + "\"");
        }
        return url;
    }

    private X509Certificate certificate(String where, String field, String name) {
        Path path = certificateDir.resolve(name).normalize();
        List<X509Certificate> certs;
        try {
            certs = Pem.readCertificates(path);
        } catch (IOException e) {
            throw new PartyRegistryException(registryFile, where + ", " + field + ": " + path
                    + " cannot be read as a PEM certificate: " + e, e);
        }
        if (certs.size() != 1) {
            throw invalid(where, field, path + " holds " + certs.size() + " certificates, expected exactly one");
        }
        return certs.get(0);
    }

    private Set<String> ids(String where, String field, List<String> ids) {
        Set<String> out = new HashSet<>();
        if (ids == null) {
            return out;
        }
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw invalid(where, field, "a party id is empty");
            }
            if (!out.add(id)) {
                throw invalid(where, field, "\"" + id + "\" is listed twice");
            }
        }
        return out;
    }

    private Instant instant(String where, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(where, field, "expected an RFC 3339 date-time with offset such as 2026-01-01T00:00:00Z, "
                    + "found \"" + text + "\"");
        }
    }

    private <E extends Enum<E>> E parseEnum(String where, String field, Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw invalid(where, field, "expected one of " + Arrays.toString(type.getEnumConstants())
                    + ", found \"" + text + "\"");
        }
    }

    private String required(String where, String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(where, field, "required");
        }
        return value;
    }

    private void onlyFor(String where, String field, Object value, Role role, Role... allowed) {
        boolean present = value != null && !(value instanceof List<?> list && list.isEmpty());
        if (present && !Arrays.asList(allowed).contains(role)) {
            throw invalid(where, field, "only " + String.join(" and ", Arrays.stream(allowed).map(Role::name)
                    .toList()) + " parties may have " + field + ", this one is " + role);
        }
    }

    private PartyRegistryException invalid(String where, String field, String problem) {
        return new PartyRegistryException(registryFile, where + ", " + field + ": " + problem);
    }
}
