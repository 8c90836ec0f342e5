package org.evidencegateway.runtime;

import static org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
import static org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;
import static org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.pki.CertificateBuilder;
import org.evidencegateway.pki.DistinguishedNames;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.Pkcs12KeySource;
import org.evidencegateway.trust.TestPki;

/**
 * The keys of a gateway under test, written to a folder the way an operator would lay them out: the in-memory
 * {@link TestPki} (so that every {@code BadPackage} fixture means the same thing here as in the core tests) plus
 * the gateway operator's CA, the gateway's evidence and TLS keys, TLS client certificates for every party, and a
 * party registry for all of them. Everything is judged at {@link TestPki#NOW}.
 */
public final class GatewayTestPki {
    public static final String PASSWORD = "changeit";
    /** The party id of the gateway's operator (role OPERATOR), whose TLS client is in {@link #TLS_CLIENTS}. */
    public static final String OPERATOR = "gw-operator";
    public static final TestPki PKI = TestPackages.PKI;
    public static final Credential GW_ROOT = TestPki.root("gw-root-ca", "GW", KeyType.EC_P256.generate());
    public static final Credential EVIDENCE_KEY = endEntity(GW_ROOT, "gateway", KeyType.EC_P256.generate(),
            digitalSignature);
    public static final Credential SERVER_TLS = serverTls();
    public static final Credential UA_CASE = TestPki.agency(PKI.uaRoot(), "ua-case", KeyType.EC_P256.generate(),
            keyAgreement | digitalSignature);
    /** TLS client credentials by party id. */
    public static final Map<String, Credential> TLS_CLIENTS = tlsClients();
    /** A TLS client certificate from a trusted root that no party registered. */
    public static final Credential UNREGISTERED_CLIENT = clientTls(PKI.kzRoot(), "kz-gpo");

    private GatewayTestPki() {
    }

    /** Delivery endpoints of the registry's case systems unless a test names others: nothing listens there. */
    public static final Map<String, String> UNREACHABLE_ENDPOINTS = Map.of(
            "ua-case", "https://127.0.0.1:9/api/v1/deliveries", "kz-case", "https://127.0.0.1:9/soap/case-system");

    /** Writes keys, anchors, CRLs and the registry into {@code dir}; returns the registry file. */
    public static Path write(Path dir) {
        return write(dir, Map.of());
    }

