package org.evidencegateway.archive;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the inner ZIP of an evidence package: {@code manifest.json} first, then the evidence files, streaming.
 *
 * <p>Entries are DEFLATED with UTF-8 names (flag bit 11) and a data descriptor; Zip64 is used automatically for
 * entries and archives beyond 4 GiB. Names must pass {@link EntryNames}, as the reader will demand. {@link #close()}
 * finishes the archive but <b>does not close the underlying stream</b>: its owner closes it.
 */
public final class ArchiveWriter implements Closeable {
    /** Name of the first entry. */
    public static final String MANIFEST_NAME = "manifest.json";
    /** Fastest deflate level: evidence is often already compressed, and throughput matters more than size. */
    public static final int DEFAULT_LEVEL = 1;

    private final ZipOutputStream zip;
    private final EntryNames names = new EntryNames();
    private EntryStream open;
    private boolean manifestWritten;

    public ArchiveWriter(OutputStream out) {
        this(out, DEFAULT_LEVEL);
    }

    /** @param level deflate level from 0 (store in deflate blocks) to 9 (smallest) */
    public ArchiveWriter(OutputStream out, int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level must be 0 to 9, not " + level);
        }
        zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        });
        zip.setMethod(ZipOutputStream.DEFLATED);
        zip.setLevel(level);
    }

    /** Writes {@code manifest.json}; must come before any other entry. */
    public void putManifest(byte[] json) throws IOException {
        if (manifestWritten) {
            throw new IllegalStateException("the manifest is already written");
        }
        manifestWritten = true;
        try (OutputStream out = begin(MANIFEST_NAME)) {
            out.write(json);
        }
    }

    /** Starts an evidence file; write its bytes to the returned stream and close it to end the entry. */
    public OutputStream openEntry(String name) throws IOException {
        requireManifest();
        if (EntryNames.isDirectory(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is a directory name: use putDirectory");
        }
        return begin(name);
    }

    /** Writes a directory entry; {@code name} ends with {@code /}. */
    public void putDirectory(String name) throws IOException {
        requireManifest();
        if (!EntryNames.isDirectory(name)) {
            throw new IllegalArgumentException("a directory name must end with '/': \"" + name + "\"");
        }
        begin(name).close();
    }

    /** Writes the central directory and end records; an entry still open is closed first. */
    @Override
    public void close() throws IOException {
        if (open != null) {
            open.close();
        }
        zip.close();
    }

    private void requireManifest() {
        if (!manifestWritten) {
            throw new IllegalStateException(MANIFEST_NAME + " must be the first entry: call putManifest first");
        }
    }

    private OutputStream begin(String name) throws IOException {
        if (open != null) {
            throw new IllegalStateException("the entry \"" + open.name + "\" is still open");
        }
        names.add(name);
        zip.putNextEntry(new ZipEntry(name));
        open = new EntryStream(name);
        return open;
    }

    /** The content of the open entry; closing it ends the entry. */
    private final class EntryStream extends OutputStream {
        private final String name;
        private boolean closed;

        EntryStream(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            requireOpen();
            zip.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            requireOpen();
            zip.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                open = null;
                zip.closeEntry();
            }
        }

        private void requireOpen() throws IOException {
            if (closed) {
                throw new IOException("the entry \"" + name + "\" is closed");
            }
        }
    }
}
