package org.evidencegateway.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CRLException;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.PemKeySource;
import org.evidencegateway.trust.Pkcs12KeySource;

/**
 * Generates the development PKI of {@code certs/}: three roots (UA, KZ, gateway operator), agency signing
 * certificates, gateway, auditor, TSA, case-system and TLS certificates, one CRL per root, and the demo failure
 * cases {@code ua-npu-revoked} and {@code kz-mvd-expired}. DEVELOPMENT ONLY: keys are written unencrypted.
 *
 * <p>Per root: {@code <root>.crt.pem}, {@code <root>.key.pem}, {@code <root>.crl.pem}, {@code <root>.crl} (DER).
 * Per party: {@code <name>.crt.pem}, {@code <name>.key.pem} (PKCS#8), {@code <name>.p12} (key and chain, password
 * {@link #P12_PASSWORD}).
 */
public final class DevPki {
    /** Password of every generated PKCS#12 file. */
    public static final String P12_PASSWORD = "changeit";
    /** The ua-npu certificate that the UA CRL lists as revoked (keyCompromise, a day before generation). */
    public static final String REVOKED = "ua-npu-revoked";
    /** The kz-mvd certificate whose validity ended 30 days before generation. */
    public static final String EXPIRED = "kz-mvd-expired";

    private DevPki() {
    }

    /**
     * Writes the complete PKI into {@code dir} (created if missing), overwriting files of the same names.
     *
     * @param now the generation time: start of validity, CRL thisUpdate, reference for revoked and expired cases
     * @return the files written, in order
     */
    public static List<Path> generate(Path dir, Instant now) throws IOException {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        DevParties plan = new DevParties(at);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Map<String, Credential> roots = new LinkedHashMap<>();
        for (DevParties.Root root : plan.roots()) {
            KeyPair keys = root.keyType().generate();
            X509Certificate cert = CertificateBuilder.of(root.subject(), keys.getPublic())
                    .validity(plan.rootFrom(), plan.rootTo()).ca().selfSign(keys.getPrivate());
            Credential credential = new Credential(root.name(), keys.getPrivate(), cert, List.of(cert));
            roots.put(root.name(), credential);
            written.addAll(writeKeyAndCertificate(dir, credential));
        }
        Map<String, Credential> parties = new LinkedHashMap<>();
        for (DevParties.Party party : plan.parties()) {
            parties.put(party.name(), issue(dir, party, roots.get(party.root()), written));
        }
        for (Credential root : roots.values()) {
            CrlBuilder crl = CrlBuilder.of(root, at, plan.crlNextUpdate()).number(1);
            if (root.id().equals("ua-root-ca")) {
                crl.revoke(parties.get(REVOKED).certificate(), at.minus(Duration.ofDays(1)), CRLReason.KEY_COMPROMISE);
            }
            written.addAll(writeCrl(dir, root.id(), crl.build()));
        }
        return written;
    }

    /**
     * Issues one party of the plan alone, below the root whose certificate and key are in {@code dir} already, and
     * writes its files: how a party added to the plan later joins a committed PKI without regenerating the rest.
     *
     * @return the files written
     * @throws IllegalArgumentException if the plan has no party {@code name}
     */
    public static List<Path> issue(Path dir, String name, Instant now) throws IOException {
        DevParties.Party party = new DevParties(now.truncatedTo(ChronoUnit.SECONDS)).parties().stream()
                .filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the development PKI has no party " + name));
        Credential root = new PemKeySource(dir).credential(party.root());
        List<Path> written = new ArrayList<>();
        issue(dir, party, root, written);
        return written;
    }

    private static Credential issue(Path dir, DevParties.Party party, Credential issuer, List<Path> written)
            throws IOException {
        KeyPair keys = party.keyType().generate();
        X509Certificate cert = party.profile()
                .apply(CertificateBuilder.of(party.subject(), keys.getPublic()).validity(party.from(), party.to()))
                .issue(issuer);
        Credential credential = new Credential(party.name(), keys.getPrivate(), cert,
                List.of(cert, issuer.certificate()));
        written.addAll(writeKeyAndCertificate(dir, credential));
        Path p12 = dir.resolve(party.name() + ".p12");
        Pkcs12KeySource.write(p12, P12_PASSWORD.toCharArray(), credential);
        written.add(p12);
        return credential;
    }

    /** The generated files that already exist in {@code dir}, to refuse overwriting them. */
    public static List<Path> existingFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(crt\\.pem|key\\.pem|p12|crl|crl\\.pem)"))
                    .sorted().toList();
        }
    }

    private static List<Path> writeKeyAndCertificate(Path dir, Credential credential) throws IOException {
        Path cert = dir.resolve(credential.id() + ".crt.pem");
        Path key = dir.resolve(credential.id() + ".key.pem");
        Pem.write(cert, credential.certificate());
        Pem.writePrivateKey(key, credential.privateKey());
        return List.of(cert, key);
    }

    private static List<Path> writeCrl(Path dir, String root, X509CRL crl) throws IOException {
        Path pem = dir.resolve(root + ".crl.pem");
        Path der = dir.resolve(root + ".crl");
        Pem.write(pem, crl);
        try {
            Files.write(der, crl.getEncoded());
        } catch (CRLException e) {
            throw new IOException("cannot encode the CRL of " + root, e);
        }
        return List.of(pem, der);
    }
}
