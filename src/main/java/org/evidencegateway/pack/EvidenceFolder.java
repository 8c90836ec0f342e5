package org.evidencegateway.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.manifest.Item;

/**
 * The evidence files of a folder as manifest items: every regular file below it, in path order, measured and
 * hashed (one read of each file), named {@code evidence/<relative path>} with {@code /} separators.
 */
public final class EvidenceFolder {
    /** Media type recorded when the platform cannot tell. */
    public static final String UNKNOWN_MEDIA_TYPE = "application/octet-stream";

    private final Map<String, Path> sources;
    private final List<Item> items;

    private EvidenceFolder(Map<String, Path> sources, List<Item> items) {
        this.sources = sources;
        this.items = items;
    }

    /** Scans {@code folder}; symbolic links are refused rather than followed. */
    public static EvidenceFolder scan(Path folder, String description) throws IOException {
        Map<String, Path> sources = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.sorted().toList()) {
                if (Files.isSymbolicLink(file)) {
                    throw new IOException("refusing to pack symbolic link " + file + ": copy the file itself");
                }
                if (Files.isRegularFile(file)) {
                    String path = "evidence/" + folder.relativize(file).toString().replace('\\', '/');
                    sources.put(path, file);
                    items.add(describe(file, path, description));
                }
            }
        }
        return new EvidenceFolder(sources, items);
    }

    /** A manifest item for one file: size and SHA-256 measured now. */
    public static Item describe(Path file, String path, String description) throws IOException {
        Sha256.HashingInputStream in = Sha256.hashing(Files.newInputStream(file));
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String mediaType = Files.probeContentType(file);
        return new Item(path, in.hex(), in.count(), mediaType == null ? UNKNOWN_MEDIA_TYPE : mediaType,
                description == null ? file.getFileName().toString() : description, null, List.of());
    }

    public List<Item> items() {
        return items;
    }

    /** The file behind each item, by item path. */
    public Map<String, Path> sources() {
        return sources;
    }
}
