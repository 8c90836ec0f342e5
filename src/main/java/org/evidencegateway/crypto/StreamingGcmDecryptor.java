package org.evidencegateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * AES-GCM decryption of AuthEnvelopedData content that streams, built only from the JDK's hardware-accelerated
 * ciphers: AES-CTR recovers the plaintext, and a second AES-GCM cipher in encrypt mode recomputes the tag.
 *
 * <p>The JDK's own AES-GCM decryption holds back all plaintext until the tag is checked, which a package of
 * many gigabytes cannot afford; Bouncy Castle's streams but is several times slower. This decryptor releases
 * plaintext as it goes and checks the tag when the content ends (NIST SP 800-38D, section 7):
 * <ul>
 *   <li>GCM encrypts with a counter that starts at inc32(J0); for a 12-byte nonce J0 = nonce ‖ 0x00000001, so
 *       AES-CTR from nonce ‖ 0x00000002 over the ciphertext yields the plaintext P;</li>
 *   <li>GCM-Encrypt(K, nonce, P) reproduces the ciphertext and therefore the tag the sender computed over it;
 *       its ciphertext output is discarded and its tag compared, in constant time, with the received one.</li>
 * </ul>
 * As with any streaming AEAD, plaintext read before the end is unauthenticated: the caller must not act on it
 * until the stream has reported its end without an exception.
 *
 * <p>Only 12-byte nonces (the only ones our format writes, RFC 5084's recommendation) are handled;
 * {@link #supports(AlgorithmIdentifier)} says when to leave a message to Bouncy Castle instead. AAD cannot be
 * streamed: AuthEnvelopedData encodes authAttrs after the content, and our format leaves them absent, so any
 * attempt to add AAD fails.
 */
final class StreamingGcmDecryptor implements InputAEADDecryptor {
    /** The nonce length for which J0 = nonce ‖ 0^31 ‖ 1 (other lengths are hashed into J0 with GHASH). */
    static final int NONCE_BYTES = 12;

    /**
     * GCM's limit on the plaintext of one message, 2^39 − 256 bits (SP 800-38D, section 5.2.1.1): 2^32 − 2
     * blocks, exactly the blocks inc32 can count from 2 without wrapping.
     */
    static final long MAX_CONTENT_BYTES = (1L << 36) - 32;

    private static final int BLOCK_BYTES = 16;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final Map<ASN1ObjectIdentifier, Integer> KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_GCM, 16,
            NISTObjectIdentifiers.id_aes192_GCM, 24,
            NISTObjectIdentifiers.id_aes256_GCM, 32);

    private final AlgorithmIdentifier algorithm;
    private final Cipher keystream;
    private final Cipher tagCipher;
    private final int tagBytes;
    private DecryptingStream stream;

    private StreamingGcmDecryptor(AlgorithmIdentifier algorithm, Cipher keystream, Cipher tagCipher, int tagBytes) {
        this.algorithm = algorithm;
        this.keystream = keystream;
        this.tagCipher = tagCipher;
        this.tagBytes = tagBytes;
    }

    /**
     * The GCM parameters of {@code algorithm} if this decryptor can handle it: AES-128/192/256-GCM with a 12-byte
     * nonce and a tag of 12 to 16 bytes. Empty means the caller should decrypt some other way.
     */
    static Optional<GCMParameters> supports(AlgorithmIdentifier algorithm) {
        if (!KEY_BYTES.containsKey(algorithm.getAlgorithm()) || algorithm.getParameters() == null) {
            return Optional.empty();
        }
        try {
            GCMParameters params = GCMParameters.getInstance(algorithm.getParameters());
            boolean usable = params.getNonce().length == NONCE_BYTES
                    && params.getIcvLen() >= 12 && params.getIcvLen() <= BLOCK_BYTES;
            return usable ? Optional.of(params) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * A decryptor for {@code algorithm}, which {@link #supports(AlgorithmIdentifier)} must accept, under the
     * recovered content-encryption key.
     */
    static StreamingGcmDecryptor create(AlgorithmIdentifier algorithm, Key contentKey) throws CMSException {
        GCMParameters params = supports(algorithm).orElseThrow(() -> new IllegalArgumentException(
                "not AES-GCM with a " + NONCE_BYTES + "-byte nonce: " + algorithm.getAlgorithm()));
        byte[] raw = contentKey.getEncoded();
        int expected = KEY_BYTES.get(algorithm.getAlgorithm());
        if (raw == null || raw.length != expected) {
            throw new CMSException("the content-encryption key is " + (raw == null ? "not extractable" : raw.length
                    + " bytes") + ", " + Oids.name(algorithm.getAlgorithm()) + " needs " + expected + " bytes");
        }
        // Bouncy Castle names unwrapped keys after the content algorithm; the JDK's AES wants "AES".
        SecretKeySpec key = new SecretKeySpec(raw, "AES");
        byte[] nonce = params.getNonce();
        byte[] counter = Arrays.copyOf(nonce, BLOCK_BYTES);
        counter[BLOCK_BYTES - 1] = 2;
        try {
            Cipher keystream = Cipher.getInstance("AES/CTR/NoPadding", Providers.BULK_ENCRYPTION);
            keystream.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
            Cipher tagCipher = Cipher.getInstance("AES/GCM/NoPadding", Providers.BULK_ENCRYPTION);
            tagCipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(params.getIcvLen() * 8, nonce));
            return new StreamingGcmDecryptor(algorithm, keystream, tagCipher, params.getIcvLen());
        } catch (GeneralSecurityException e) {
            throw new CMSException("cannot set up AES-GCM decryption: " + e.getMessage(), e);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    /**
     * Wraps the ciphertext followed by the tag (Bouncy Castle's InputStreamWithMAC appends the AuthEnvelopedData
     * mac to the content) in a stream of plaintext that fails at its end if the tag does not match.
     */
    @Override
    public InputStream getInputStream(InputStream ciphertextAndTag) {
        if (stream != null) {
            throw new IllegalStateException("a decryptor decrypts one content stream");
        }
        stream = new DecryptingStream(ciphertextAndTag);
        return stream;
    }

    /** A stream that refuses AAD: authAttrs follow the content, too late for a streaming decryptor. */
    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw unsupportedAad();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw unsupportedAad();
            }
        };
    }

    /** The received tag once the content has been read to its end, null before. */
    @Override
    public byte[] getMAC() {
        return stream == null || stream.receivedTag == null ? null : stream.receivedTag.clone();
    }

    private static IOException unsupportedAad() {
        return new IOException("authenticated attributes are not supported: AES-GCM content is decrypted as a "
                + "stream and authAttrs must be absent");
    }

    /**
     * Decrypts all but the last {@code tagBytes} bytes read so far; those may be the tag, known only once the
     * source ends.
     */
    private final class DecryptingStream extends InputStream {
        private final InputStream source;
        /** Undecrypted input: {@code buffer[start, end)}, of which the last {@code tagBytes} are held back. */
        private final byte[] buffer = new byte[CHUNK_BYTES + BLOCK_BYTES];
        private final byte[] discarded = new byte[CHUNK_BYTES + 2 * BLOCK_BYTES];
        private final byte[] single = new byte[1];
        private int start;
        private int end;
        private long contentBytes;
        private boolean sourceEnded;
        private byte[] receivedTag;
        private IOException failure;

        DecryptingStream(InputStream source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int n = read(single, 0, 1);
            return n < 0 ? -1 : single[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (failure != null) {
                throw failure;
            }
            if (len == 0) {
                return 0;
            }
            try {
                while (end - start <= tagBytes) {
                    if (receivedTag != null) {
                        return -1;
                    }
                    if (sourceEnded) {
                        checkTag();
                        return -1;
                    }
                    fill();
                }
                return decrypt(b, off, Math.min(len, end - start - tagBytes));
            } catch (IOException e) {
                failure = e;
                throw e;
            } catch (GeneralSecurityException e) {
                failure = new IOException("AES-GCM decryption failed: " + e.getMessage(), e);
                throw failure;
            }
        }

        @Override
        public int available() {
            return Math.max(0, end - start - tagBytes);
        }

        @Override
        public void close() throws IOException {
            source.close();
        }

        /** Reads once from the source, after moving the few held-back bytes to the front of the buffer. */
        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            int n = source.read(buffer, end, buffer.length - end);
            if (n < 0) {
                sourceEnded = true;
            } else {
                end += n;
            }
        }

        private int decrypt(byte[] b, int off, int n) throws IOException, GeneralSecurityException {
            // JDK CTR increments all 128 bits of the counter block, GCM only the low 32 (inc32). They agree until
            // the low 32 bits wrap: counting from 2 that is after 2^32 - 2 blocks, GCM's own limit, refused here.
            if (contentBytes + n > MAX_CONTENT_BYTES) {
                throw new IOException("the content exceeds the AES-GCM limit of " + MAX_CONTENT_BYTES + " bytes");
            }
            int plain = keystream.update(buffer, start, n, b, off);
            if (plain != n) {
                throw new IllegalStateException("AES-CTR returned " + plain + " of " + n + " bytes");
            }
            tagCipher.update(b, off, n, discarded, 0);
            start += n;
            contentBytes += n;
            return n;
        }

        private void checkTag() throws IOException, GeneralSecurityException {
            int held = end - start;
            receivedTag = Arrays.copyOfRange(buffer, start, end);
            start = end;
            byte[] last = tagCipher.doFinal();
            byte[] expected = Arrays.copyOfRange(last, last.length - tagBytes, last.length);
            if (held != tagBytes || !MessageDigest.isEqual(expected, receivedTag)) {
                throw new IOException("the AES-GCM authentication tag does not match the content");
            }
        }
    }
}
