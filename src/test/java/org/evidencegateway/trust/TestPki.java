package org.evidencegateway.trust;

import static org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
import static org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment;
import static org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.evidencegateway.pki.CertificateBuilder;
import org.evidencegateway.pki.CrlBuilder;
import org.evidencegateway.pki.DistinguishedNames;
import org.evidencegateway.pki.KeyType;

/**
 * An in-memory PKI for tests: UA and KZ roots with current CRLs, agency signing credentials, and one credential per
 * failure mode (revoked, expired, weak key, wrong key usage, no agency), all at the fixed time {@link #NOW}.
 *
 * <p>Use {@link #shared()} (generated once per JVM; RSA keys are slow) and {@link #anchors()} /
 * {@link #validator()}; the static methods mint further roots, certificates and CRLs for a test's own case.
 */
public final class TestPki {
    /** The fixed "now" of every test: validation time and the reference of all validity periods. */
    public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** When the revoked credentials were revoked. */
    public static final Instant REVOKED_AT = NOW.minus(Duration.ofDays(10));
    /** Key usage of an agency signing certificate. */
    public static final int SIGNING = digitalSignature | nonRepudiation;

    private static TestPki shared;

    private final Credential uaRoot = root("ua-root-ca", "UA", KeyType.RSA_3072.generate());
    private final Credential kzRoot = root("kz-root-ca", "KZ", KeyType.EC_P256.generate());
    private final Credential uaPgo = agency(uaRoot, "ua-pgo", KeyType.RSA_3072.generate(), SIGNING);
    private final Credential uaNpu = agency(uaRoot, "ua-npu", KeyType.EC_P256.generate(), SIGNING);
    private final Credential kzGpo = agency(kzRoot, "kz-gpo", KeyType.EC_P256.generate(), SIGNING);
    private final Credential kzMvd = agency(kzRoot, "kz-mvd", KeyType.EC_P384.generate(), SIGNING);
    private final Credential uaNpuKeyCompromised = agency(uaRoot, "ua-npu", KeyType.EC_P256.generate(), SIGNING);
    private final Credential uaPgoSuperseded = agency(uaRoot, "ua-pgo", KeyType.EC_P256.generate(), SIGNING);
    private final Credential kzMvdExpired = agency(kzRoot, "kz-mvd", KeyType.EC_P256.generate(),
            NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(30)), SIGNING);
    private final Credential uaPgoRsa1024 = agency(uaRoot, "ua-pgo", rsa1024(), SIGNING);
    private final Credential uaPgoNoKeyUsage = agency(uaRoot, "ua-pgo", KeyType.EC_P256.generate(), 0);
    private final Credential uaPgoEncryptionOnly = agency(uaRoot, "ua-pgo", KeyType.EC_P256.generate(),
            keyEncipherment);
    private final Credential uaNoAgency = issue(uaRoot, "ua-anonymous",
            DistinguishedNames.of("UA", "No agency", null, "ua-anonymous"), KeyType.EC_P256.generate(),
            NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(1825)), SIGNING);
    private final X509CRL uaCrl = crl(uaRoot,
            new Revocation(uaNpuKeyCompromised.certificate(), REVOKED_AT, CRLReason.KEY_COMPROMISE),
            new Revocation(uaPgoSuperseded.certificate(), REVOKED_AT, CRLReason.SUPERSEDED));
    private final X509CRL kzCrl = crl(kzRoot);

    /** A fresh PKI with new keys; prefer {@link #shared()}. */
    public static TestPki create() {
        return new TestPki();
    }

    /** One PKI per JVM; all its parts are immutable. */
    public static synchronized TestPki shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    public Credential uaRoot() {
        return uaRoot;
    }

    public Credential kzRoot() {
        return kzRoot;
    }

    /** Office of the Prosecutor General of Ukraine, RSA-3072. */
    public Credential uaPgo() {
        return uaPgo;
    }

    /** National Police of Ukraine, EC P-256. */
    public Credential uaNpu() {
        return uaNpu;
    }

    /** General Prosecutor's Office of Kazakhstan, EC P-256. */
    public Credential kzGpo() {
        return kzGpo;
    }

    /** Ministry of Internal Affairs of Kazakhstan, EC P-384. */
    public Credential kzMvd() {
        return kzMvd;
    }

    /** ua-npu, on the UA CRL since {@link #REVOKED_AT} with reason keyCompromise. */
    public Credential uaNpuKeyCompromised() {
        return uaNpuKeyCompromised;
    }

    /** ua-pgo, on the UA CRL since {@link #REVOKED_AT} with reason superseded. */
    public Credential uaPgoSuperseded() {
        return uaPgoSuperseded;
    }

    /** kz-mvd, valid until 30 days before {@link #NOW}. */
    public Credential kzMvdExpired() {
        return kzMvdExpired;
    }

    /** ua-pgo with a 1024-bit RSA key, for algorithm-policy tests (trust validation does not judge key sizes). */
    public Credential uaPgoRsa1024() {
        return uaPgoRsa1024;
    }

    /** ua-pgo without a keyUsage extension. */
    public Credential uaPgoNoKeyUsage() {
        return uaPgoNoKeyUsage;
    }

    /** ua-pgo with keyEncipherment only. */
    public Credential uaPgoEncryptionOnly() {
        return uaPgoEncryptionOnly;
    }

    /** A valid UA signing certificate with no organizationIdentifier. */
    public Credential uaNoAgency() {
        return uaNoAgency;
    }

    /** The current UA CRL: {@link #uaNpuKeyCompromised()} and {@link #uaPgoSuperseded()} revoked. */
    public X509CRL uaCrl() {
        return uaCrl;
    }

    /** The current KZ CRL, listing nothing. */
    public X509CRL kzCrl() {
        return kzCrl;
    }

    /** UA and KZ roots with their current CRLs. */
    public TrustAnchors anchors() {
        return anchorsBuilder().crl(uaCrl()).crl(kzCrl()).build();
    }

    /** UA and KZ roots without CRLs, to add a test's own. */
    public TrustAnchors.Builder anchorsBuilder() {
        return TrustAnchors.builder().root("UA", uaRoot.certificate()).root("KZ", kzRoot.certificate());
    }

    /** A validator over {@link #anchors()} at {@link #NOW}. */
    public SignerCertificateValidator validator() {
        return new SignerCertificateValidator(anchors(), CLOCK);
    }

    /** A self-signed root CA {@code C=<country>, CN=<name>}, valid from five years before to 15 after NOW. */
    public static Credential root(String name, String country, KeyPair keys) {
        X509Certificate cert = CertificateBuilder.of(DistinguishedNames.of(country, "Test root", null, name),
                        keys.getPublic())
                .validity(NOW.minus(Duration.ofDays(5 * 365)), NOW.plus(Duration.ofDays(15 * 365)))
                .ca().selfSign(keys.getPrivate());
        return new Credential(name, keys.getPrivate(), cert, List.of(cert));
    }

    /** An intermediate CA below {@code issuer}, valid {@code from}..{@code to}. */
    public static Credential intermediate(Credential issuer, String name, KeyPair keys, Instant from, Instant to) {
        String country = Certificates.attribute(issuer.certificate(), BCStyle.C)
                .orElse(null);
        X509Certificate cert = CertificateBuilder.of(DistinguishedNames.of(country, "Test CA", null, name),
                keys.getPublic()).validity(from, to).ca().issue(issuer);
        return new Credential(name, keys.getPrivate(), cert, withIssuers(cert, issuer));
    }

    /** An agency signing certificate of the issuer's country, valid from a year before to five after NOW. */
    public static Credential agency(Credential issuer, String agencyId, KeyPair keys, int keyUsage) {
        return agency(issuer, agencyId, keys, NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(1825)),
                keyUsage);
    }

    /** An agency certificate {@code C, O, organizationIdentifier=<agencyId>, CN=<agencyId> signing}. */
    public static Credential agency(Credential issuer, String agencyId, KeyPair keys, Instant from, Instant to,
                                    int keyUsage) {
        String country = agencyId.substring(0, 2).toUpperCase(Locale.ROOT);
        return issue(issuer, agencyId,
                DistinguishedNames.of(country, "Agency " + agencyId, agencyId, agencyId + " signing"),
                keys, from, to, keyUsage);
    }

    /** Any end-entity certificate; keyUsage 0 leaves the extension out. */
    public static Credential issue(Credential issuer, String id, X500Name subject,
                                   KeyPair keys, Instant from, Instant to, int keyUsage) {
        X509Certificate cert = CertificateBuilder.of(subject, keys.getPublic())
                .validity(from, to).keyUsage(keyUsage).issue(issuer);
        return new Credential(id, keys.getPrivate(), cert, withIssuers(cert, issuer));
    }

    /** A CRL of {@code issuer}, current at NOW (thisUpdate an hour before, nextUpdate a week after). */
    public static X509CRL crl(Credential issuer, Revocation... revoked) {
        return crl(issuer, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)), revoked);
    }

    /** A CRL of {@code issuer} with the given update times. */
    public static X509CRL crl(Credential issuer, Instant thisUpdate, Instant nextUpdate, Revocation... revoked) {
        CrlBuilder builder = CrlBuilder.of(issuer, thisUpdate, nextUpdate);
        for (Revocation r : revoked) {
            builder.revoke(r.certificate(), r.date(), r.reason());
        }
        return builder.build();
    }

    /** A 1024-bit RSA key pair, too weak for any policy: only for negative tests. */
    public static KeyPair rsa1024() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> withIssuers(X509Certificate cert, Credential issuer) {
        List<X509Certificate> chain = new ArrayList<>(List.of(cert));
        chain.addAll(issuer.chain());
        return chain;
    }

    /** One CRL entry. */
    public record Revocation(X509Certificate certificate, Instant date, CRLReason reason) {
    }
}
