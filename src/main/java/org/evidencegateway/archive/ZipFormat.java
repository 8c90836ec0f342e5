package org.evidencegateway.archive;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.evidencegateway.error.ArchiveException;
import org.evidencegateway.error.ErrorCode;

/** Signatures, flags and field codecs of the ZIP format (PKWARE APPNOTE 6.3) as this reader accepts it. */
final class ZipFormat {
    static final long LOCAL_HEADER = 0x04034b50L;
    static final long DATA_DESCRIPTOR = 0x08074b50L;
    static final long CENTRAL_HEADER = 0x02014b50L;
    static final long ZIP64_END = 0x06064b50L;
    static final long ZIP64_LOCATOR = 0x07064b50L;
    static final long END = 0x06054b50L;

    static final int FLAG_ENCRYPTED = 1;
    static final int FLAG_DATA_DESCRIPTOR = 1 << 3;
    static final int FLAG_STRONG_ENCRYPTION = 1 << 6;
    static final int FLAG_UTF8 = 1 << 11;
    static final int FLAG_MASKED_HEADER = 1 << 13;
    /** Flags that change how an entry is read; local and central header must agree on them. */
    static final int MEANINGFUL_FLAGS = FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_UTF8 | FLAG_MASKED_HEADER;

    static final int STORED = 0;
    static final int DEFLATED = 8;

    static final long MAGIC32 = 0xFFFFFFFFL;
    static final int MAGIC16 = 0xFFFF;

    static final int ZIP64_EXTRA = 0x0001;
    static final int UNICODE_PATH_EXTRA = 0x7075;

    private ZipFormat() {
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    static ArchiveException malformed(String format, Object... args) {
        return new ArchiveException(ErrorCode.ZIP_MALFORMED, String.format(Locale.ROOT, format, args));
    }

    static ArchiveException unsupported(String name, String feature) {
        return new ArchiveException(ErrorCode.ZIP_UNSUPPORTED, EntryNames.printable(name), feature);
    }

    /** Decodes a name: strict UTF-8 with flag bit 11, otherwise ASCII only. */
    static String decodeName(byte[] raw, int flags, long offset) {
        if ((flags & FLAG_UTF8) != 0) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                throw malformed("the name of the entry at offset %d is not valid UTF-8", offset);
            }
        }
        for (byte b : raw) {
            if (b < 0) {
                throw unsupported(new String(raw, StandardCharsets.UTF_8),
                        "a non-ASCII name without the UTF-8 flag (bit 11)");
            }
        }
        return new String(raw, StandardCharsets.US_ASCII);
    }

    /** Refuses encryption and every compression method but STORED and DEFLATED. */
    static void requireSupported(String name, int flags, int method) {
        if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADER)) != 0) {
            throw unsupported(name, "encryption");
        }
        if (method != STORED && method != DEFLATED) {
            throw unsupported(name, "compression method " + method + " (only 0 STORED and 8 DEFLATED)");
        }
    }

    /**
     * Finds the data of one extra field; refuses an extra block whose fields overrun it, an Info-ZIP Unicode path
     * field (0x7075), which some tools would show instead of the header name, and a repeated field.
     */
    static Extra extra(byte[] block, int id, String name) {
        Extra found = null;
        boolean zip64Seen = false;
        int at = 0;
        while (at < block.length) {
            if (block.length - at < 4) {
                throw malformed("the extra field of \"%s\" ends inside a field header", EntryNames.printable(name));
            }
            int fieldId = u16(block, at);
            int size = u16(block, at + 2);
            if (block.length - at - 4 < size) {
                throw malformed("extra field 0x%04x of \"%s\" overruns its block", fieldId,
                        EntryNames.printable(name));
            }
            if (fieldId == UNICODE_PATH_EXTRA) {
                throw unsupported(name, "an Info-ZIP Unicode path extra field (0x7075)");
            }
            if (fieldId == ZIP64_EXTRA) {
                if (zip64Seen) {
                    throw malformed("\"%s\" carries two Zip64 extra fields", EntryNames.printable(name));
                }
                zip64Seen = true;
            }
            if (fieldId == id) {
                found = new Extra(block, at + 4, size, name, true);
            }
            at += 4 + size;
        }
        return found != null ? found : new Extra(block, 0, 0, name, false);
    }

    /** The data of one extra field, read value by value; an absent field reads as empty. */
    static final class Extra {
        private final byte[] block;
        private final int end;
        private final String name;
        private final boolean present;
        private int at;

        private Extra(byte[] block, int start, int size, String name, boolean present) {
            this.block = block;
            this.present = present;
            this.at = start;
            this.end = start + size;
            this.name = name;
        }

        boolean present() {
            return present;
        }

        /** {@code value} itself, or, if it is {@code magic}, the next 8-byte Zip64 value. */
        long resolve(long value, long magic, String what) {
            if (value != magic) {
                return value;
            }
            int width = magic == MAGIC16 ? 4 : 8;
            if (end - at < width) {
                throw malformed("%s of \"%s\" is 0x%x but its Zip64 extra field lacks the value", what,
                        EntryNames.printable(name), magic);
            }
            long v = width == 4 ? u32(block, at) : u64(block, at);
            if (v < 0) {
                throw malformed("%s of \"%s\" exceeds 2^63", what, EntryNames.printable(name));
            }
            at += width;
            return v;
        }
    }
}
