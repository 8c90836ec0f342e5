package org.evidencegateway.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evidencegateway.archive.Archives.assertRefused;
import static org.evidencegateway.archive.Archives.readAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.evidencegateway.archive.Archives.Read;
import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveWriterTest {
    private static final byte[] MANIFEST = "{\"formatVersion\":1}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(ints = {0, ArchiveWriter.DEFAULT_LEVEL, 9})
    void roundTrip_readsBackEveryEntryAsWritten(int level) throws IOException {
        // Given evidence with Ukrainian and Kazakh names, an empty file, a directory and incompressible bytes
        byte[] protocol = "Протокол огляду місця події від 20.09.2025".getBytes(StandardCharsets.UTF_8);
        byte[] hattama = "Хаттама: оқиға орнын қарау".getBytes(StandardCharsets.UTF_8);
        byte[] image = new byte[3 << 20];
        new Random(7).nextBytes(image);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();

        // When it is written and read back
        try (ArchiveWriter writer = new ArchiveWriter(zip, level)) {
            writer.putManifest(MANIFEST);
            writer.putDirectory("evidence/");
            write(writer, "evidence/протокол-огляду.txt", protocol);
            write(writer, "evidence/хаттама.txt", hattama);
            write(writer, "evidence/empty.txt", new byte[0]);
            write(writer, "evidence/disk.img", image);
        }
        List<Read> entries = readAll(zip.toByteArray());

        // Then names, kinds and bytes are unchanged and the manifest comes first
        assertThat(entries).extracting(Read::name).containsExactly("manifest.json", "evidence/",
                "evidence/протокол-огляду.txt", "evidence/хаттама.txt", "evidence/empty.txt", "evidence/disk.img");
        assertThat(entries).extracting(Read::directory).containsExactly(false, true, false, false, false, false);
        assertThat(entries).extracting(Read::content)
                .containsExactly(MANIFEST, new byte[0], protocol, hattama, new byte[0], image);
    }

    @Test
    void close_finishesTheArchiveButLeavesTheStreamOpen() throws IOException {
        // Given a stream that records whether it was closed
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        // When an archive is written and closed
        try (ArchiveWriter writer = new ArchiveWriter(out)) {
            writer.putManifest(MANIFEST);
        }

        // Then the archive is complete and the stream still open
        assertThat(closed[0]).isFalse();
        assertThat(readAll(out.toByteArray())).hasSize(1);
    }

    @Test
    void openEntry_requiresTheManifestFirst() throws IOException {
        try (ArchiveWriter writer = new ArchiveWriter(OutputStream.nullOutputStream())) {
            assertThatThrownBy(() -> writer.openEntry("evidence/a.txt")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("manifest.json");
        }
    }

    @Test
    void openEntry_refusesUnsafeAndDuplicateNames() throws IOException {
        try (ArchiveWriter writer = new ArchiveWriter(OutputStream.nullOutputStream())) {
            writer.putManifest(MANIFEST);
            write(writer, "evidence/хаттама.txt", MANIFEST);
            assertRefused(() -> writer.openEntry("../x"), ErrorCode.ZIP_UNSAFE_PATH);
            assertRefused(() -> writer.openEntry("evidence\\x"), ErrorCode.ZIP_UNSAFE_PATH);
            assertRefused(() -> writer.openEntry("Manifest.JSON"), ErrorCode.ZIP_DUPLICATE);
            assertRefused(() -> writer.openEntry("evidence/ХАТТАМА.txt"), ErrorCode.ZIP_DUPLICATE);
        }
    }

    @Test
    void openEntry_refusesASecondEntryWhileOneIsOpen() throws IOException {
        try (ArchiveWriter writer = new ArchiveWriter(OutputStream.nullOutputStream())) {
            writer.putManifest(MANIFEST);
            writer.openEntry("a.txt");
            assertThatThrownBy(() -> writer.openEntry("b.txt")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void constructor_refusesDeflateLevelOutOfRange() {
        assertThatThrownBy(() -> new ArchiveWriter(OutputStream.nullOutputStream(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reader_acceptsStoredEntriesWrittenByTheJdk() throws IOException {
        // Given an archive of STORED entries, sizes and CRC in the local headers, as the JDK writes them
        byte[] content = "stored evidence".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.setMethod(ZipOutputStream.STORED);
            for (String name : List.of("manifest.json", "evidence/сақталған.txt")) {
                ZipEntry entry = new ZipEntry(name);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setSize(content.length);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(content);
                out.closeEntry();
            }
        }

        // Then the reader reads them
        assertThat(readAll(zip.toByteArray())).extracting(Read::content).containsExactly(content, content);
    }

    @Test
    void reader_acceptsZip64EndRecordsWrittenByTheJdk() throws IOException {
        // Given an archive of more than 65 535 entries, for which the JDK writes Zip64 end records
        int count = 70_000;
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ArchiveWriter writer = new ArchiveWriter(zip)) {
            writer.putManifest(MANIFEST);
            for (int i = 1; i < count; i++) {
                write(writer, "evidence/" + i, new byte[] {(byte) i});
            }
        }

        byte[] bytes = zip.toByteArray();
        byte[] zip64EndSignature = {0x50, 0x4b, 0x06, 0x06};
        assertThat(indexOf(bytes, zip64EndSignature)).isPositive();

        // Then the reader reads all of them and accepts the end records
        assertThat(Archives.namesOnly(bytes)).hasSize(count);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static void write(ArchiveWriter writer, String name, byte[] content) throws IOException {
        try (OutputStream out = writer.openEntry(name)) {
            out.write(content);
        }
    }
}
