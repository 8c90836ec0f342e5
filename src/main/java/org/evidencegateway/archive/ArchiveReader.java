package org.evidencegateway.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import org.evidencegateway.error.ArchiveException;
import org.evidencegateway.error.ErrorCode;

/**
 * A strict one-pass reader of an untrusted ZIP archive arriving as a plain, non-seekable stream.
 *
 * <p>Call {@link #next()} until it returns null, reading each entry's content as wanted, then {@link #finish()}.
 * <b>The archive is only proven valid after {@code finish()} returns</b>: only the central directory tells whether an
 * entry is a symbolic link and whether other tools would see the same entries, so a caller must not publish or act on
 * any entry before. Memory stays constant whatever the entry sizes (a 64 KiB buffer, one inflater, and about a
 * hundred bytes per entry). Every failure is an {@link ArchiveException} with a {@code ZIP_*} code; after one,
 * {@code next()} and {@code finish()} throw {@link IllegalStateException}. The reader does not close the underlying stream.
 */
public final class ArchiveReader implements Closeable {
    private final ForwardInput in;
    private final ArchiveLimits limits;
    private final ExpansionGuard guard;
    private final EntryNames names = new EntryNames();
    private final Inflater inflater = new Inflater(true);
    private final List<EntryRecord> records = new ArrayList<>();
    private final byte[] scratch = new byte[ForwardInput.BUFFER_SIZE];
    private EntryContent current;
    private boolean centralDirectoryReached;
    private boolean finished;
    private Exception failure;

    public ArchiveReader(InputStream in, ArchiveLimits limits) {
        this.in = new ForwardInput(in);
        this.limits = limits;
        this.guard = new ExpansionGuard(limits);
    }

    /**
     * The next entry, or null once the central directory begins. Content of the previous entry that the caller did
     * not read is read and checked now, and counts against the limits.
     */
    public ArchiveEntry next() throws IOException {
        requireUsable();
        try {
            return advance();
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private ArchiveEntry advance() throws IOException {
        if (centralDirectoryReached) {
            return null;
        }
        if (current != null) {
            current.drain(scratch);
            current = null;
        }
        in.require(4, "the archive before its central directory");
        long signature = in.peekU32(0);
        if (signature == ZipFormat.CENTRAL_HEADER || signature == ZipFormat.END || signature == ZipFormat.ZIP64_END) {
            centralDirectoryReached = true;
            return null;
        }
        if (signature != ZipFormat.LOCAL_HEADER) {
            throw ZipFormat.malformed("expected a local header at offset %d, found signature 0x%08x", in.position(),
                    signature);
        }
        if (records.size() >= limits.maxEntries()) {
            throw new ArchiveException(ErrorCode.ZIP_TOO_MANY_ENTRIES, limits.maxEntries());
        }
        LocalHeader header = LocalHeader.read(in, names);
        current = new EntryContent(in, header, inflater, guard, records::add);
        return new ArchiveEntry(header.name(), current);
    }

    /**
     * Reads the central directory and the end records and proves that they list exactly the entries read, in the
     * same order and with the same names, sizes and CRC-32, that none is a link or special file, and that nothing
     * follows the end record. Must be called after {@link #next()} returned null.
     */
    public void finish() throws IOException {
        if (!centralDirectoryReached) {
            throw new IllegalStateException("finish() is called before next() returned null");
        }
        requireUsable();
        if (!finished) {
            try {
                new CentralDirectory(in, records).verify();
            } catch (IOException | RuntimeException e) {
                failure = e;
                throw e;
            }
            finished = true;
        }
    }

    private void requireUsable() {
        if (failure != null) {
            throw new IllegalStateException("the archive was refused: " + failure, failure);
        }
    }

    /** Releases the inflater; does not close the underlying stream. */
    @Override
    public void close() {
        inflater.end();
    }
}
