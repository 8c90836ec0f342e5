package org.evidencegateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * AES-GCM decryption of AuthEnvelopedData content that streams, with {@link StreamingGcm}: the JDK's AES-CTR
 * recovers the plaintext and GHASH over the ciphertext recomputes the tag.
 *
 * <p>The JDK's own AES-GCM decryption holds back all plaintext until the tag is checked, which a package of
 * many gigabytes cannot afford, and refuses messages over 2^31 − 1 bytes; Bouncy Castle's streams but is several
 * times slower. This decryptor releases plaintext as it goes and, when the content ends, compares the tag in
 * constant time with the received one (NIST SP 800-38D, section 7). As with any streaming AEAD, plaintext read
 * before the end is unauthenticated: the caller must not act on it until the stream has reported its end without
 * an exception.
 *
 * <p>Only 12-byte nonces (the only ones our format writes, RFC 5084's recommendation) are handled;
 * {@link #supports(AlgorithmIdentifier)} says when to leave a message to Bouncy Castle instead. AAD cannot be
 * streamed: AuthEnvelopedData encodes authAttrs after the content, and our format leaves them absent, so any
 * attempt to add AAD fails.
 */
final class StreamingGcmDecryptor implements InputAEADDecryptor {
    private static final int BLOCK_BYTES = Ghash.BLOCK_BYTES;
    private static final int CHUNK_BYTES = 64 * 1024;

    private final AlgorithmIdentifier algorithm;
    private final StreamingGcm gcm;
    private final int tagBytes;
    private DecryptingStream stream;

    private StreamingGcmDecryptor(AlgorithmIdentifier algorithm, StreamingGcm gcm, int tagBytes) {
        this.algorithm = algorithm;
        this.gcm = gcm;
        this.tagBytes = tagBytes;
    }

    /**
     * The GCM parameters of {@code algorithm} if this decryptor can handle it: AES-128/192/256-GCM with a 12-byte
     * nonce and a tag of 12 to 16 bytes. Empty means the caller should decrypt some other way.
     */
    static Optional<GCMParameters> supports(AlgorithmIdentifier algorithm) {
        if (!StreamingGcm.KEY_BYTES.containsKey(algorithm.getAlgorithm()) || algorithm.getParameters() == null) {
            return Optional.empty();
        }
        try {
            GCMParameters params = GCMParameters.getInstance(algorithm.getParameters());
            boolean usable = params.getNonce().length == StreamingGcm.NONCE_BYTES
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
                "not AES-GCM with a " + StreamingGcm.NONCE_BYTES + "-byte nonce: " + algorithm.getAlgorithm()));
        byte[] raw = contentKey.getEncoded();
        int expected = StreamingGcm.KEY_BYTES.get(algorithm.getAlgorithm());
        if (raw == null || raw.length != expected) {
            throw new CMSException("the content-encryption key is " + (raw == null ? "not extractable" : raw.length
                    + " bytes") + ", " + Oids.name(algorithm.getAlgorithm()) + " needs " + expected + " bytes");
        }
        // Bouncy Castle names unwrapped keys after the content algorithm; the JDK's AES wants "AES".
        SecretKeySpec key = new SecretKeySpec(raw, "AES");
        try {
            return new StreamingGcmDecryptor(algorithm, StreamingGcm.decrypting(key, params.getNonce()),
                    params.getIcvLen());
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
        return new RefusedAadStream("AES-GCM content is decrypted as a stream and authAttrs must be absent");
    }

    /** The received tag once the content has been read to its end, null before. */
    @Override
    public byte[] getMAC() {
        return stream == null || stream.receivedTag == null ? null : stream.receivedTag.clone();
    }

    /**
     * Decrypts all but the last {@code tagBytes} bytes read so far; those may be the tag, known only once the
     * source ends.
     */
    private final class DecryptingStream extends InputStream {
        private final InputStream source;
        /** Undecrypted input: {@code buffer[start, end)}, of which the last {@code tagBytes} are held back. */
        private final byte[] buffer = new byte[CHUNK_BYTES + BLOCK_BYTES];
        private final byte[] single = new byte[1];
        private int start;
        private int end;
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

        /** Decrypts {@code n} bytes; {@link StreamingGcm} refuses content beyond GCM's limit. */
        private int decrypt(byte[] b, int off, int n) throws IOException {
            gcm.update(buffer, start, n, b, off);
            start += n;
            return n;
        }

        private void checkTag() throws IOException {
            int held = end - start;
            receivedTag = Arrays.copyOfRange(buffer, start, end);
            start = end;
            byte[] expected = gcm.finish(tagBytes);
            if (held != tagBytes || !MessageDigest.isEqual(expected, receivedTag)) {
                throw new IOException("the AES-GCM authentication tag does not match the content");
            }
        }
    }
}
