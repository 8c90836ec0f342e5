package org.evidencegateway.archive;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.evidencegateway.error.ArchiveException;
import org.evidencegateway.error.ErrorCode;

/**
 * Reads the central directory and the end records forward and proves they describe exactly the entries the local
 * headers described, with no link or special file among them and nothing after the end record.
 */
final class CentralDirectory {
    private static final int HEADER_SIZE = 46;
    private static final int ZIP64_END_SIZE = 56;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int END_SIZE = 22;
    private static final int MAX_ZIP64_EXTENSIBLE_DATA = 64 * 1024;

    private static final int HOST_UNIX = 3;
    private static final int HOST_DARWIN = 19;
    private static final int S_IFMT = 0xF000;
    private static final int S_IFREG = 0x8000;
    private static final int S_IFDIR = 0x4000;

    private final ForwardInput in;
    private final List<EntryRecord> locals;

    CentralDirectory(ForwardInput in, List<EntryRecord> locals) {
        this.in = in;
        this.locals = locals;
    }

    void verify() throws IOException {
        long start = in.position();
        int index = 0;
        while (signature("the central directory") == ZipFormat.CENTRAL_HEADER) {
            if (index == locals.size()) {
                throw ZipFormat.malformed("the central directory lists more entries than the %d local headers",
                        locals.size());
            }
            header(index, locals.get(index));
            index++;
        }
        if (index < locals.size()) {
            throw ZipFormat.malformed("the central directory lists %d entries, the local headers %d", index,
                    locals.size());
        }
        long size = in.position() - start;
        boolean zip64 = signature("the end records") == ZipFormat.ZIP64_END;
        if (zip64) {
            zip64End(start, size);
        }
        end(start, size, zip64);
        if (in.request(1)) {
            throw ZipFormat.malformed("there are bytes after the end of central directory record at offset %d",
                    in.position());
        }
    }

    private long signature(String where) throws IOException {
        in.require(4, where);
        return in.peekU32(0);
    }

    private void header(int index, EntryRecord local) throws IOException {
        String where = "central directory header " + index;
        in.require(HEADER_SIZE, where);
        in.u32();
        int madeBy = in.u16();
        in.u16(); // version needed
        int flags = in.u16();
        int method = in.u16();
        in.u32(); // DOS time and date
        long crc = in.u32();
        long compressedSize = in.u32();
        long size = in.u32();
        int nameLength = in.u16();
        int extraLength = in.u16();
        int commentLength = in.u16();
        int disk = in.u16();
        in.u16(); // internal attributes
        long external = in.u32();
        long offset = in.u32();
        byte[] rawName = in.bytes(nameLength, where);
        byte[] extra = in.bytes(extraLength, where);
        in.skip(commentLength, where);

        String name = ZipFormat.decodeName(rawName, flags, in.position());
        if (!Arrays.equals(EntryRecord.digest(rawName), local.nameDigest())) {
            throw ZipFormat.malformed("central directory entry %d is named \"%s\", unlike its local header", index,
                    EntryNames.printable(name));
        }
        ZipFormat.requireSupported(name, flags, method);
        ZipFormat.Extra zip64 = ZipFormat.extra(extra, ZipFormat.ZIP64_EXTRA, name);
        size = zip64.resolve(size, ZipFormat.MAGIC32, "the uncompressed size");
        compressedSize = zip64.resolve(compressedSize, ZipFormat.MAGIC32, "the compressed size");
        offset = zip64.resolve(offset, ZipFormat.MAGIC32, "the local header offset");
        disk = (int) zip64.resolve(disk, ZipFormat.MAGIC16, "the disk number");

        Mismatch m = new Mismatch("central directory entry \"" + EntryNames.printable(name) + "\"");
        m.check("flags", flags & ZipFormat.MEANINGFUL_FLAGS, local.flags() & ZipFormat.MEANINGFUL_FLAGS);
        m.check("compression method", method, local.method());
        m.check("CRC-32", crc, local.crc());
        m.check("compressed size", compressedSize, local.compressedSize());
        m.check("size", size, local.size());
        m.check("local header offset", offset, local.offset());
        m.check("disk number", disk, 0);
        requireRegular(name, madeBy, external);
    }