    /**
     * Same as {@link #write(Path)}, the case systems' delivery endpoints taken from {@code endpoints} (case-system id
     * to URL) where it names them.
     */
    public static Path write(Path dir, Map<String, String> endpoints) {
        try {
            Files.createDirectories(dir);
            Pem.write(dir.resolve("ua-root-ca.crt.pem"), PKI.uaRoot().certificate());
            Pem.write(dir.resolve("kz-root-ca.crt.pem"), PKI.kzRoot().certificate());
            Pem.write(dir.resolve("gw-root-ca.crt.pem"), GW_ROOT.certificate());
            Pem.write(dir.resolve("ua-root-ca.crl.pem"), PKI.uaCrl());
            Pem.write(dir.resolve("kz-root-ca.crl.pem"), PKI.kzCrl());
            Pem.write(dir.resolve("gw-root-ca.crl.pem"), TestPki.crl(GW_ROOT));
            for (Credential c : List.of(TestPackages.GATEWAY_RSA, TestPackages.GATEWAY_EC, EVIDENCE_KEY)) {
                writePem(dir, c);
            }
            for (Credential c : signingCredentials().values().stream().flatMap(List::stream).toList()) {
                writePem(dir, c, c.id() + "-" + c.certificate().getSerialNumber().toString(16));
            }
            writePem(dir, UA_CASE);
            writePem(dir, TestPackages.OTHER_RECIPIENT);
            Pkcs12KeySource.write(dir.resolve("gateway-tls.p12"), PASSWORD.toCharArray(), SERVER_TLS);
            for (Map.Entry<String, Credential> client : TLS_CLIENTS.entrySet()) {
                Pem.write(dir.resolve(client.getKey() + "-tls.crt.pem"), client.getValue().certificate());
            }
            Path registry = dir.resolve("parties.yaml");
            Map<String, String> all = new LinkedHashMap<>(UNREACHABLE_ENDPOINTS);
            all.putAll(endpoints);
            Files.writeString(registry, registryYaml(all), StandardCharsets.UTF_8);
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a {@code callback} block with {@code url} to {@code party} in a registry {@link #write} wrote. */
    public static void addCallback(Path registry, String party, String url) {
        try {
            String yaml = Files.readString(registry, StandardCharsets.UTF_8);
            String entry = "  - id: " + party + "\n";
            if (!yaml.contains(entry)) {
                throw new IllegalArgumentException("no party " + party + " in " + registry);
            }
            Files.writeString(registry, yaml.replace(entry, entry + "    callback:\n      url: " + url + "\n"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS client's certificate and private key as PEM files, for tools like curl. */
    public record PemClient(Path certificate, Path privateKey) {
    }

    /** Writes {@code client}'s certificate and unencrypted private key as PEM files into {@code dir}. */
    public static PemClient writePemClient(Credential client, Path dir) {
        try {
            Files.createDirectories(dir);
            PemClient pem = new PemClient(dir.resolve(client.id() + ".crt.pem"), dir.resolve(client.id() + ".key.pem"));
            Pem.write(pem.certificate(), client.certificate());
            Pem.writePrivateKey(pem.privateKey(), client.privateKey());
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signing certificates registered for each agency: the good ones and those meant to fail trust checks. */
    static Map<String, List<Credential>> signingCredentials() {
        Map<String, List<Credential>> signing = new LinkedHashMap<>();
        signing.put("ua-pgo", List.of(PKI.uaPgo(), PKI.uaPgoSuperseded()));
        signing.put("ua-npu", List.of(PKI.uaNpu(), PKI.uaNpuKeyCompromised()));
        signing.put("kz-gpo", List.of(PKI.kzGpo()));
        signing.put("kz-mvd", List.of(PKI.kzMvd(), PKI.kzMvdExpired()));
        return signing;
    }

    private static String registryYaml(Map<String, String> endpoints) {
        StringBuilder yaml = new StringBuilder("parties:\n");
        signingCredentials().forEach((agency, credentials) -> {
            String country = agency.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
            String other = country.equals("UA") ? "[kz-gpo, kz-mvd]" : "[ua-pgo, ua-npu]";
            yaml.append("  - id: ").append(agency).append("\n    country: ").append(country)
                    .append("\n    displayName: Test agency ").append(agency).append("\n    role: AGENCY\n")
                    .append("    signingCertificates:\n");
            credentials.forEach(c -> yaml.append("      - file: ").append(c.id()).append('-')
                    .append(c.certificate().getSerialNumber().toString(16)).append(".crt.pem\n"));
            yaml.append("    tlsClientCertificates:\n      - file: ").append(agency).append("-tls.crt.pem\n")
                    .append("    mayAddress: ").append(other).append('\n');
        });
        yaml.append(caseSystem("ua-case", "UA", "[ua-pgo, ua-npu]", "REST", endpoints.get("ua-case"),
                "ua-case.crt.pem"));
        yaml.append(caseSystem("kz-case", "KZ", "[kz-gpo, kz-mvd]", "SOAP", endpoints.get("kz-case"),
                "kz-case.crt.pem"));
        yaml.append("  - id: auditor\n    displayName: Test auditor\n    role: AUDITOR\n")
                .append("    tlsClientCertificates:\n      - file: auditor-tls.crt.pem\n");
        yaml.append("  - id: ").append(OPERATOR).append("\n    displayName: Test operator\n    role: OPERATOR\n")
                .append("    tlsClientCertificates:\n      - file: ").append(OPERATOR).append("-tls.crt.pem\n");
        return yaml.toString();
    }

    private static String caseSystem(String id, String country, String serves, String protocol, String endpoint,
                                     String certificate) {
        return "  - id: " + id + "\n    country: " + country + "\n    displayName: Test case system " + id
                + "\n    role: CASE_SYSTEM\n    serves: " + serves + "\n    tlsClientCertificates:\n      - file: "
                + id + "-tls.crt.pem\n    delivery:\n      protocol: " + protocol + "\n      endpoint: " + endpoint
                + "\n      encryptionCertificate: " + certificate + "\n";
    }

    private static Map<String, Credential> tlsClients() {
        Map<String, Credential> clients = new LinkedHashMap<>();
        for (String party : List.of("ua-pgo", "ua-npu", "ua-case")) {
            clients.put(party, clientTls(PKI.uaRoot(), party));
        }
        for (String party : List.of("kz-gpo", "kz-mvd", "kz-case")) {
            clients.put(party, clientTls(PKI.kzRoot(), party));
        }
        clients.put("auditor", endEntity(GW_ROOT, "auditor-tls", KeyType.EC_P256.generate(), digitalSignature));
        clients.put(OPERATOR, endEntity(GW_ROOT, "operator-tls", KeyType.EC_P256.generate(), digitalSignature));
        return clients;
    }

    private static Credential clientTls(Credential root, String party) {
        KeyPair keys = KeyType.EC_P256.generate();
        String country = party.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
        X509Certificate cert = CertificateBuilder.of(DistinguishedNames.of(country, "Agency " + party, party,
                        party + " TLS client"), keys.getPublic())
                .validity(TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650)))
                .keyUsage(digitalSignature).extendedKeyUsage(false, KeyPurposeId.id_kp_clientAuth).issue(root);
        return new Credential(party + "-tls", keys.getPrivate(), cert, List.of(cert, root.certificate()));
    }

    private static Credential serverTls() {
        KeyPair keys = KeyType.EC_P256.generate();
        X509Certificate cert = CertificateBuilder.of(DistinguishedNames.of(null, "Evidence Gateway (test)", null,
                        "gateway-tls"), keys.getPublic())
                .validity(TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650)))
                .keyUsage(digitalSignature | keyEncipherment)
                .extendedKeyUsage(false, KeyPurposeId.id_kp_serverAuth)
                .dnsNames("localhost").ipAddresses("127.0.0.1").issue(GW_ROOT);
        return new Credential("gateway-tls", keys.getPrivate(), cert, List.of(cert, GW_ROOT.certificate()));
    }

    private static Credential endEntity(Credential issuer, String id, KeyPair keys, int keyUsage) {
        return TestPki.issue(issuer, id, DistinguishedNames.of(null, "Evidence Gateway (test)", null, id), keys,
                TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650)), keyUsage);
    }

    private static void writePem(Path dir, Credential credential) throws IOException {
        writePem(dir, credential, credential.id());
    }

    private static void writePem(Path dir, Credential credential, String name) throws IOException {
        Pem.write(dir.resolve(name + ".crt.pem"), credential.certificate());
        Pem.writePrivateKey(dir.resolve(name + ".key.pem"), credential.privateKey());
    }
}
