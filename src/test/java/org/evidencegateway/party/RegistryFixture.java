package org.evidencegateway.party;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evidencegateway.pki.DistinguishedNames;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.TestPki;

/**
 * Writes a valid party registry and its certificates into a test's folder; a test breaks exactly one thing in it
 * (through {@link #party}, {@link #document} or {@link #certificateFile}) before {@link #write writing} it, so that
 * every failure mode has its own generated fixture.
 *
 * <p>Parties: agencies ua-pgo (may sign for ua-npu), ua-npu, kz-gpo; ua-transfer (an agency without keys that
 * submits for ua-npu); case systems ua-case (REST, serves ua-pgo and ua-npu) and kz-case (SOAP, serves kz-gpo);
 * an auditor and an operator. Certificates come from {@link TestPki#shared()} and are valid at {@link TestPki#NOW}.
 */
final class RegistryFixture {
    static final TestPki PKI = TestPki.shared();
    static final Credential UA_PGO_TLS = TestPki.agency(PKI.uaRoot(), "ua-pgo", KeyType.EC_P256.generate(), 0);
    static final Credential KZ_GPO_TLS = TestPki.agency(PKI.kzRoot(), "kz-gpo", KeyType.EC_P256.generate(), 0);
    static final Credential UA_TRANSFER_TLS = TestPki.agency(PKI.uaRoot(), "ua-transfer",
            KeyType.EC_P256.generate(), 0);
    static final Credential UA_CASE = TestPki.agency(PKI.uaRoot(), "ua-case", KeyType.EC_P256.generate(), 0);
    static final Credential KZ_CASE = TestPki.agency(PKI.kzRoot(), "kz-case", KeyType.EC_P256.generate(), 0);
    static final Credential AUDITOR_TLS = TestPki.issue(PKI.uaRoot(), "auditor-tls",
            DistinguishedNames.of(null, "Test auditor", null, "auditor-tls"), KeyType.EC_P256.generate(),
            TestPki.NOW.minus(Duration.ofDays(365)), TestPki.NOW.plus(Duration.ofDays(365)), 0);
    /** Valid only from 10 days before to 10 days after NOW, to test windows against the certificate's own. */
    static final Credential SHORT_LIVED_TLS = TestPki.agency(PKI.kzRoot(), "kz-gpo", KeyType.EC_P256.generate(),
            TestPki.NOW.minus(Duration.ofDays(10)), TestPki.NOW.plus(Duration.ofDays(10)), 0);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

    private final Path dir;
    private final Path certs;
    private final Map<String, Object> document = new LinkedHashMap<>();
    private final List<Map<String, Object>> parties = new ArrayList<>();
    private final Map<String, X509Certificate[]> files = new LinkedHashMap<>();

    private RegistryFixture(Path dir) {
        this.dir = dir;
        this.certs = dir.resolve("certs");
        certificateFile("ua-pgo.crt.pem", PKI.uaPgo().certificate());
        certificateFile("ua-npu.crt.pem", PKI.uaNpu().certificate());
        certificateFile("kz-gpo.crt.pem", PKI.kzGpo().certificate());
        certificateFile("ua-pgo-tls.crt.pem", UA_PGO_TLS.certificate());
        certificateFile("kz-gpo-tls.crt.pem", KZ_GPO_TLS.certificate());
        certificateFile("ua-transfer-tls.crt.pem", UA_TRANSFER_TLS.certificate());
        certificateFile("ua-case.crt.pem", UA_CASE.certificate());
        certificateFile("kz-case.crt.pem", KZ_CASE.certificate());
        certificateFile("auditor-tls.crt.pem", AUDITOR_TLS.certificate());
        certificateFile("short-lived-tls.crt.pem", SHORT_LIVED_TLS.certificate());

        document.put("certificateDir", "certs");
        document.put("parties", parties);
        agency("ua-pgo", "UA", "ua-pgo.crt.pem", "ua-pgo-tls.crt.pem", List.of("kz-gpo"))
                .put("maySignFor", List.of("ua-npu"));
        agency("ua-npu", "UA", "ua-npu.crt.pem", null, List.of("kz-gpo"));
        agency("kz-gpo", "KZ", "kz-gpo.crt.pem", "kz-gpo-tls.crt.pem", List.of("ua-pgo", "ua-npu"));
        Map<String, Object> transfer = party("ua-transfer", "UA", "AGENCY", "ua-transfer-tls.crt.pem");
        transfer.put("maySubmitFor", List.of("ua-npu"));
        caseSystem("ua-case", "UA", List.of("ua-pgo", "ua-npu"), "REST", "https://case.example.ua/deliveries",
                "ua-case.crt.pem");
        caseSystem("kz-case", "KZ", List.of("kz-gpo"), "SOAP", "https://case.example.kz/soap", "kz-case.crt.pem");
        party("auditor", null, "AUDITOR", "auditor-tls.crt.pem");
        party("operator", null, "OPERATOR", null);
    }

    /** The valid registry, to be written into {@code dir}. */
    static RegistryFixture valid(Path dir) {
        return new RegistryFixture(dir);
    }

    /** The top-level mapping, to change. */
    Map<String, Object> document() {
        return document;
    }

    /** The list of parties, to change. */
    List<Map<String, Object>> parties() {
        return parties;
    }

    /** The mapping of party {@code id}, to change. */
    Map<String, Object> party(String id) {
        return parties.stream().filter(p -> id.equals(p.get("id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no party " + id + " in the fixture"));
    }

    /** Adds or replaces a PEM file of {@code certificates} in the certificate folder. */
    RegistryFixture certificateFile(String name, X509Certificate... certificates) {
        files.put(name, certificates);
        return this;
    }

    /** The folder certificate files are written to. */
    Path certificateDir() {
        return certs;
    }

    /** Writes the certificates into {@code <dir>/certs} and the registry to {@code <dir>/parties.yaml}. */
    Path write() {
        try {
            Files.createDirectories(certs);
            for (var e : files.entrySet()) {
                Pem.write(certs.resolve(e.getKey()), (Object[]) e.getValue());
            }
            Path file = dir.resolve("parties.yaml");
            Files.writeString(file, YAML.writeValueAsString(document));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A certificate entry {@code {file: name}}, mutable. */
    static Map<String, Object> cert(String file) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file);
        return entry;
    }

    private Map<String, Object> agency(String id, String country, String signing, String tls, List<String> mayAddress) {
        Map<String, Object> party = party(id, country, "AGENCY", tls);
        party.put("signingCertificates", new ArrayList<>(List.of(cert(signing))));
        party.put("mayAddress", mayAddress);
        return party;
    }

    private void caseSystem(String id, String country, List<String> serves, String protocol, String endpoint,
                            String encryptionCertificate) {
        Map<String, Object> party = party(id, country, "CASE_SYSTEM", null);
        party.put("serves", serves);
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("protocol", protocol);
        delivery.put("endpoint", endpoint);
        delivery.put("encryptionCertificate", encryptionCertificate);
        party.put("delivery", delivery);
    }

    private Map<String, Object> party(String id, String country, String role, String tls) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("id", id);
        if (country != null) {
            party.put("country", country);
        }
        party.put("displayName", "Test party " + id);
        party.put("role", role);
        if (tls != null) {
            party.put("tlsClientCertificates", new ArrayList<>(List.of(cert(tls))));
        }
        parties.add(party);
        return party;
    }
}
