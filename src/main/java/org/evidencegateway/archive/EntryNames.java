package org.evidencegateway.archive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.evidencegateway.error.ArchiveException;
import org.evidencegateway.error.ErrorCode;

/**
 * The rules an archive entry name must follow, shared by {@link ArchiveWriter} and {@link ArchiveReader}.
 *
 * <p>A name is a relative path of segments separated by {@code /}; a single trailing {@code /} marks a directory.
 * One instance remembers the names it has accepted and refuses a second name that is equal after Unicode NFC
 * normalisation and {@code toLowerCase(Locale.ROOT)}, because case-insensitive file systems would let one
 * overwrite the other. It keeps a SHA-256 digest per name, not the name, so memory stays small.
 */
public final class EntryNames {
    /** Most UTF-8 bytes of a whole name. */
    public static final int MAX_NAME_BYTES = 1024;
    /** Most UTF-8 bytes of one segment. */
    public static final int MAX_SEGMENT_BYTES = 255;

    private final Set<ByteBuffer> seen = new HashSet<>();
    private final MessageDigest sha256;

    public EntryNames() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Checks {@code name} with {@link #requireSafe} and remembers it; throws {@code ZIP_DUPLICATE} if seen before. */
    public void add(String name) {
        requireSafe(name);
        byte[] digest = sha256.digest(foldKey(name).getBytes(StandardCharsets.UTF_8));
        if (!seen.add(ByteBuffer.wrap(digest))) {
            throw new ArchiveException(ErrorCode.ZIP_DUPLICATE, printable(name));
        }
    }

    /** Throws {@code ZIP_UNSAFE_PATH} with the reason unless {@code name} is a safe relative path. */
    public static void requireSafe(String name) {
        String reason = unsafeReason(name);
        if (reason != null) {
            throw new ArchiveException(ErrorCode.ZIP_UNSAFE_PATH, printable(name), reason);
        }
    }

    /** Whether the name denotes a directory (ends with {@code /}). */
    public static boolean isDirectory(String name) {
        return name.endsWith("/");
    }

    /** The form under which two names count as the same: NFC, lower case, without a directory's trailing slash. */
    public static String foldKey(String name) {
        String path = isDirectory(name) ? name.substring(0, name.length() - 1) : name;
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String unsafeReason(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format(Locale.ROOT, "it contains the control character U+%04X", (int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "it contains an unpaired surrogate";
            }
        }
        if (name.indexOf('\\') >= 0) {
            return "it contains a backslash";
        }
        if (name.startsWith("/")) {
            return "it is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return "it starts with a drive letter";
        }
        if (utf8Length(name) > MAX_NAME_BYTES) {
            return "it is longer than " + MAX_NAME_BYTES + " UTF-8 bytes";
        }
        String path = isDirectory(name) ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty segment";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "it has a \"" + segment + "\" segment";
            }
            if (utf8Length(segment) > MAX_SEGMENT_BYTES) {
                return "a segment is longer than " + MAX_SEGMENT_BYTES + " UTF-8 bytes";
            }
        }
        return null;
    }

    /** The name with control characters escaped, safe to put into a message or a log line. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !isPaired(name, i)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPaired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
