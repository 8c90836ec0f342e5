package org.evidencegateway.audit.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note: the note text (ending in a newline), a blank line, and one or more signature lines.
 *
 * @param body the note text, including its final newline
 */
public record SignedNote(String body, List<NoteSignature> signatures) {
    public SignedNote {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a note text ends with a newline");
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        signatures = List.copyOf(signatures);
    }

    /** The complete note: body, blank line, signature lines, each line ending in a newline. */
    public String text() {
        StringBuilder out = new StringBuilder(body).append('\n');
        signatures.forEach(s -> out.append(s.line()).append('\n'));
        return out.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a complete note; the text is separated from the signatures by the last blank line. */
    public static SignedNote parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        for (char c : text.toCharArray()) {
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("a signed note contains no control characters but newline, found U+"
                        + String.format("%04X", (int) c));
            }
        }
        int split = text.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has a blank line before its signatures");
        }
        String body = text.substring(0, split + 1);
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : text.substring(split + 2, text.length() - 1).split("\n", -1)) {
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(body, signatures);
    }
}
