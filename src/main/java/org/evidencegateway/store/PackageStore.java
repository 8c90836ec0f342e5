package org.evidencegateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The packages' bytes exactly as received, one file per package under {@code <root>/packages/}. A package is first
 * written to {@code <root>/spool/}, then made durable (file and folder fsync'ed) and renamed into place; a
 * package in the store is never changed again.
 */
public final class PackageStore {
    private final Path spool;
    private final Path packages;

    public PackageStore(Path root) throws IOException {
        this.spool = Files.createDirectories(root.resolve("spool"));
        this.packages = Files.createDirectories(root.resolve("packages"));
    }

    /** A fresh spool file for an upload in progress. */
    public Path newSpoolFile() throws IOException {
        return Files.createTempFile(spool, "upload-", ".p7m");
    }

    /**
     * Makes a spooled package durable under its id: fsyncs the file, moves it into the store and fsyncs the
     * folder, so that after this returns a crash cannot lose it. A file already under that id can only be left by
     * a run that crashed before recording it (the caller holds the id's lock and found no record): it was never
     * acknowledged, and is replaced.
     *
     * @return the store reference to keep in the database
     */
    public String commit(Path spooled, UUID packageId) throws IOException {
        force(spooled);
        Path target = packages.resolve(packageId + ".p7m");
        Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(packages);
        return packages.relativize(target).toString();
    }

    public InputStream open(String storeRef) throws IOException {
        return Files.newInputStream(packages.resolve(storeRef));
    }

    public Path path(String storeRef) {
        return packages.resolve(storeRef);
    }

    /** Removes a spool file of a refused or abandoned upload; never fails. */
    public void discard(Path spooled) {
        try {
            Files.deleteIfExists(spooled);
        } catch (IOException ignored) {
            // A leftover spool file holds nothing acknowledged; the spool folder is emptied at start-up.
        }
    }

    /** Bytes still free for this process on the disk that holds the store. */
    public long usableSpace() throws IOException {
        return Files.getFileStore(packages).getUsableSpace();
    }

    /** Proves the store can take a new upload by creating and removing a spool file; fails as that would. */
    public void probeWritable() throws IOException {
        Files.delete(newSpoolFile());
    }

    /** Deletes spool files left by a previous run that stopped mid-upload. */
    public int clearSpool() throws IOException {
        int removed = 0;
        try (var files = Files.list(spool)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        return removed;
    }

    /** Flushes a file's content to the disk (fsync). */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes a folder's entries (a rename into it) to the disk. */
    public static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a folder for fsync; Linux can, and that is where the gateway runs.
            if (!System.getProperty("os.name").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
