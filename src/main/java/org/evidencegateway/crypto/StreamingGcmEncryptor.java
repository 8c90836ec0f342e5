package org.evidencegateway.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JceGenericKey;

/**
 * AES-GCM content encryption for {@code CMSAuthEnvelopedDataStreamGenerator} with {@link StreamingGcm}, so that
 * content beyond the JDK's AES-GCM limit of 2^31 − 1 bytes can be sealed: a fresh key and 12-byte nonce, a 16-byte tag.
 *
 * <p>The generator writes the ciphertext through {@link #getOutputStream(OutputStream)}, closes that stream and then
 * asks {@link #getMAC()} for the tag, which it encodes in the separate mac field; the tag is therefore not appended
 * to the ciphertext. No AAD: our format writes no authAttrs.
 */
final class StreamingGcmEncryptor implements OutputAEADEncryptor {
    /** The ICV length we write, the largest (RFC 5084 allows 12 to 16). */
    static final int TAG_BYTES = 16;

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlgorithmIdentifier algorithm;
    private final SecretKey key;
    private final StreamingGcm gcm;
    private boolean opened;
    private byte[] mac;

    private StreamingGcmEncryptor(AlgorithmIdentifier algorithm, SecretKey key, StreamingGcm gcm) {
        this.algorithm = algorithm;
        this.key = key;
        this.gcm = gcm;
    }

    /** An encryptor under a new random key and nonce for {@code encryption}, which must be an AES-GCM algorithm. */
    static StreamingGcmEncryptor create(ContentEncryption encryption) throws GeneralSecurityException {
        Integer keyBytes = StreamingGcm.KEY_BYTES.get(encryption.oid());
        if (keyBytes == null) {
            throw new IllegalArgumentException(encryption.id() + " is not AES-GCM");
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES", Providers.BULK_ENCRYPTION);
        generator.init(keyBytes * 8, RANDOM);
        SecretKey key = generator.generateKey();
        byte[] nonce = new byte[StreamingGcm.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(encryption.oid(), new GCMParameters(nonce, TAG_BYTES));
        return new StreamingGcmEncryptor(algorithm, key, StreamingGcm.encrypting(key, nonce));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    /** The content-encryption key, for the recipient infos to wrap. */
    @Override
    public GenericKey getKey() {
        return new JceGenericKey(algorithm, key);
    }

    /**
     * A stream that encrypts what is written to it into {@code out}; closing it computes the tag and does not close
     * {@code out} (the generator closes its octet-string stream itself).
     */
    @Override
    public OutputStream getOutputStream(OutputStream out) {
        if (opened) {
            throw new IllegalStateException("an encryptor encrypts one content stream");
        }
        opened = true;
        return new EncryptingStream(out);
    }

    /** A stream that refuses AAD: the generator would feed authAttrs only after the content. */
    @Override
    public OutputStream getAADStream() {
        return new RefusedAadStream("AES-GCM content is encrypted as a stream and authAttrs are not written");
    }

    /** The 16-byte tag, once the content stream has been closed. */
    @Override
    public byte[] getMAC() {
        if (mac == null) {
            throw new IllegalStateException("the AES-GCM tag is known once the content stream is closed");
        }
        return mac.clone();
    }

    /** Encrypts in chunks of at most 64 KiB through one reused buffer. */
    private final class EncryptingStream extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private final byte[] single = new byte[1];

        EncryptingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            single[0] = (byte) b;
            write(single, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (mac != null) {
                throw new IOException("the AES-GCM content stream is closed");
            }
            while (len > 0) {
                int n = Math.min(len, buffer.length);
                gcm.update(b, off, n, buffer, 0);
                out.write(buffer, 0, n);
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            if (mac == null) {
                mac = gcm.finish(TAG_BYTES);
            }
        }
    }
}
