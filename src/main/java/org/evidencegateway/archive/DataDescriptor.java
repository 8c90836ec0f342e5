package org.evidencegateway.archive;

import java.io.IOException;

/** The data descriptor that follows an entry written with flag bit 3. */
record DataDescriptor(long crc, long compressedSize, long size) {

    /**
     * Reads the descriptor, with or without its optional signature. Sizes are 8 bytes wide when the local header
     * had a Zip64 extra field, or when the actual sizes do not fit 4 bytes (as the JDK writes them).
     */
    static DataDescriptor read(ForwardInput in, LocalHeader header, long actualCrc, long compressed, long inflated)
            throws IOException {
        String where = "the data descriptor of entry at offset " + header.offset();
        in.require(4, where);
        // A descriptor without signature whose CRC happens to equal the signature is told apart by what follows.
        boolean signed = in.peekU32(0) == ZipFormat.DATA_DESCRIPTOR
                && (actualCrc != ZipFormat.DATA_DESCRIPTOR || in.request(8) && in.peekU32(4) == actualCrc);
        boolean wide = header.zip64() || compressed >= ZipFormat.MAGIC32 || inflated >= ZipFormat.MAGIC32;
        in.require((signed ? 4 : 0) + 4 + (wide ? 16 : 8), where);
        if (signed) {
            in.u32();
        }
        long crc = in.u32();
        long compressedSize = wide ? in.u64("compressed size") : in.u32();
        long size = wide ? in.u64("size") : in.u32();
        return new DataDescriptor(crc, compressedSize, size);
    }
}
