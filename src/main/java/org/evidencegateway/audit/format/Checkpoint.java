package org.evidencegateway.audit.format;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint body: origin, tree size and root hash, one per line, each ending in a newline.
 *
 * @param extensions further lines after the root hash, kept as read (the gateway writes none)
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {
    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line, found \"" + origin + "\"");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
        }
        if (rootHash.length != LogHashes.SIZE) {
            throw new IllegalArgumentException("root hash must have 32 bytes, found " + rootHash.length);
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long treeSize, byte[] rootHash) {
        this(origin, treeSize, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: the exact bytes that are signed. */
    public String body() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(treeSize).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    public byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a note text; fails naming the line that is not a checkpoint line. */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint body ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has at least 3 lines (origin, tree size, root hash), found "
                    + lines.length);
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("line 2 of a checkpoint is the tree size in decimal, found \""
                    + lines[1] + "\"");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line 3 of a checkpoint is the base64 root hash, found \"" + lines[2]
                    + "\"", e);
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, List.of(lines).subList(3, lines.length));
    }
}
