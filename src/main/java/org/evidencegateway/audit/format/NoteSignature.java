package org.evidencegateway.audit.format;

import java.util.Base64;

/**
 * One signature line of a C2SP signed note: {@code — <key name> base64(key ID || signature)}.
 *
 * @param keyId     the 4-byte key ID, big-endian
 * @param signature the signature bytes (for ECDSA: a DER ECDSA-Sig-Value)
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
    /** U+2014 EM DASH, the first character of every signature line. */
    public static final String DASH = "\u2014";

    public NoteSignature {
        if (keyName.isEmpty() || keyName.contains(" ") || keyName.contains("+") || keyName.contains("\n")) {
            throw new IllegalArgumentException("a key name is non-empty without spaces, '+' or newlines: " + keyName);
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line, without its newline. */
    public String line() {
        byte[] blob = new byte[4 + signature.length];
        blob[0] = (byte) (keyId >>> 24);
        blob[1] = (byte) (keyId >>> 16);
        blob[2] = (byte) (keyId >>> 8);
        blob[3] = (byte) keyId;
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return DASH + " " + keyName + " " + Base64.getEncoder().encodeToString(blob);
    }

    /** Parses one line (without its newline). */
    public static NoteSignature parse(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !parts[0].equals(DASH)) {
            throw new IllegalArgumentException("a signature line is \"— <key name> <base64>\", found \"" + line + "\"");
        }
        byte[] blob = Base64.getDecoder().decode(parts[2]);
        if (blob.length < 5) {
            throw new IllegalArgumentException("signature of " + parts[1] + " is too short: " + blob.length + " bytes");
        }
        int keyId = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        return new NoteSignature(parts[1], keyId, java.util.Arrays.copyOfRange(blob, 4, blob.length));
    }
}
