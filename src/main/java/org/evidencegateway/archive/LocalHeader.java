package org.evidencegateway.archive;

import java.io.IOException;

/** A parsed local file header: what the archive claims about an entry before its data. */
record LocalHeader(String name, byte[] rawName, int flags, int method, long crc, long compressedSize, long size,
        long offset, boolean zip64) {

    /** Fixed part of a local header, signature included. */
    static final int FIXED_SIZE = 30;

    /** Reads the header at the current position, whose signature has been seen; checks and remembers the name. */
    static LocalHeader read(ForwardInput in, EntryNames names) throws IOException {
        long offset = in.position();
        String where = "the local header at offset " + offset;
        in.require(FIXED_SIZE, where);
        in.u32();
        in.u16(); // version needed to extract: the method check below decides
        int flags = in.u16();
        int method = in.u16();
        in.u32(); // DOS time and date
        long crc = in.u32();
        long compressedSize = in.u32();
        long size = in.u32();
        int nameLength = in.u16();
        int extraLength = in.u16();
        byte[] rawName = in.bytes(nameLength, where);
        byte[] extra = in.bytes(extraLength, where);

        String name = ZipFormat.decodeName(rawName, flags, offset);
        ZipFormat.requireSupported(name, flags, method);
        boolean descriptor = (flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0;
        if (method == ZipFormat.STORED && descriptor) {
            throw ZipFormat.unsupported(name, "a STORED entry with a data descriptor (flag bit 3), whose length "
                    + "is not known in advance");
        }
        names.add(name);

        ZipFormat.Extra zip64 = ZipFormat.extra(extra, ZipFormat.ZIP64_EXTRA, name);
        size = zip64.resolve(size, ZipFormat.MAGIC32, "the uncompressed size");
        compressedSize = zip64.resolve(compressedSize, ZipFormat.MAGIC32, "the compressed size");
        if (method == ZipFormat.STORED && compressedSize != size) {
            throw ZipFormat.malformed("STORED entry \"%s\" has compressed size %d but size %d",
                    EntryNames.printable(name), compressedSize, size);
        }
        return new LocalHeader(name, rawName, flags, method, crc, compressedSize, size, offset, zip64.present());
    }

    boolean hasDataDescriptor() {
        return (flags & ZipFormat.FLAG_DATA_DESCRIPTOR) != 0;
    }
}
