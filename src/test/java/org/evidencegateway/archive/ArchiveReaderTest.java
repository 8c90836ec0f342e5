package org.evidencegateway.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evidencegateway.archive.Archives.assertRefused;
import static org.evidencegateway.archive.Archives.namesOnly;
import static org.evidencegateway.archive.Archives.readAll;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.evidencegateway.archive.Archives.Read;
import org.evidencegateway.archive.ZipFixtures.Entry;
import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveReaderTest {
    private static final byte[] TEXT = "протокол огляду місця події".getBytes(StandardCharsets.UTF_8);

    // --- valid archives ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"header", "descriptor", "descriptorWithoutSignature", "zip64Header", "zip64Descriptor",
            "zip64DescriptorWithoutSignature"})
    void readAll_acceptsEverySupportedLayoutOfADeflatedEntry(String layout) throws IOException {
        // Given a deflated entry whose sizes sit in the header, a data descriptor, or Zip64 fields
        Entry entry = Entry.deflated("evidence/хаттама.txt", TEXT);
        switch (layout) {
            case "descriptor" -> entry.dataDescriptor(true);
            case "descriptorWithoutSignature" -> entry.dataDescriptor(false);
            case "zip64Header" -> entry.zip64();
            case "zip64Descriptor" -> entry.zip64().dataDescriptor(true);
            case "zip64DescriptorWithoutSignature" -> entry.zip64().dataDescriptor(false);
            default -> { }
        }
        byte[] zip = ZipFixtures.archive().file("manifest.json", ZipFixtures.MANIFEST).add(entry)
                .file("evidence/after.txt", TEXT).build();

        // When it is read
        List<Read> entries = readAll(zip);

        // Then every entry comes out intact, including the one after it
        assertThat(entries).extracting(Read::name)
                .containsExactly("manifest.json", "evidence/хаттама.txt", "evidence/after.txt");
        assertThat(entries.get(1).content()).isEqualTo(TEXT);
        assertThat(entries.get(2).content()).isEqualTo(TEXT);
    }

    @Test
    void readAll_acceptsStoredEntriesDirectoriesAndZip64EndRecords() throws IOException {
        // Given STORED entries, a directory, a Zip64 end record and an archive comment
        byte[] zip = ZipFixtures.archive()
                .add(Entry.stored("manifest.json", ZipFixtures.MANIFEST))
                .add(Entry.stored("evidence/", new byte[0]).unixMode(040755))
                .add(Entry.stored("evidence/empty.bin", new byte[0]).unixMode(0100644))
                .add(Entry.stored("evidence/протокол.txt", TEXT).zip64())
                .zip64End().comment("made by a test").build();

        // When it is read
        List<Read> entries = readAll(zip);

        // Then names, kinds and content are as written
        assertThat(entries).extracting(Read::name)
                .containsExactly("manifest.json", "evidence/", "evidence/empty.bin", "evidence/протокол.txt");
        assertThat(entries).extracting(Read::directory).containsExactly(false, true, false, false);
        assertThat(entries.get(3).content()).isEqualTo(TEXT);
    }

    @Test
    void readAll_acceptsAnArchiveWithoutEntries() throws IOException {
        assertThat(readAll(ZipFixtures.archive().build())).isEmpty();
    }

    @Test
    void next_readsAndChecksContentTheCallerSkipped() throws IOException {
        // Given a valid archive, walked without reading any content
        byte[] valid = ZipFixtures.archive().file("manifest.json", ZipFixtures.MANIFEST).file("a.txt", TEXT).build();
        assertThat(namesOnly(valid)).containsExactly("manifest.json", "a.txt");

        // When a skipped entry's content does not match its CRC-32
        byte[] corrupt = ZipFixtures.archive().file("manifest.json", ZipFixtures.MANIFEST)
                .add(Entry.raw("a.txt", 8, ZipFixtures.deflate(TEXT), TEXT.length, 0x1234)).build();

        // Then the walk still fails
        assertRefused(() -> namesOnly(corrupt), ErrorCode.ZIP_MALFORMED).hasMessageContaining("CRC-32");
    }

    @Test
    void next_returnsNullAgainAfterTheCentralDirectory() throws IOException {
        try (ArchiveReader reader = new ArchiveReader(new ByteArrayInputStream(ZipFixtures.trailingGarbage()),
                ArchiveLimits.DEFAULT)) {
            while (reader.next() != null) {
                // skip the entries
            }
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void next_failsAgainAfterARefusal() throws IOException {
        try (ArchiveReader reader = new ArchiveReader(new ByteArrayInputStream(ZipFixtures.zipSlip()),
                ArchiveLimits.DEFAULT)) {
            reader.next();
            assertRefused(reader::next, ErrorCode.ZIP_UNSAFE_PATH);
            assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void finish_mustFollowTheLastEntry() throws IOException {
        try (ArchiveReader reader = new ArchiveReader(new ByteArrayInputStream(ZipFixtures.zipSlip()),
                ArchiveLimits.DEFAULT)) {
            assertThatThrownBy(reader::finish).isInstanceOf(IllegalStateException.class);
        }
    }

    // --- names ---------------------------------------------------------------------------------------------------

    @Test
    void next_refusesZipSlipPath() {
        assertRefused(() -> readAll(ZipFixtures.zipSlip()), ErrorCode.ZIP_UNSAFE_PATH).hasMessageContaining("\"..\"");
    }

    @Test
    void next_refusesAbsolutePath() {
        assertRefused(() -> readAll(ZipFixtures.absolutePath()), ErrorCode.ZIP_UNSAFE_PATH)
                .hasMessageContaining("absolute");
    }

    @Test
    void next_refusesDuplicateName() {
        assertRefused(() -> readAll(ZipFixtures.duplicateName()), ErrorCode.ZIP_DUPLICATE)
                .hasMessageContaining("evidence/photo.jpg");
    }

    @Test
    void next_refusesNamesEqualAfterCaseFolding() {
        assertRefused(() -> readAll(ZipFixtures.caseFoldDuplicate()), ErrorCode.ZIP_DUPLICATE)
                .hasMessageContaining("evidence/протокол.txt");
    }

    @Test
    void next_refusesNonAsciiNameWithoutUtf8Flag() {
        byte[] zip = ZipFixtures.archive().add(Entry.deflated("хаттама.txt", TEXT).withoutUtf8Flag()).build();
        assertRefused(() -> readAll(zip), ErrorCode.ZIP_UNSUPPORTED).hasMessageContaining("bit 11");
    }

    // --- features ------------------------------------------------------------------------------------------------

    @Test
    void next_refusesEncryptedEntry() {
        assertRefused(() -> readAll(ZipFixtures.encryptedEntry()), ErrorCode.ZIP_UNSUPPORTED)
                .hasMessageContaining("encryption");
    }

    @Test
    void next_refusesStrongEncryption() {
        byte[] zip = ZipFixtures.archive().add(Entry.deflated("a.txt", TEXT).flags(1 << 6)).build();
        assertRefused(() -> readAll(zip), ErrorCode.ZIP_UNSUPPORTED).hasMessageContaining("encryption");
    }

    @Test
    void next_refusesUnsupportedMethod() {
        assertRefused(() -> readAll(ZipFixtures.unsupportedMethod()), ErrorCode.ZIP_UNSUPPORTED)
                .hasMessageContaining("method 12");
    }

    @Test
    void next_refusesStoredEntryWithDataDescriptor() {
        assertRefused(() -> readAll(ZipFixtures.storedWithDataDescriptor()), ErrorCode.ZIP_UNSUPPORTED)
                .hasMessageContaining("STORED");
    }

    // --- content -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void content_refusesCrcMismatch(boolean inDescriptor) {
        // Given an entry whose data does not match the CRC-32 in its header or data descriptor
        Entry entry = Entry.raw("a.txt", 8, ZipFixtures.deflate(TEXT), TEXT.length, 0xCAFE);
        if (inDescriptor) {
            entry.dataDescriptor(true);
        }
        byte[] zip = ZipFixtures.archive().add(entry).build();

        // Then reading its content fails
        assertRefused(() -> readAll(zip), ErrorCode.ZIP_MALFORMED).hasMessageContaining("CRC-32");
    }

    @Test
    void content_refusesEntryLongerThanItsDeclaredSize() {
        byte[] zip = ZipFixtures.archive()
                .add(Entry.raw("a.txt", 8, ZipFixtures.deflate(TEXT), 3, ZipFixtures.crc(TEXT))).build();
        assertRefused(() -> readAll(zip), ErrorCode.ZIP_MALFORMED).hasMessageContaining("declared size");
    }

    @Test
    void content_refusesCorruptDeflateData() {
        byte[] garbage = "this is not deflate data at all".getBytes(StandardCharsets.US_ASCII);
        byte[] zip = ZipFixtures.archive().add(Entry.raw("a.txt", 8, garbage, 100, 0)).build();
        assertRefused(() -> readAll(zip), ErrorCode.ZIP_MALFORMED);
    }

    // --- central directory ---------------------------------------------------------------------------------------

    @Test
    void finish_refusesCentralDirectoryNamingAnEntryDifferently() {
        assertRefused(() -> readAll(ZipFixtures.centralDirectoryMismatch()), ErrorCode.ZIP_MALFORMED)
                .hasMessageContaining("evidence/report.txt");
    }

    @ParameterizedTest
    @CsvSource({"crc, CRC-32", "size, size", "offset, local header offset", "missing, 1 entries",
            "extra, more entries", "count, entries on this disk 3"})
    void finish_refusesCentralDirectoryThatDiffersFromLocalHeaders(String trick, String expected) {
        // Given a central directory that would show another tool other content than the local headers
        Entry evidence = Entry.deflated("evidence/a.txt", TEXT);
        ZipFixtures.Builder builder = ZipFixtures.archive().file("manifest.json", ZipFixtures.MANIFEST);
        switch (trick) {
            case "crc" -> builder.add(evidence.centralCrc(0x1234));
            case "size" -> builder.add(evidence.centralSize(TEXT.length + 1));
            case "offset" -> builder.add(evidence.centralOffset(0));
            case "missing" -> builder.add(evidence.notInCentralDirectory());
            case "count" -> builder.add(evidence).endRecordEntries(3);
            default -> builder.add(evidence).add(Entry.deflated("evidence/hidden.txt", TEXT).onlyInCentralDirectory());
        }

        // Then the archive is refused, even though every entry it streamed was sound
        assertRefused(() -> readAll(builder.build()), ErrorCode.ZIP_MALFORMED).hasMessageContaining(expected);
    }

    @Test
    void finish_refusesSymbolicLink() {
        assertRefused(() -> readAll(ZipFixtures.symlink()), ErrorCode.ZIP_LINK).hasMessageContaining("symbolic link");
    }

    @ParameterizedTest
    @CsvSource({"4480, named pipe", "8630, character device", "24992, block device", "49645, socket"})
    void finish_refusesSpecialFiles(int mode, String kind) {
        byte[] zip = ZipFixtures.archive().add(Entry.stored("evidence/x", new byte[0]).unixMode(mode)).build();
        assertRefused(() -> readAll(zip), ErrorCode.ZIP_LINK).hasMessageContaining(kind);
    }

    @Test
    void finish_refusesTrailingGarbage() {
        assertRefused(() -> readAll(ZipFixtures.trailingGarbage()), ErrorCode.ZIP_MALFORMED)
                .hasMessageContaining("after the end");
    }

    @Test
    void next_refusesTruncatedArchive() {
        assertRefused(() -> readAll(ZipFixtures.truncated()), ErrorCode.ZIP_MALFORMED).hasMessageContaining("truncated");
    }

    @Test
    void readAll_refusesAnArchiveCutAtAnyByte() {
        // Given a valid archive with every kind of record: header, descriptor, Zip64, end records, comment
        byte[] zip = ZipFixtures.archive().file("manifest.json", ZipFixtures.MANIFEST)
                .add(Entry.deflated("evidence/a.txt", TEXT).dataDescriptor(true).zip64())
                .add(Entry.stored("evidence/b.txt", TEXT)).zip64End().comment("comment").build();

        // Then every proper prefix of it is refused as truncated
        IntStream.range(0, zip.length).forEach(cut -> assertRefused(() -> readAll(Arrays.copyOf(zip, cut)),
                ErrorCode.ZIP_MALFORMED).hasMessageContaining("truncated"));
    }

    // --- limits --------------------------------------------------------------------------------------------------

    @Test
    void next_refusesTooManyEntries() throws IOException {
        ArchiveLimits ten = new ArchiveLimits(10, 1 << 20, 200, 1 << 20);
        assertThat(readAll(ZipFixtures.tooManyEntries(10), ten)).hasSize(10);
        assertRefused(() -> readAll(ZipFixtures.tooManyEntries(11), ten), ErrorCode.ZIP_TOO_MANY_ENTRIES);
    }

    @Test
    void content_refusesArchiveExpandingPastTotalLimit() {
        ArchiveLimits small = new ArchiveLimits(100, 100, 200, 1 << 20);
        byte[] zip = ZipFixtures.archive().file("a.txt", new byte[60]).file("b.txt", new byte[60]).build();
        assertRefused(() -> readAll(zip, small), ErrorCode.ZIP_TOO_LARGE);
    }

    @Test
    void content_stopsZipBombAfterReadingABoundedAmount() {
        // Given a bomb of a few hundred KB that expands 1000:1
        byte[] bomb = ZipFixtures.zipBomb();
        assertThat(bomb.length).isBetween(200_000, 1_000_000);
        CountingInput counted = new CountingInput(new ByteArrayInputStream(bomb));

        // When it is read, then it is refused for its ratio after the reader consumed only a part of it
        assertRefused(() -> readAll(counted, ArchiveLimits.DEFAULT), ErrorCode.ZIP_RATIO)
                .hasMessageContaining("evidence/disk.img");
        assertThat(counted.count).isLessThan(150_000);
    }

    @Test
    void zipBomb_isAWellFormedArchiveThatOnlyTheRatioLimitStops() throws IOException {
        // Given limits that allow 2000:1
        ArchiveLimits lax = new ArchiveLimits(10, 1L << 30, 2000, 16L << 20);

        // Then the bomb inflates completely to 256 MiB of zeros with a matching CRC-32
        try (ArchiveReader reader = new ArchiveReader(new ByteArrayInputStream(ZipFixtures.zipBomb()), lax)) {
            assertThat(reader.next().name()).isEqualTo("manifest.json");
            assertThat(reader.next().content().transferTo(OutputStream.nullOutputStream())).isEqualTo(256L << 20);
            assertThat(reader.next()).isNull();
            reader.finish();
        }
    }

    @Test
    void content_acceptsHighRatioBelowTheThreshold() throws IOException {
        // Given a small text file that compresses 500:1, below the 16 MiB threshold
        byte[] repetitive = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        byte[] zip = ZipFixtures.archive().file("evidence/log.txt", repetitive).build();

        // Then it passes the default limits
        assertThat(readAll(zip).get(0).content()).isEqualTo(repetitive);
    }

    /** Counts the bytes the reader pulled from the archive stream. */
    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
