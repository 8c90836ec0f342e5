package org.evidencegateway.audit.format;

import java.nio.file.Path;

/** File names of an audit export directory (docs/audit-log.md §9). */
public final class ExportLayout {
    public static final String FORMAT = "evgw-audit-export/1";
    public static final String LOG = "log.json";
    public static final String ENTRIES = "entries.jsonl";
    public static final String LEAF_HASHES = "leaf-hashes.txt";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String SIGNER_CERTIFICATES = "certs/checkpoint-signer.crt.pem";
    public static final String TSA_CERTIFICATES = "certs/tsa.crt.pem";

    private ExportLayout() {
    }

    public static Path note(Path dir, long treeSize) {
        return dir.resolve(CHECKPOINTS).resolve(treeSize + ".note");
    }

    public static Path timestamp(Path dir, long treeSize) {
        return dir.resolve(CHECKPOINTS).resolve(treeSize + ".tsr");
    }

    /** The contents of {@code log.json}. */
    public record LogInfo(String format, String origin, long treeSize, String exportedAt) {
    }
}
