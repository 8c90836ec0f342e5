package org.evidencegateway.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.ManifestException;

/** Turns manifest bytes into text: bounded in size, strict UTF-8, no byte order mark. */
final class ManifestText {
    private ManifestText() {
    }

    /** Reads at most {@code maxBytes} bytes (one more is read to detect excess) and decodes them; does not close. */
    static String read(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new ManifestException(ErrorCode.MAN_MALFORMED,
                    "it is larger than the limit of " + maxBytes + " bytes");
        }
        return decode(bytes);
    }

    /** Decodes strict UTF-8, naming the offset of the first byte that is not part of a valid sequence. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            throw new ManifestException(ErrorCode.MAN_MALFORMED, "it starts with a byte order mark (EF BB BF)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new ManifestException(ErrorCode.MAN_MALFORMED, String.format(Locale.ROOT,
                    "byte %d (0x%02X) is not part of a valid UTF-8 sequence", offset, bytes[offset] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
