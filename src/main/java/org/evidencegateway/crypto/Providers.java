package org.evidencegateway.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The JCA providers the CMS layer asks for by purpose, in one place. */
final class Providers {
    /**
     * Bouncy Castle, not registered globally, used where the JDK falls short: verifying signatures (three times faster
     * than the JDK 17 for P-256 ECDSA), ECDH with the X9.63 KDFs of CMS key agreement, and decrypting AES-GCM content
     * with a nonce other than 12 bytes ({@link StreamingGcm}, which handles the 12-byte nonces our format writes,
     * builds on the JDK's AES instead).
     */
    static final Provider BC = new BouncyCastleProvider();

    /**
     * The JDK's provider for bulk encryption: hardware-accelerated AES in CBC, CTR and ECB. Not its AES-GCM, which
     * buffers when decrypting and refuses messages over 2^31 − 1 bytes; {@link StreamingGcm} replaces it.
     */
    static final String BULK_ENCRYPTION = "SunJCE";

    private Providers() {
    }
}