    /** Refuses links, devices, pipes and sockets, named by the Unix mode that Unix-made archives store. */
    private static void requireRegular(String name, int madeBy, long external) {
        int host = madeBy >>> 8;
        if (host != HOST_UNIX && host != HOST_DARWIN) {
            return;
        }
        int type = (int) (external >>> 16) & S_IFMT;
        boolean directory = EntryNames.isDirectory(name);
        if (type == 0 || type == S_IFREG && !directory || type == S_IFDIR && directory) {
            return;
        }
        String kind = switch (type) {
            case 0xA000 -> "symbolic link";
            case 0xC000 -> "socket";
            case 0x6000 -> "block device";
            case 0x2000 -> "character device";
            case 0x1000 -> "named pipe";
            case S_IFDIR -> "directory without a trailing slash";
            case S_IFREG -> "regular file with a directory name";
            default -> String.format(Locale.ROOT, "file of unknown type 0%o", type);
        };
        throw new ArchiveException(ErrorCode.ZIP_LINK, EntryNames.printable(name), kind);
    }

    private void zip64End(long cdStart, long cdSize) throws IOException {
        long recordOffset = in.position();
        in.require(ZIP64_END_SIZE, "the Zip64 end of central directory record");
        in.u32();
        long recordSize = in.u64("the Zip64 end record size");
        in.u16(); // version made by
        in.u16(); // version needed
        long disk = in.u32();
        long cdDisk = in.u32();
        long entriesOnDisk = in.u64("the Zip64 entry count");
        long entries = in.u64("the Zip64 entry count");
        long size = in.u64("the Zip64 central directory size");
        long offset = in.u64("the Zip64 central directory offset");
        long extensible = recordSize - (ZIP64_END_SIZE - 12);
        if (extensible < 0 || extensible > MAX_ZIP64_EXTENSIBLE_DATA) {
            throw ZipFormat.malformed("the Zip64 end record declares size %d", recordSize);
        }
        in.skip(extensible, "the Zip64 end of central directory record");
        Mismatch m = new Mismatch("the Zip64 end of central directory record");
        m.check("disk number", disk, 0);
        m.check("central directory disk", cdDisk, 0);
        m.check("entries on this disk", entriesOnDisk, locals.size());
        m.check("entries", entries, locals.size());
        m.check("central directory size", size, cdSize);
        m.check("central directory offset", offset, cdStart);

        if (signature("the Zip64 end locator") != ZipFormat.ZIP64_LOCATOR) {
            throw ZipFormat.malformed("the Zip64 end record at offset %d is not followed by its locator",
                    recordOffset);
        }
        in.require(ZIP64_LOCATOR_SIZE, "the Zip64 end locator");
        in.u32();
        long recordDisk = in.u32();
        long locatedOffset = in.u64("the Zip64 end record offset");
        long disks = in.u32();
        Mismatch l = new Mismatch("the Zip64 end locator");
        l.check("disk number", recordDisk, 0);
        l.check("Zip64 end record offset", locatedOffset, recordOffset);
        if (disks > 1) {
            l.check("number of disks", disks, 1);
        }
    }

    private void end(long cdStart, long cdSize, boolean zip64) throws IOException {
        if (signature("the end of central directory record") != ZipFormat.END) {
            throw ZipFormat.malformed("expected the end of central directory record at offset %d, found signature "
                    + "0x%08x", in.position(), in.peekU32(0));
        }
        in.require(END_SIZE, "the end of central directory record");
        in.u32();
        EndField f = new EndField(zip64);
        f.check("disk number", in.u16(), ZipFormat.MAGIC16, 0);
        f.check("central directory disk", in.u16(), ZipFormat.MAGIC16, 0);
        f.check("entries on this disk", in.u16(), ZipFormat.MAGIC16, locals.size());
        f.check("entries", in.u16(), ZipFormat.MAGIC16, locals.size());
        f.check("central directory size", in.u32(), ZipFormat.MAGIC32, cdSize);
        f.check("central directory offset", in.u32(), ZipFormat.MAGIC32, cdStart);
        int commentLength = in.u16();
        in.skip(commentLength, "the archive comment");
    }

    /** Checks an end-record field: it must be the actual value, or its Zip64 escape when a Zip64 record exists. */
    private record EndField(boolean zip64) {
        void check(String what, long value, long magic, long actual) {
            if (value != actual && !(zip64 && value == magic)) {
                new Mismatch("the end of central directory record").check(what, value, actual);
            }
        }
    }

    /** Throws {@code ZIP_MALFORMED} naming the field when a stated value differs from the established one. */
    private record Mismatch(String subject) {
        void check(String what, long stated, long actual) {
            if (stated != actual) {
                String number = what.startsWith("CRC") ? "%08x" : "%d";
                throw ZipFormat.malformed("%s states %s " + number + ", the archive has " + number, subject, what,
                        stated, actual);
            }
        }
    }
}
