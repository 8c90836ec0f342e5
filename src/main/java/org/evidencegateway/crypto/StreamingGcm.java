package org.evidencegateway.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.modes.gcm.GCMUtil;

/**
 * AES-GCM (NIST SP 800-38D) with a 12-byte nonce as a stream of updates, up to GCM's own limit of 2^39 − 256 bits
 * per message rather than the JDK's 2^31 − 1 bytes.
 *
 * <p>Built from parts without a length limit:
 * <ul>
 *   <li>the keystream is the JDK's hardware-accelerated AES-CTR, started at inc32(J0), where J0 = nonce ‖ 0^31 ‖ 1;</li>
 *   <li>{@link Ghash} (in Java, Bouncy Castle's multiplier) hashes the ciphertext under H = AES_K(0^128);</li>
 *   <li>the tag is GHASH ⊕ AES_K(J0), its leading bytes when truncated.</li>
 * </ul>
 * The JDK's CTR increments all 128 bits of the counter block, GCM only the low 32 (inc32). Counting from 2 they agree
 * for 2^32 − 2 blocks, which is GCM's limit {@link #MAX_CONTENT_BYTES}; no more is accepted. One message per instance.
 */
final class StreamingGcm {
    /** The nonce length for which J0 = nonce ‖ 0^31 ‖ 1 (other lengths are hashed into J0 with GHASH). */
    static final int NONCE_BYTES = 12;

    /**
     * GCM's limit on the plaintext of one message, 2^39 − 256 bits (SP 800-38D, section 5.2.1.1): 2^32 − 2 blocks,
     * exactly the blocks inc32 can count from 2 without wrapping.
     */
    static final long MAX_CONTENT_BYTES = (1L << 36) - 32;

    /** The AES key length of each AES-GCM content-encryption algorithm. */
    static final Map<ASN1ObjectIdentifier, Integer> KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_GCM, 16,
            NISTObjectIdentifiers.id_aes192_GCM, 24,
            NISTObjectIdentifiers.id_aes256_GCM, 32);

    private static final int BLOCK_BYTES = Ghash.BLOCK_BYTES;
    private static final byte[] NO_AAD = new byte[0];

    private final boolean encrypting;
    private final Cipher keystream;
    private final Ghash ghash;
    private final byte[] tagMask;
    private long contentBytes;

    private StreamingGcm(boolean encrypting, Cipher keystream, Ghash ghash, byte[] tagMask) {
        this.encrypting = encrypting;
        this.keystream = keystream;
        this.ghash = ghash;
        this.tagMask = tagMask;
    }

    /** Encryption under the AES key {@code key} (algorithm "AES") and a 12-byte {@code nonce}, without AAD. */
    static StreamingGcm encrypting(Key key, byte[] nonce) throws GeneralSecurityException {
        return create(true, key, nonce, NO_AAD);
    }

    /** Decryption under the AES key {@code key} (algorithm "AES") and a 12-byte {@code nonce}, without AAD. */
    static StreamingGcm decrypting(Key key, byte[] nonce) throws GeneralSecurityException {
        return create(false, key, nonce, NO_AAD);
    }

    /** Either direction with AAD known up front (our format has none; the specification's test vectors do). */
    static StreamingGcm create(boolean encrypting, Key key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("the nonce is " + nonce.length + " bytes, not " + NONCE_BYTES);
        }
        Cipher block = Cipher.getInstance("AES/ECB/NoPadding", Providers.BULK_ENCRYPTION);
        block.init(Cipher.ENCRYPT_MODE, key);
        byte[] h = block.doFinal(new byte[BLOCK_BYTES]);
        byte[] j0 = Arrays.copyOf(nonce, BLOCK_BYTES);
        j0[BLOCK_BYTES - 1] = 1;
        byte[] tagMask = block.doFinal(j0);
        byte[] firstCounter = j0.clone();
        firstCounter[BLOCK_BYTES - 1] = 2;
        // CTR is its own inverse: the keystream cipher runs in encrypt mode for both directions.
        Cipher keystream = Cipher.getInstance("AES/CTR/NoPadding", Providers.BULK_ENCRYPTION);
        keystream.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(firstCounter));
        return new StreamingGcm(encrypting, keystream, new Ghash(key, h, aad), tagMask);
    }

    /**
     * Encrypts or decrypts {@code len} bytes from {@code in} into {@code out}, which may be the same array.
     *
     * @throws IOException if the message would exceed {@link #MAX_CONTENT_BYTES}
     */
    void update(byte[] in, int inOff, int len, byte[] out, int outOff) throws IOException {
        checkLimit(contentBytes, len);
        if (!encrypting) {
            ghash.update(in, inOff, len);
        }
        int done;
        try {
            done = keystream.update(in, inOff, len, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("no room for " + len + " bytes of output", e);
        }
        if (done != len) {
            throw new IllegalStateException("AES-CTR returned " + done + " of " + len + " bytes");
        }
        if (encrypting) {
            ghash.update(out, outOff, len);
        }
        contentBytes += len;
    }

    /** Refuses {@code len} more bytes after {@code done} if together they exceed {@link #MAX_CONTENT_BYTES}. */
    static void checkLimit(long done, int len) throws IOException {
        if (len > MAX_CONTENT_BYTES - done) {
            throw new IOException("the content exceeds the AES-GCM limit of " + MAX_CONTENT_BYTES + " bytes");
        }
    }

    /** The tag over everything updated so far, truncated to {@code tagBytes} (12 to 16); ends the message. */
    byte[] finish(int tagBytes) {
        if (tagBytes < 12 || tagBytes > BLOCK_BYTES) {
            throw new IllegalArgumentException("an AES-GCM tag of " + tagBytes + " bytes; 12 to 16 are allowed");
        }
        byte[] tag = ghash.finish();
        GCMUtil.xor(tag, tagMask);
        return Arrays.copyOf(tag, tagBytes);
    }
}
