package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * When each package arrived at the case system: the reference receiver moves a package's folder into its store by
 * one atomic rename once it is complete and fsync'ed ({@code casesystem/DeliveryStore}), so the creation of
 * {@code <store>/<packageId>} is the moment it is stored. Watched with the file system's notifications; when the
 * kernel's queue overflows, the folder is listed again and the packages found get the time of that listing.
 */
final class StoreWatch implements AutoCloseable {
    private final Path store;
    private final WatchService watch;
    private final Map<UUID, Long> storedAt = new ConcurrentHashMap<>();
    private final Thread thread;

    StoreWatch(Path store) throws IOException {
        this.store = store;
        Files.createDirectories(store);
        this.watch = FileSystems.getDefault().newWatchService();
        store.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
        thread = new Thread(this::run, "case-system-store-watch");
        thread.setDaemon(true);
        thread.start();
        rescan();
    }

    /** {@link System#nanoTime()} when the package was seen stored; null if not (yet). */
    Long storedAt(UUID packageId) {
        return storedAt.get(packageId);
    }

    /** How many of {@code ids} are stored. */
    long storedCount(Collection<UUID> ids) {
        return ids.stream().filter(storedAt::containsKey).count();
    }

    /** Waits until every one of {@code ids} is stored or {@code timeoutNanos} passed; whether all are. */
    boolean await(Collection<UUID> ids, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (storedCount(ids) < ids.size()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                long now = System.nanoTime();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        rescan();
                    } else {
                        record(((Path) event.context()).getFileName().toString(), now);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the run is over
        }
    }

    private void rescan() {
        long now = System.nanoTime();
        try (Stream<Path> entries = Files.list(store)) {
            entries.forEach(entry -> record(entry.getFileName().toString(), now));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void record(String name, long nanos) {
        if (name.length() == 36 && !name.startsWith(".")) {
            storedAt.putIfAbsent(UUID.fromString(name), nanos);
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
