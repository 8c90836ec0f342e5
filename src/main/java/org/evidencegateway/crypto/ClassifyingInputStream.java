package org.evidencegateway.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import org.evidencegateway.error.CodedException;

/**
 * Turns the I/O failures of one layer into that layer's coded error, so that a consumer further down
 * (the ZIP reader, say) cannot mistake a broken ciphertext for a broken archive.
 */
final class ClassifyingInputStream extends FilterInputStream {
    private final Function<IOException, CodedException> classifier;

    ClassifyingInputStream(InputStream in, Function<IOException, CodedException> classifier) {
        super(in);
        this.classifier = classifier;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw classifier.apply(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw classifier.apply(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw classifier.apply(e);
        }
    }
}
