package org.evidencegateway.crypto;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The AAD stream of our streaming AES-GCM operators, which refuses every byte: AuthEnvelopedData puts authAttrs
 * after the content, too late for a stream, and our format leaves them absent.
 */
final class RefusedAadStream extends OutputStream {
    private final String why;

    /** {@code why} completes "authenticated attributes are not supported: …". */
    RefusedAadStream(String why) {
        this.why = why;
    }

    @Override
    public void write(int b) throws IOException {
        throw refused();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        throw refused();
    }

    private IOException refused() {
        return new IOException("authenticated attributes are not supported: " + why);
    }
}
