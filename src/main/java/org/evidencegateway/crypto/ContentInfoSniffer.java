package org.evidencegateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Reads the contentType of a CMS ContentInfo at the head of a stream without consuming it, so the right
 * streaming parser can be chosen before a single content byte is read.
 */
final class ContentInfoSniffer {
    private static final int SEQUENCE = 0x30;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int LOOKAHEAD = 64;

    /** What the head of a stream looks like. */
    enum Shape { EMPTY, NOT_CONTENT_INFO, CONTENT_INFO }

    /** The shape of the stream head and, for a ContentInfo, its contentType. */
    record Head(Shape shape, Optional<ASN1ObjectIdentifier> contentType) {
    }

    private ContentInfoSniffer() {
    }

    /** Peeks at {@code in}, which must support mark/reset; the stream is left where it was. */
    static Head sniff(InputStream in) throws IOException {
        in.mark(LOOKAHEAD);
        try {
            int tag = in.read();
            if (tag < 0) {
                return new Head(Shape.EMPTY, Optional.empty());
            }
            if (tag != SEQUENCE || !skipLength(in) || in.read() != OBJECT_IDENTIFIER) {
                return notContentInfo();
            }
            int length = in.read();
            if (length <= 0 || length > LOOKAHEAD - 8) {
                return notContentInfo();
            }
            byte[] der = new byte[length + 2];
            der[0] = OBJECT_IDENTIFIER;
            der[1] = (byte) length;
            if (in.readNBytes(der, 2, length) != length) {
                return notContentInfo();
            }
            return new Head(Shape.CONTENT_INFO, Optional.of(ASN1ObjectIdentifier.getInstance(der)));
        } catch (IllegalArgumentException malformedOid) {
            return notContentInfo();
        } finally {
            in.reset();
        }
    }

    /** Skips a BER length (short, long or indefinite form); false if it cannot be one. */
    private static boolean skipLength(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0x80) {
            return first >= 0;
        }
        int octets = first & 0x7f;
        if (octets > 8) {
            return false;
        }
        return in.skip(octets) == octets;
    }

    private static Head notContentInfo() {
        return new Head(Shape.NOT_CONTENT_INFO, Optional.empty());
    }
}
