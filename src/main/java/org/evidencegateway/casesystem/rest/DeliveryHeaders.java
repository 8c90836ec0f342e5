package org.evidencegateway.casesystem.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The HTTP headers of a REST delivery (docs/case-system-integration.md, REST contract) and the percent-encoding of
 * the one that may carry any Unicode text, for the gateway's delivery client and the receiver alike.
 */
public final class DeliveryHeaders {
    /** The package id the delivery is made under. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The manifest's sender agency. */
    public static final String SENDER = "Evgw-Sender";
    /** The manifest's recipient agency. */
    public static final String RECIPIENT = "Evgw-Recipient";
    /** The manifest's kind. */
    public static final String KIND = "Evgw-Kind";
    /** The manifest's case reference, UTF-8 percent-encoded. */
    public static final String CASE_REFERENCE = "Evgw-Case-Reference";

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DeliveryHeaders() {
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes of {@code text}: every byte but the unreserved ones as %XX. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * The text {@link #encode} encoded; {@code null} stays {@code null}.
     *
     * @throws IllegalArgumentException if {@code encoded} is not percent-encoded UTF-8
     */
    public static String decode(String encoded) {
        if (encoded == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else if (c > 0x20 && c < 0x7F && c != '%') {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("not percent-encoded: character " + (int) c + " at " + i);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the percent-encoded bytes are not UTF-8", e);
        }
    }
}
