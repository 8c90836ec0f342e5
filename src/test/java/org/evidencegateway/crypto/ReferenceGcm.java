package org.evidencegateway.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The AES-GCM implementations our streaming one is checked against, each in one call (so under 2 GiB only). */
enum ReferenceGcm {
    JDK(Security.getProvider(Providers.BULK_ENCRYPTION)),
    BOUNCY_CASTLE(Providers.BC);

    private final Provider provider;

    ReferenceGcm(Provider provider) {
        this.provider = provider;
    }

    /** Ciphertext ‖ tag. */
    byte[] seal(byte[] key, byte[] nonce, int tagBytes, byte[] plaintext) throws GeneralSecurityException {
        return cipher(Cipher.ENCRYPT_MODE, key, nonce, tagBytes).doFinal(plaintext);
    }

    /** The plaintext of ciphertext ‖ tag, or an exception if the tag does not match. */
    byte[] open(byte[] key, byte[] nonce, int tagBytes, byte[] sealed) throws GeneralSecurityException {
        return cipher(Cipher.DECRYPT_MODE, key, nonce, tagBytes).doFinal(sealed);
    }

    private Cipher cipher(int mode, byte[] key, byte[] nonce, int tagBytes) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(tagBytes * 8, nonce));
        return cipher;
    }
}
