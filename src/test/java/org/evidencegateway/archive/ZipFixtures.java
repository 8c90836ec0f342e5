package org.evidencegateway.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Raw ZIP archives, valid and hostile, built byte by byte because {@code ZipOutputStream} refuses to write hostile
 * ones.
 *
 * <p>Every named fixture starts with a {@code manifest.json} entry holding {@link #MANIFEST} followed by the entry
 * that shows the failure, so that it can be wrapped into a full package; {@link #withManifest} gives the same
 * fixtures with another manifest. {@link #archive()} builds any other archive from {@link Entry} values.
 */
public final class ZipFixtures {
    /** The manifest the named fixtures carry. */
    public static final byte[] MANIFEST = "{}".getBytes(StandardCharsets.UTF_8);

    private static final Hostile DEFAULT = new Hostile(MANIFEST);

    private ZipFixtures() {
    }

    /** The named fixtures with {@code manifest} as their first entry. */
    public static Hostile withManifest(byte[] manifest) {
        return new Hostile(manifest);
    }

    /** A builder of an archive with arbitrary entries, in the order added. */
    public static Builder archive() {
        return new Builder();
    }

    /** An entry named {@code ../../etc/cron.d/evidence}: path traversal ("zip slip"). */
    public static byte[] zipSlip() {
        return DEFAULT.zipSlip();
    }

    /** An entry named {@code /etc/passwd}. */
    public static byte[] absolutePath() {
        return DEFAULT.absolutePath();
    }

    /** Two entries named {@code evidence/photo.jpg}. */
    public static byte[] duplicateName() {
        return DEFAULT.duplicateName();
    }

    /** Entries {@code evidence/ПРОТОКОЛ.txt} and {@code evidence/протокол.txt}, equal once case-folded. */
    public static byte[] caseFoldDuplicate() {
        return DEFAULT.caseFoldDuplicate();
    }

    /** A Unix symbolic link {@code evidence/passwd} pointing to {@code /etc/passwd}. */
    public static byte[] symlink() {
        return DEFAULT.symlink();
    }

    /** About 250 KB of deflated zeros that inflate to 256 MiB, past the default 200:1 ratio. */
    public static byte[] zipBomb() {
        return DEFAULT.zipBomb();
    }

    /** An entry with the traditional-encryption flag (bit 0). */
    public static byte[] encryptedEntry() {
        return DEFAULT.encryptedEntry();
    }

    /** An entry compressed with method 12 (BZIP2). */
    public static byte[] unsupportedMethod() {
        return DEFAULT.unsupportedMethod();
    }

    /** A STORED entry whose sizes are deferred to a data descriptor (flag bit 3). */
    public static byte[] storedWithDataDescriptor() {
        return DEFAULT.storedWithDataDescriptor();
    }

    /** A central directory that names the second entry {@code evidence/report.txt}, its local header {@code evidence/payload.txt}. */
    public static byte[] centralDirectoryMismatch() {
        return DEFAULT.centralDirectoryMismatch();
    }

    /** A valid archive cut off in the middle of its second entry's data. */
    public static byte[] truncated() {
        return DEFAULT.truncated();
    }

    /** A valid archive followed by 16 bytes of garbage. */
    public static byte[] trailingGarbage() {
        return DEFAULT.trailingGarbage();
    }

    /** A valid archive of {@code count} entries: the manifest and {@code count - 1} tiny files. */
    public static byte[] tooManyEntries(int count) {
        return DEFAULT.tooManyEntries(count);
    }

    /** The named fixtures, each beginning with a given manifest. */
    public static final class Hostile {
        private static final byte[] CONTENT = "evidence".getBytes(StandardCharsets.UTF_8);
        private static final int BOMB_SIZE = 256 << 20;
        private final byte[] manifest;

        private Hostile(byte[] manifest) {
            this.manifest = manifest.clone();
        }

        public byte[] zipSlip() {
            return with(Entry.deflated("../../etc/cron.d/evidence", CONTENT));
        }

        public byte[] absolutePath() {
            return with(Entry.deflated("/etc/passwd", CONTENT));
        }

        public byte[] duplicateName() {
            return with(Entry.deflated("evidence/photo.jpg", CONTENT), Entry.deflated("evidence/photo.jpg", CONTENT));
        }

        public byte[] caseFoldDuplicate() {
            return with(Entry.deflated("evidence/ПРОТОКОЛ.txt", CONTENT),
                    Entry.deflated("evidence/протокол.txt", CONTENT));
        }

        public byte[] symlink() {
            return with(Entry.stored("evidence/passwd", "/etc/passwd".getBytes(StandardCharsets.UTF_8))
                    .unixMode(0120777));
        }

        public byte[] zipBomb() {
            return with(Entry.raw("evidence/disk.img", 8, zeroBomb(), BOMB_SIZE, zeroCrc()));
        }

        public byte[] encryptedEntry() {
            return with(Entry.deflated("evidence/secret.txt", CONTENT).flags(1));
        }

        public byte[] unsupportedMethod() {
            return with(Entry.raw("evidence/report.bz2", 12, CONTENT, CONTENT.length, crc(CONTENT)));
        }

        public byte[] storedWithDataDescriptor() {
            return with(Entry.stored("evidence/report.txt", CONTENT).dataDescriptor(true));
        }

        public byte[] centralDirectoryMismatch() {
            return with(Entry.deflated("evidence/payload.txt", CONTENT).centralName("evidence/report.txt"));
        }

        public byte[] truncated() {
            byte[] whole = with(Entry.stored("evidence/report.txt", new byte[1000]));
            int cut = 30 + "manifest.json".length() + manifest.length + 30 + "evidence/report.txt".length() + 500;
            return Arrays.copyOf(whole, cut);
        }

        public byte[] trailingGarbage() {
            return archive().add(Entry.deflated("manifest.json", manifest)).add(Entry.deflated("evidence/a.txt", CONTENT))
                    .trailing("NOT PART OF ZIP!".getBytes(StandardCharsets.US_ASCII)).build();
        }

        public byte[] tooManyEntries(int count) {
            Builder b = archive().add(Entry.deflated("manifest.json", manifest));
            for (int i = 1; i < count; i++) {
                b.add(Entry.stored("evidence/" + i + ".txt", CONTENT));
            }
            return b.build();
        }

        private byte[] with(Entry... entries) {
            Builder b = archive().add(Entry.deflated("manifest.json", manifest));
            for (Entry e : entries) {
                b.add(e);
            }
            return b.build();
        }

        /**
         * Deflated zeros, made fast: one megabyte of zeros deflated and sync-flushed to a byte boundary is a block
         * sequence that may be repeated, because its back references only ever reach zeros.
         */
        private static byte[] zeroBomb() {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            byte[] buf = new byte[64 * 1024];
            deflater.setInput(new byte[1 << 20]);
            int chunk = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < BOMB_SIZE >> 20; i++) {
                out.write(buf, 0, chunk);
            }
            out.write(buf, 0, deflater.deflate(buf));
            deflater.end();
            return out.toByteArray();
        }

        private static long zeroCrc() {
            CRC32 crc = new CRC32();
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < BOMB_SIZE / zeros.length; i++) {
                crc.update(zeros);
            }
            return crc.getValue();
        }
    }

    /** One entry as it will be written; the setters make it hostile in one particular way each. */
    public static final class Entry {
        private final String name;
        private final int method;
        private final byte[] data;
        private final long size;
        private final long crc;
        private int extraFlags;
        private boolean utf8 = true;
        private boolean dataDescriptor;
        private boolean descriptorSignature = true;
        private boolean zip64;
        private Integer unixMode;
        private String centralName;
        private Long centralCrc;
        private Long centralSize;
        private Long centralOffset;
        private boolean inCentral = true;
        private boolean inLocal = true;

        private Entry(String name, int method, byte[] data, long size, long crc) {
            this.name = name;
            this.method = method;
            this.data = data;
            this.size = size;
            this.crc = crc;
        }

        /** A DEFLATED entry with sizes and CRC in its local header. */
        public static Entry deflated(String name, byte[] content) {
            return new Entry(name, 8, deflate(content), content.length, crc(content));
        }

        /** A STORED entry with sizes and CRC in its local header. */
        public static Entry stored(String name, byte[] content) {
            return new Entry(name, 0, content.clone(), content.length, crc(content));
        }

        /** An entry whose data bytes are given as they appear in the archive, with any method, size and CRC. */
        public static Entry raw(String name, int method, byte[] data, long size, long crc) {
            return new Entry(name, method, data, size, crc);
        }

        /** Adds general purpose flag bits, e.g. 1 for encryption. */
        public Entry flags(int flags) {
            extraFlags |= flags;
            return this;
        }

        /** Writes the name without the UTF-8 flag (bit 11), its bytes as UTF-8 all the same. */
        public Entry withoutUtf8Flag() {
            utf8 = false;
            return this;
        }

        /** Defers CRC and sizes to a data descriptor (flag bit 3), with or without its signature. */
        public Entry dataDescriptor(boolean signature) {
            dataDescriptor = true;
            descriptorSignature = signature;
            return this;
        }

        /** Puts sizes (and the offset in the central directory) into Zip64 extra fields. */
        public Entry zip64() {
            zip64 = true;
            return this;
        }

        /** Marks the entry as made on Unix with this mode, e.g. {@code 0120777} for a symbolic link. */
        public Entry unixMode(int mode) {
            unixMode = mode;
            return this;
        }

        /** Gives the central directory a different name than the local header. */
        public Entry centralName(String name) {
            centralName = name;
            return this;
        }

        /** Gives the central directory a different CRC-32. */
        public Entry centralCrc(long crc) {
            centralCrc = crc;
            return this;
        }

        /** Gives the central directory a different uncompressed size. */
        public Entry centralSize(long size) {
            centralSize = size;
            return this;
        }

        /** Gives the central directory another local header offset: a seeking reader would read other bytes. */
        public Entry centralOffset(long offset) {
            centralOffset = offset;
            return this;
        }

        /** Leaves the entry out of the central directory: only a streaming reader would see it. */
        public Entry notInCentralDirectory() {
            inCentral = false;
            return this;
        }

        /** Lists the entry in the central directory only, with no local header: a seeking reader would see it. */
        public Entry onlyInCentralDirectory() {
            inLocal = false;
            return this;
        }

        private int flags() {
            return extraFlags | (utf8 ? 1 << 11 : 0) | (dataDescriptor ? 1 << 3 : 0);
        }
    }

    /** Lays out local entries, central directory and end records; optionally Zip64 end records and trailing bytes. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private boolean zip64End;
        private byte[] comment = new byte[0];
        private byte[] trailing = new byte[0];
        private Integer endEntries;

        private Builder() {
        }

        public Builder add(Entry entry) {
            entries.add(entry);
            return this;
        }

        /** Adds a DEFLATED entry with sizes in its local header. */
        public Builder file(String name, byte[] content) {
            return add(Entry.deflated(name, content));
        }

        /** Writes a Zip64 end record and locator before the end record, as archives with over 65 535 entries have. */
        public Builder zip64End() {
            zip64End = true;
            return this;
        }

        public Builder comment(String text) {
            comment = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** States another entry count in the end record than the central directory has. */
        public Builder endRecordEntries(int count) {
            endEntries = count;
            return this;
        }

        /** Appends bytes after the end record. */
        public Builder trailing(byte[] bytes) {
            trailing = bytes.clone();
            return this;
        }

        public byte[] build() {
            Out out = new Out();
            long[] offsets = new long[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                offsets[i] = out.size();
                if (entries.get(i).inLocal) {
                    local(out, entries.get(i));
                }
            }
            long cdStart = out.size();
            int count = 0;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).inCentral) {
                    central(out, entries.get(i), offsets[i]);
                    count++;
                }
            }
            long cdSize = out.size() - cdStart;
            if (zip64End) {
                long recordOffset = out.size();
                out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(cdSize)
                        .u64(cdStart);
                out.u32(0x07064b50).u32(0).u64(recordOffset).u32(1);
            }
            out.u32(0x06054b50).u16(0).u16(0);
            int stated = endEntries != null ? endEntries : zip64End ? 0xFFFF : count;
            out.u16(stated).u16(stated);
            out.u32(zip64End ? 0xFFFFFFFFL : cdSize).u32(zip64End ? 0xFFFFFFFFL : cdStart);
            out.u16(comment.length).bytes(comment).bytes(trailing);
            return out.toByteArray();
        }

        private static void local(Out out, Entry e) {
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            boolean dd = e.dataDescriptor;
            out.u32(0x04034b50).u16(e.zip64 ? 45 : 20).u16(e.flags()).u16(e.method).u32(0x00210000);
            out.u32(dd ? 0 : e.crc);
            if (e.zip64) {
                out.u32(0xFFFFFFFFL).u32(0xFFFFFFFFL).u16(name.length).u16(20).bytes(name);
                out.u16(1).u16(16).u64(dd ? 0 : e.size).u64(dd ? 0 : e.data.length);
            } else {
                out.u32(dd ? 0 : e.data.length).u32(dd ? 0 : e.size).u16(name.length).u16(0).bytes(name);
            }
            out.bytes(e.data);
            if (dd) {
                if (e.descriptorSignature) {
                    out.u32(0x08074b50);
                }
                out.u32(e.crc);
                if (e.zip64) {
                    out.u64(e.data.length).u64(e.size);
                } else {
                    out.u32(e.data.length).u32(e.size);
                }
            }
        }

        private static void central(Out out, Entry e, long localOffset) {
            long offset = e.centralOffset != null ? e.centralOffset : localOffset;
            byte[] name = (e.centralName != null ? e.centralName : e.name).getBytes(StandardCharsets.UTF_8);
            long size = e.centralSize != null ? e.centralSize : e.size;
            int madeBy = (e.unixMode != null ? 3 << 8 : 0) | 45;
            out.u32(0x02014b50).u16(madeBy).u16(e.zip64 ? 45 : 20).u16(e.flags()).u16(e.method).u32(0x00210000);
            out.u32(e.centralCrc != null ? e.centralCrc : e.crc);
            if (e.zip64) {
                out.u32(0xFFFFFFFFL).u32(0xFFFFFFFFL).u16(name.length).u16(28);
            } else {
                out.u32(e.data.length).u32(size).u16(name.length).u16(0);
            }
            out.u16(0).u16(0).u16(0).u32(e.unixMode != null ? (long) e.unixMode << 16 : 0);
            out.u32(e.zip64 ? 0xFFFFFFFFL : offset).bytes(name);
            if (e.zip64) {
                out.u16(1).u16(24).u64(size).u64(e.data.length).u64(offset);
            }
        }
    }

    static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Little-endian writer. */
    private static final class Out extends ByteArrayOutputStream {
        Out u16(int v) {
            write(v);
            write(v >>> 8);
            return this;
        }

        Out u32(long v) {
            return u16((int) v & 0xFFFF).u16((int) (v >>> 16) & 0xFFFF);
        }

        Out u64(long v) {
            return u32(v & 0xFFFFFFFFL).u32(v >>> 32);
        }

        Out bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }
}
