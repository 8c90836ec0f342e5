package org.evidencegateway.party;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.PartyRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link PartyRegistry}, loaded again when the file's modification time or size changes (looked at
 * most once per check interval); a new file that breaks a rule is logged and the previous snapshot stays.
 *
 * <p>Thread-safe: readers never wait for a reload, one caller at a time checks the file, snapshots are swapped
 * atomically. Certificate files are read only when the registry file itself changes.
 */
public final class ReloadingPartyRegistry implements Supplier<PartyRegistry> {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingPartyRegistry.class);

    private final Path file;
    private final Duration checkInterval;
    private final Clock clock;
    private final ReentrantLock checking = new ReentrantLock();
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private volatile Instant lastCheck;
    private volatile CodedException lastError;
    private volatile Runnable whenReloaded = () -> { };

    /**
     * Loads the file now; {@code clock} drives the check interval and judges TLS client certificates.
     *
     * @throws PartyRegistryException if the first load fails: there is no previous snapshot to keep
     */
    public ReloadingPartyRegistry(Path file, Duration checkInterval, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        Stamp stamp = stamp();
        current.set(new Loaded(PartyRegistry.load(file, clock), stamp));
        lastCheck = clock.instant();
    }

    /** The snapshot in force, after looking at the file if the check interval has passed. */
    public PartyRegistry current() {
        Instant now = clock.instant();
        if (!now.isBefore(lastCheck.plus(checkInterval)) && checking.tryLock()) {
            try {
                lastCheck = now;
                reloadIfChanged();
            } finally {
                checking.unlock();
            }
        }
        return current.get().registry();
    }

    /** Same as {@link #current()}. */
    @Override
    public PartyRegistry get() {
        return current();
    }

    /**
     * Runs {@code listener} after every successful reload, on the thread that reloaded (one at a time); a failing
     * listener is logged and does not undo the reload.
     */
    public void whenReloaded(Runnable listener) {
        this.whenReloaded = Objects.requireNonNull(listener, "listener");
    }

    /** The registry file. */
    public Path file() {
        return file;
    }

    /** Why the last reload was refused; empty once a load succeeded again. */
    public Optional<CodedException> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void reloadIfChanged() {
        Stamp stamp = stamp();
        Loaded loaded = current.get();
        if (stamp.equals(loaded.stamp())) {
            return;
        }
        try {
            current.set(new Loaded(PartyRegistry.load(file, clock), stamp));
            lastError = null;
            LOG.info("party registry {} reloaded", file);
        } catch (PartyRegistryException e) {
            // remember the stamp so that a broken file is reported once, not at every check
            current.set(new Loaded(loaded.registry(), stamp));
            lastError = e;
            LOG.error("{}: {}; keeping the registry loaded before", e.code().code(), e.getMessage());
            return;
        }
        try {
            whenReloaded.run();
        } catch (RuntimeException e) {
            LOG.error("party registry {} reloaded, but recording the change failed", file, e);
        }
    }

    private Stamp stamp() {
        try {
            return new Stamp(Files.getLastModifiedTime(file).toMillis(), Files.size(file));
        } catch (IOException e) {
            return new Stamp(-1, -1);
        }
    }

    private record Stamp(long modifiedMillis, long size) {
    }

    private record Loaded(PartyRegistry registry, Stamp stamp) {
    }
}
