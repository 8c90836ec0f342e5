package org.evidencegateway.open;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evidencegateway.archive.ArchiveEntry;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.error.ArchiveException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.ItemException;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Manifest;

/**
 * Matches archive entries to the manifest's items: each listed item exactly once, with its declared size and
 * SHA-256, nothing unlisted, and never a byte beyond the declared size written to the sink.
 */
final class ItemCollector {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Map<String, Item> expected = new LinkedHashMap<>();
    private final ItemSink sink;
    private long totalBytes;

    ItemCollector(Manifest manifest, ItemSink sink) {
        manifest.items().forEach(item -> expected.put(item.path(), item));
        this.sink = sink;
    }

    void accept(ArchiveEntry entry) throws IOException {
        if (entry.isDirectory()) {
            return;
        }
        Item item = expected.remove(entry.name());
        if (item == null) {
            throw new ArchiveException(ErrorCode.ZIP_UNLISTED, entry.name());
        }
        Sha256.HashingInputStream content = Sha256.hashing(entry.content());
        try (OutputStream out = sink.open(item)) {
            copyAtMost(content, out, item);
        }
        if (content.count() != item.size()) {
            throw new ItemException(ErrorCode.ITEM_SIZE, item.path(), item.size(), content.count());
        }
        String actual = content.hex();
        if (!actual.equals(item.sha256())) {
            throw new ItemException(ErrorCode.ITEM_DIGEST, item.path(), item.sha256(), actual);
        }
        totalBytes += item.size();
    }

    void requireAllPresent() {
        if (!expected.isEmpty()) {
            throw new ItemException(ErrorCode.ITEM_MISSING, expected.keySet().iterator().next());
        }
    }

    long totalBytes() {
        return totalBytes;
    }

    private static void copyAtMost(InputStream in, OutputStream out, Item item) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long remaining = item.size();
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (n > remaining) {
                throw new ItemException(ErrorCode.ITEM_SIZE, item.path(), item.size(), "more");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }
}
