package org.evidencegateway.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evidencegateway.audit.format.ExportLayout;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.trust.Pem;

/**
 * Writes the audit log to an export directory (docs/audit-log.md §9): entries, the tree's leaf hashes,
 * checkpoints, their timestamps and the certificates an auditor needs. Reads one consistent snapshot: entries
 * up to the tree size read first; later appends are left for the next export.
 */
public final class AuditExporter {
    private final CheckpointSigner signer;
    private final Clock clock;

    public AuditExporter(CheckpointSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** Exports through {@code c} into {@code dir} (created); returns the tree size exported. */
    public long export(Connection c, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir.resolve(ExportLayout.CHECKPOINTS));
        Files.createDirectories(dir.resolve(ExportLayout.SIGNER_CERTIFICATES).getParent());
        long size = LedgerReader.treeSize(c);
        writeLines(dir.resolve(ExportLayout.ENTRIES), out -> LedgerReader.entries(c, 0, size, e -> line(out, e.json())));
        writeLines(dir.resolve(ExportLayout.LEAF_HASHES), out -> LedgerReader.leafHashes(c, 0, size, h -> line(out, h)));
        List<X509Certificate> tsaCertificates = new ArrayList<>();
        for (StoredCheckpoint checkpoint : LedgerReader.checkpoints(c)) {
            if (checkpoint.treeSize() > size) {
                continue;
            }
            Files.writeString(ExportLayout.note(dir, checkpoint.treeSize()), checkpoint.note(), StandardCharsets.UTF_8);
            Optional<byte[]> response = checkpoint.timeStampResponse();
            if (response.isPresent()) {
                Files.write(ExportLayout.timestamp(dir, checkpoint.treeSize()), response.get());
                if (tsaCertificates.isEmpty()) {
                    tsaCertificates.addAll(TimestampCertificates.of(response.get()));
                }
            }
        }
        Pem.write(dir.resolve(ExportLayout.SIGNER_CERTIFICATES), signer.credential().chain().toArray());
        if (!tsaCertificates.isEmpty()) {
            Pem.write(dir.resolve(ExportLayout.TSA_CERTIFICATES), tsaCertificates.toArray());
        }
        Files.write(dir.resolve(ExportLayout.LOG), CanonicalJson.bytes(new ExportLayout.LogInfo(ExportLayout.FORMAT,
                signer.origin(), size, clock.instant().toString())));
        return size;
    }

    @FunctionalInterface
    private interface LineWork {
        void write(Writer out) throws SQLException;
    }

    private static void writeLines(Path file, LineWork work) throws IOException, SQLException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            work.write(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void line(Writer out, String text) {
        try {
            out.write(text);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
