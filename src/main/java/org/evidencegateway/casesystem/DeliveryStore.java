package org.evidencegateway.casesystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.store.PackageStore;

/**
 * The case system's folder of delivered packages (docs/case-system-integration.md, The store): one folder per
 * package id holding the package, its extracted content and its signed acknowledgement, moved into place whole by
 * one atomic rename; deliveries in progress live under {@code .incoming/} until then.
 */
public final class DeliveryStore {
    /** The package exactly as first delivered. */
    public static final String PACKAGE_FILE = "package.p7m";
    /** The signed acknowledgement (DER). */
    public static final String ACKNOWLEDGEMENT_FILE = "acknowledgement.p7s";
    /** The folder of the extracted manifest, verification report and items. */
    public static final String CONTENT_DIR = "content";

    private final Path root;
    private final Path incoming;

    /** Opens (creating it if needed) the store at {@code root} and removes deliveries left unfinished by a crash. */
    public DeliveryStore(Path root) throws IOException {
        this.root = root;
        this.incoming = root.resolve(".incoming");
        if (Files.exists(incoming)) {
            delete(incoming);
        }
        Files.createDirectories(incoming);
    }

    /** A delivery's body, written to the store's incoming area. */
    public record Spooled(Path file, String sha256, long size) {
    }

    /** Writes {@code body} (read to its end, not closed) to a new file, hashing it on the way. */
    public Spooled spool(InputStream body) throws IOException {
        Path file = incoming.resolve(UUID.randomUUID() + ".p7m");
        Sha256.HashingOutputStream out = Sha256.hashing(Files.newOutputStream(file));
        try (out) {
            body.transferTo(out);
        } catch (IOException | RuntimeException e) {
            discard(file);
            throw e;
        }
        return new Spooled(file, out.hex(), out.count());
    }

    /** A new empty folder to assemble a package's folder in. */
    public Path newWorkFolder() throws IOException {
        return Files.createDirectory(incoming.resolve(UUID.randomUUID().toString()));
    }

    /** The folder of a stored package (whether or not it exists). */
    public Path folder(UUID packageId) {
        return root.resolve(packageId.toString());
    }

    /** The signed acknowledgement of a stored package, if the package is stored. */
    public Optional<byte[]> acknowledgement(UUID packageId) throws IOException {
        Path file = folder(packageId).resolve(ACKNOWLEDGEMENT_FILE);
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    /** Makes an assembled folder the package's: its files are flushed to disk, then it is renamed into place. */
    public void commit(Path work, UUID packageId) throws IOException {
        PackageStore.force(work.resolve(PACKAGE_FILE));
        PackageStore.force(work.resolve(ACKNOWLEDGEMENT_FILE));
        Files.move(work, folder(packageId), StandardCopyOption.ATOMIC_MOVE);
        PackageStore.forceDirectory(root);
    }

    /** Removes a spooled file or work folder; never throws. */
    public void discard(Path path) {
        try {
            delete(path);
        } catch (IOException | UncheckedIOException e) {
            // Left for the next start-up, which empties the incoming area.
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
