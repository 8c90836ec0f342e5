package org.evidencegateway.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import java.util.WeakHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The JCA providers the CMS layer asks for by purpose, in one place. */
final class Providers {
    /**
     * Bouncy Castle, not registered globally, used where the JDK falls short: verifying signatures (three times faster
     * than the JDK 17 for P-256 ECDSA), signing with EC keys held in memory ({@link #signsInSoftware}), ephemeral EC
     * keys and ECDH with the X9.63 KDFs of CMS key agreement, and decrypting AES-GCM content
     * with a nonce other than 12 bytes ({@link StreamingGcm}, which handles the 12-byte nonces our format writes,
     * builds on the JDK's AES instead).
     */
    static final Provider BC = new BouncyCastleProvider();

    /**
     * The JDK's provider for bulk encryption: hardware-accelerated AES in CBC, CTR and ECB. Not its AES-GCM, which
     * buffers when decrypting and refuses messages over 2^31 − 1 bytes; {@link StreamingGcm} replaces it.
     */
    static final String BULK_ENCRYPTION = "SunJCE";

    /** Keys converted by {@link #inBouncyCastle}, held as long as the key they were made from. */
    private static final Map<PrivateKey, PrivateKey> BC_KEYS = new WeakHashMap<>();

    private Providers() {
    }

    /**
     * Whether {@code key} is an EC key held in memory (read from a PEM or PKCS#12 file), which Bouncy Castle signs with
     * in 0.1 ms (as its own key object, {@link #inBouncyCastle}) against the JDK 17's 1.0 ms for P-256. A key in a
     * token (PKCS#11) exposes no PKCS#8 encoding and stays with the provider that drives the token; RSA keys stay with
     * the JDK, as fast as Bouncy Castle.
     */
    static boolean signsInSoftware(PrivateKey key) {
        return key instanceof ECPrivateKey && "PKCS#8".equals(key.getFormat());
    }

    /**
     * {@code key} as Bouncy Castle's own key object, made once per key: given another provider's key, Bouncy Castle
     * rebuilds the curve for every signature and so cannot reuse its precomputed multiples of the generator (0.3–0.4
     * ms a P-256 signature instead of 0.1 ms here).
     */
    static PrivateKey inBouncyCastle(PrivateKey key) {
        synchronized (BC_KEYS) {
            return BC_KEYS.computeIfAbsent(key, Providers::convert);
        }
    }

    private static PrivateKey convert(PrivateKey key) {
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), BC).generatePrivate(
                    new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Bouncy Castle cannot read the " + key.getAlgorithm() + " key: "
                    + e.getMessage(), e);
        }
    }
}
