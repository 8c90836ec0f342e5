package org.evidencegateway.bench;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.evidencegateway.crypto.Signer;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.PemKeySource;
import org.evidencegateway.trust.TestPki;
import org.evidencegateway.trust.TrustAnchors;

/**
 * Who signs a measured package, whom it is encrypted to, and the policy it is opened under: kz-gpo signs for the
 * gateway's RSA key, either from keys generated in memory or from a directory laid out like {@code certs/}.
 *
 * @param signer      the signer (kz-gpo)
 * @param recipient   the certificate the package is encrypted to (gateway-enc-rsa)
 * @param policy      the gateway holding the recipient's key, trusting the anchors of the same PKI
 * @param signingTime the signingTime written, valid under {@code policy}'s clock
 */
public record PackageKeys(Signer signer, X509Certificate recipient, OpeningPolicy policy, Instant signingTime) {
    /** Signer id of the development PKI used with OpenSSL. */
    public static final String SIGNER_ID = "kz-gpo";
    /** Recipient id of the development PKI used with OpenSSL. */
    public static final String RECIPIENT_ID = "gateway-enc-rsa";
    /** The value of {@code --keys} selecting in-memory keys. */
    public static final String GENERATED = "generated";

    /** Keys generated in memory ({@link TestPackages}), judged at the fixed test time. */
    public static PackageKeys generated() {
        return new PackageKeys(TestPackages.PKI.kzGpo().signer(), TestPackages.GATEWAY_RSA.certificate(),
                TestPackages.policy(), TestPki.NOW);
    }

    /** Keys from a {@code certs/}-style directory (so OpenSSL can use the same files), judged now. */
    public static PackageKeys fromDirectory(Path dir) {
        PemKeySource keys = new PemKeySource(dir);
        Credential signer = keys.credential(SIGNER_ID);
        Credential recipient = keys.credential(RECIPIENT_ID);
        OpeningPolicy policy = OpeningPolicy.of(List.of(recipient.recipientKey()), TrustAnchors.load(dir));
        return new PackageKeys(signer.signer(), recipient.certificate(), policy, Instant.now());
    }

    /** {@link #GENERATED} or a directory. */
    public static PackageKeys of(String option) {
        return GENERATED.equals(option) ? generated() : fromDirectory(Path.of(option));
    }
}
