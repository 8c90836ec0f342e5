package org.evidencegateway.archive;

import java.io.InputStream;

/** One entry of an archive being read by {@link ArchiveReader}: its name and its inflated content. */
public final class ArchiveEntry {
    private final String name;
    private final InputStream content;

    ArchiveEntry(String name, InputStream content) {
        this.name = name;
        this.content = content;
    }

    /** The entry name, already checked by {@link EntryNames}; a directory's name ends with {@code /}. */
    public String name() {
        return name;
    }

    public boolean isDirectory() {
        return EntryNames.isDirectory(name);
    }

    /**
     * The inflated bytes, valid until the next call of {@link ArchiveReader#next()}.
     *
     * <p>Reading past the last byte checks CRC-32 and sizes and throws {@code ZIP_MALFORMED} on a mismatch; the
     * limits of the reader apply while reading. Closing the stream does nothing: the reader owns it.
     */
    public InputStream content() {
        return content;
    }
}
