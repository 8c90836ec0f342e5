package org.evidencegateway.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The inflated content of one entry, read straight from the archive stream; at its end it reads the data
 * descriptor if there is one and checks CRC-32 and both sizes.
 */
final class EntryContent extends InputStream {
    private final ForwardInput in;
    private final LocalHeader header;
    private final Inflater inflater;
    private final ExpansionGuard guard;
    private final Consumer<EntryRecord> onEnd;
    private final CRC32 crc = new CRC32();
    private final byte[] one = new byte[1];
    /** Compressed bytes given to the inflater, or STORED bytes read. */
    private long consumed;
    private long inflated;
    private boolean ended;
    /** The first failure; the stream position is then unknown, so every later read fails too. */
    private Exception failure;

    EntryContent(ForwardInput in, LocalHeader header, Inflater inflater, ExpansionGuard guard,
            Consumer<EntryRecord> onEnd) {
        this.in = in;
        this.header = header;
        this.inflater = inflater;
        this.guard = guard;
        this.onEnd = onEnd;
        inflater.reset();
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw new IOException("the entry \"" + printableName() + "\" was refused: " + failure, failure);
        }
        try {
            return readChecked(b, off, len);
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private int readChecked(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = header.method() == ZipFormat.STORED ? readStored(b, off, len) : inflate(b, off, len);
        if (n < 0) {
            end();
            return -1;
        }
        crc.update(b, off, n);
        inflated += n;
        guard.inflated(header.name(), n, compressed(), inflated);
        if (!header.hasDataDescriptor() && inflated > header.size()) {
            throw ZipFormat.malformed("entry \"%s\" inflates past its declared size of %d bytes", printableName(),
                    header.size());
        }
        return n;
    }

    /** Reads the rest of the content, so that limits and checks apply even to an entry nobody read. */
    void drain(byte[] scratch) throws IOException {
        while (read(scratch, 0, scratch.length) >= 0) {
            // the bytes are discarded; read() has counted and checked them
        }
    }

    private int readStored(byte[] b, int off, int len) throws IOException {
        long remaining = header.compressedSize() - consumed;
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw truncated();
        }
        consumed += n;
        return n;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw ZipFormat.malformed("the deflate data of \"%s\" is corrupt: %s", printableName(), e.getMessage());
            }
            if (n > 0) {
                return n;
            }
            if (inflater.finished()) {
                in.unread(inflater.getRemaining());
                return -1;
            }
            if (inflater.needsDictionary()) {
                throw ZipFormat.malformed("the deflate data of \"%s\" asks for a preset dictionary", printableName());
            }
            if (inflater.needsInput()) {
                long max = header.hasDataDescriptor() ? Long.MAX_VALUE : header.compressedSize() - consumed;
                if (max == 0) {
                    throw ZipFormat.malformed("the deflate data of \"%s\" runs past its compressed size of %d bytes",
                            printableName(), header.compressedSize());
                }
                int fed = in.feed(inflater, max);
                if (fed < 0) {
                    throw truncated();
                }
                consumed += fed;
            }
        }
    }

    private long compressed() {
        return header.method() == ZipFormat.STORED ? consumed : inflater.getBytesRead();
    }

    private void end() throws IOException {
        long compressed = compressed();
        long actualCrc = crc.getValue();
        if (header.hasDataDescriptor()) {
            DataDescriptor d = DataDescriptor.read(in, header, actualCrc, compressed, inflated);
            expect("CRC-32", d.crc(), actualCrc);
            expect("compressed size", d.compressedSize(), compressed);
            expect("size", d.size(), inflated);
        } else {
            expect("CRC-32", header.crc(), actualCrc);
            expect("compressed size", header.compressedSize(), compressed);
            expect("size", header.size(), inflated);
        }
        if (EntryNames.isDirectory(header.name()) && inflated != 0) {
            throw ZipFormat.malformed("directory entry \"%s\" has %d bytes of content", printableName(), inflated);
        }
        ended = true;
        onEnd.accept(new EntryRecord(EntryRecord.digest(header.rawName()), header.flags(), header.method(),
                actualCrc, compressed, inflated, header.offset()));
    }

    private void expect(String what, long declared, long actual) {
        if (declared != actual) {
            String fmt = what.equals("CRC-32") ? "%08x" : "%d";
            throw ZipFormat.malformed("entry \"%s\" declares %s " + fmt + " but its data has " + fmt, printableName(),
                    what, declared, actual);
        }
    }

    private RuntimeException truncated() {
        return ZipFormat.malformed("truncated in the data of \"%s\" at offset %d", printableName(), in.position());
    }

    private String printableName() {
        return EntryNames.printable(header.name());
    }
}
