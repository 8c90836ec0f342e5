package org.evidencegateway.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The JCA providers the CMS layer asks for by purpose, in one place. */
final class Providers {
    /**
     * Bouncy Castle, not registered globally, used where the JDK falls short: content decryption (its AES-GCM
     * releases plaintext as it goes, where the JDK's buffers the whole ciphertext until the tag is checked —
     * impossible for a package of many gigabytes) and ECDH with the X9.63 KDFs of CMS key agreement.
     */
    static final Provider BC = new BouncyCastleProvider();

    /** The JDK's provider for bulk encryption: hardware-accelerated AES, and its GCM encryption streams. */
    static final String BULK_ENCRYPTION = "SunJCE";

    private Providers() {
    }
}
