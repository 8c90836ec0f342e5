package org.evidencegateway.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.GCMUtil;
import org.bouncycastle.crypto.modes.gcm.Tables64kGCMMultiplier;
import org.bouncycastle.util.Pack;

/**
 * GHASH (NIST SP 800-38D, section 6.4) over the AAD, given up front, and a ciphertext fed in pieces of any size.
 *
 * <p>Runs of many whole blocks are hashed by the JDK's hardware GHASH (carry-less multiplication), which the JDK only
 * exposes inside its AES-GCM: an AES-GCM encryption under the same key of no plaintext and, as AAD, the blocks to hash
 * — the first one XORed with the running hash, the last one held back — returns the tag T = S ⊕ AES_K(J0), where
 * S = (Y ⊕ L)·H is the hash Y over those blocks closed by their length block L. Then the running hash after the last
 * block X is Y' = (Y ⊕ X)·H = S ⊕ (L ⊕ X)·H: two block operations here, whatever the run's length (the JDK's
 * 2^31 − 1 byte limit applies to each run, not to the message). Shorter runs, the AAD and a trailing partial block are
 * hashed here in Java with Bouncy Castle's 64 KiB-table multiplier (344 MiB/s alone on this machine, against several
 * GiB/s for the JDK's). One hash per instance.
 */
final class Ghash {
    static final int BLOCK_BYTES = 16;
    /** Whole blocks from which a run goes to the JDK (its set-up costs a few microseconds). */
    static final int JDK_MIN_BLOCKS = 256;
    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;

    private final GCMMultiplier multiplier = new Tables64kGCMMultiplier();
    private final byte[] state = new byte[BLOCK_BYTES];
    private final byte[] partial = new byte[BLOCK_BYTES];
    private final long aadBytes;
    private final Key key;
    private Cipher jdkGcm;
    private Cipher jdkBlock;
    private long runs;
    private int partialBytes;
    private long ciphertextBytes;
    private boolean finished;

    /**
     * A hash under the hash subkey {@code h} = AES_K(0^128) that has absorbed {@code aad}, zero-padded; {@code key}
     * is K (null to hash in Java only).
     */
    Ghash(Key key, byte[] h, byte[] aad) {
        this.key = key;
        multiplier.init(h);
        aadBytes = aad.length;
        absorb(aad, 0, aad.length);
        padPartialBlock();
    }

    /** Absorbs {@code len} bytes of ciphertext. */
    void update(byte[] in, int off, int len) {
        ensureNotFinished();
        ciphertextBytes += len;
        absorb(in, off, len);
    }

    /** Pads the ciphertext, absorbs the block len(A) ‖ len(C) (in bits) and returns the hash; the last call. */
    byte[] finish() {
        ensureNotFinished();
        finished = true;
        padPartialBlock();
        byte[] lengths = new byte[BLOCK_BYTES];
        Pack.longToBigEndian(aadBytes * 8, lengths, 0);
        Pack.longToBigEndian(ciphertextBytes * 8, lengths, 8);
        block(lengths, 0);
        return state.clone();
    }

    private void absorb(byte[] in, int off, int len) {
        if (partialBytes > 0) {
            int take = Math.min(BLOCK_BYTES - partialBytes, len);
            System.arraycopy(in, off, partial, partialBytes, take);
            partialBytes += take;
            off += take;
            len -= take;
            if (partialBytes < BLOCK_BYTES) {
                return;
            }
            block(partial, 0);
            partialBytes = 0;
        }
        int end = off + len - len % BLOCK_BYTES;
        int blocks = (end - off) / BLOCK_BYTES;
        if (blocks >= JDK_MIN_BLOCKS && jdkRun(in, off, blocks)) {
            off = end;
        }
        for (; off < end; off += BLOCK_BYTES) {
            block(in, off);
        }
        partialBytes = len % BLOCK_BYTES;
        System.arraycopy(in, end, partial, 0, partialBytes);
    }

    /** Hashes {@code blocks} (at least 2) whole blocks with the JDK's GHASH; false if the JDK cannot (then nothing). */
    private boolean jdkRun(byte[] in, int off, int blocks) {
        if (key == null || runs < 0) {
            return false;
        }
        try {
            byte[] nonce = nextNonce();
            Cipher gcm = jdkGcm();
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] first = Arrays.copyOfRange(in, off, off + BLOCK_BYTES);
            GCMUtil.xor(first, state);
            gcm.updateAAD(first);
            int held = off + (blocks - 1) * BLOCK_BYTES;
            gcm.updateAAD(in, off + BLOCK_BYTES, held - off - BLOCK_BYTES);
            byte[] tag = gcm.doFinal();
            byte[] j0 = Arrays.copyOf(nonce, BLOCK_BYTES);
            j0[BLOCK_BYTES - 1] = 1;
            byte[] mask = jdkBlock().doFinal(j0);
            // (L ⊕ X)·H, L = the run's length block: len(A) = blocks − 1 blocks, len(C) = 0
            byte[] last = new byte[BLOCK_BYTES];
            Pack.longToBigEndian((long) (blocks - 1) * BLOCK_BYTES * 8, last, 0);
            GCMUtil.xor(last, in, held);
            multiplier.multiplyH(last);
            for (int i = 0; i < BLOCK_BYTES; i++) {
                state[i] = (byte) (tag[i] ^ mask[i] ^ last[i]);
            }
            return true;
        } catch (GeneralSecurityException e) {
            // A key the JDK's provider cannot use (a hardware token's, say): hash in Java from now on.
            runs = -1;
            return false;
        }
    }

    /** A nonce never used before under this key by this hash: the JDK refuses to encrypt twice under one. */
    private byte[] nextNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        Pack.longToBigEndian(++runs, nonce, NONCE_BYTES - 8);
        return nonce;
    }

    private Cipher jdkGcm() throws GeneralSecurityException {
        if (jdkGcm == null) {
            jdkGcm = Cipher.getInstance("AES/GCM/NoPadding", Providers.BULK_ENCRYPTION);
        }
        return jdkGcm;
    }

    private Cipher jdkBlock() throws GeneralSecurityException {
        if (jdkBlock == null) {
            jdkBlock = Cipher.getInstance("AES/ECB/NoPadding", Providers.BULK_ENCRYPTION);
            jdkBlock.init(Cipher.ENCRYPT_MODE, key);
        }
        return jdkBlock;
    }

    private void padPartialBlock() {
        if (partialBytes > 0) {
            Arrays.fill(partial, partialBytes, BLOCK_BYTES, (byte) 0);
            block(partial, 0);
            partialBytes = 0;
        }
    }

    /** Y = (Y ⊕ X) · H. */
    private void block(byte[] in, int off) {
        GCMUtil.xor(state, in, off);
        multiplier.multiplyH(state);
    }

    private void ensureNotFinished() {
        if (finished) {
            throw new IllegalStateException("GHASH was already finished");
        }
    }
}
