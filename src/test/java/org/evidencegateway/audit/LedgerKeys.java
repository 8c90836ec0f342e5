package org.evidencegateway.audit;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.evidencegateway.pki.CertificateBuilder;
import org.evidencegateway.pki.DistinguishedNames;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.TestPki;

/**
 * Keys of the audit log tests, generated in memory once per JVM: an operator root, the gateway's checkpoint key
 * (EC P-256) below it, a time-stamping authority (EC P-256, critical EKU timeStamping) below it, and a forger's
 * P-256 key with a certificate of the same subject from another root.
 */
public final class LedgerKeys {
    public static final String ORIGIN = "evidence-gateway.invalid/test/audit";
    private static LedgerKeys shared;

    private final Credential root = TestPki.root("gw-root-ca", "UA", KeyType.EC_P256.generate());
    private final Credential gateway = TestPki.issue(root, "gateway",
            DistinguishedNames.of(null, "Evidence Gateway Operator (TEST)", null, "gateway"),
            KeyType.EC_P256.generate(), TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650)),
            TestPki.SIGNING);
    private final Credential tsa = timeStamping(root);
    private final Credential forger = TestPki.issue(TestPki.root("forged-root", "UA", KeyType.EC_P256.generate()),
            "gateway", DistinguishedNames.of(null, "Evidence Gateway Operator (TEST)", null, "gateway"),
            KeyType.EC_P256.generate(), TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650)),
            TestPki.SIGNING);

    public static synchronized LedgerKeys shared() {
        if (shared == null) {
            shared = new LedgerKeys();
        }
        return shared;
    }

    public Credential root() {
        return root;
    }

    public Credential gateway() {
        return gateway;
    }

    public Credential tsa() {
        return tsa;
    }

    public Credential forger() {
        return forger;
    }

    public CheckpointSigner signer() {
        return new CheckpointSigner(ORIGIN, gateway);
    }

    private static Credential timeStamping(Credential issuer) {
        var keys = KeyType.EC_P256.generate();
        X509Certificate cert = CertificateBuilder.of(
                        DistinguishedNames.of(null, "Evidence Gateway Operator (TEST)", null, "tsa"), keys.getPublic())
                .validity(TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650)))
                .keyUsage(TestPki.SIGNING).extendedKeyUsage(true, KeyPurposeId.id_kp_timeStamping).issue(issuer);
        return new Credential("tsa", keys.getPrivate(), cert, List.of(cert, issuer.certificate()));
    }
}
