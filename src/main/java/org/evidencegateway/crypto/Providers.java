package org.evidencegateway.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The JCA providers the CMS layer asks for by purpose, in one place. */
final class Providers {
    /**
     * Bouncy Castle, not registered globally, used where the JDK falls short: ECDH with the X9.63 KDFs of CMS key
     * agreement, and AES-GCM content with a nonce other than 12 bytes (the JDK's AES-GCM decryption buffers the
     * whole ciphertext until the tag is checked, so {@link StreamingGcmDecryptor} builds on its CTR and GCM
     * encryption instead, which needs the 12-byte nonce our format writes).
     */
    static final Provider BC = new BouncyCastleProvider();

    /** The JDK's provider for bulk encryption: hardware-accelerated AES; CBC and CTR stream, GCM only encrypting. */
    static final String BULK_ENCRYPTION = "SunJCE";

    private Providers() {
    }
}
