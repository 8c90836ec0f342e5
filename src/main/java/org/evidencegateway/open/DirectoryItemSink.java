package org.evidencegateway.open;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Manifest;

/**
 * Extracts a package into {@code <parent>/<packageId>/}: items are written to a hidden staging folder beside it
 * and the folder is renamed into place only on {@link #commit}, so a failed package leaves nothing behind.
 */
public final class DirectoryItemSink implements ItemSink {
    /** Name of the verification report written beside the manifest. */
    public static final String REPORT_FILE = "verification-report.json";

    private final Path parent;
    private final Path staging;
    private final ObjectMapper json;
    private Path committed;

    public DirectoryItemSink(Path parent, ObjectMapper json) {
        this.parent = parent;
        this.json = json;
        this.staging = parent.resolve(".staging-" + UUID.randomUUID());
    }

    @Override
    public OutputStream open(Item item) throws IOException {
        Path target = staging.resolve(item.path()).normalize();
        if (!target.startsWith(staging)) {
            // The archive and manifest layers already refuse such names; this is the last line of defence.
            throw new IllegalStateException("item path escapes the extraction folder: " + item.path());
        }
        Files.createDirectories(target.getParent());
        return Files.newOutputStream(target);
    }

    @Override
    public void commit(Manifest manifest, byte[] manifestBytes, VerificationReport report) throws IOException {
        Files.createDirectories(staging);
        Files.write(staging.resolve("manifest.json"), manifestBytes);
        json.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(REPORT_FILE).toFile(), report);
        Path target = parent.resolve(manifest.packageId().toString());
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "package already extracted here");
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = target;
    }

    @Override
    public void abort() {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            paths.sorted(Comparator.reverseOrder()).forEach(DirectoryItemSink::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove staging folder " + staging, e);
        }
    }

    /** The folder the package was extracted to, once committed. */
    public Path committedFolder() {
        return committed;
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
