package org.evidencegateway.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evidencegateway.archive.ArchiveEntry;
import org.evidencegateway.archive.ArchiveLimits;
import org.evidencegateway.archive.ArchiveReader;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Info-ZIP {@code zip} pitfalls docs/partner-guide.md warns about, proven against our strict archive reader: the
 * ways that fail, next to the recipe's way ({@code -X -D -@}, archive written to a file) that works.
 */
class InfoZipInteropTest {
    @TempDir
    Path dir;

    @BeforeEach
    void givenManifestAndEvidenceFiles() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{}\n");
        Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(dir.resolve("evidence/report.txt"), "Synthetic report (test)\n");
        Files.writeString(dir.resolve("evidence/протокол.txt"), "Синтетичний протокол (тест)\n");
    }

    @Test
    void read_acceptsRecipeZip_namesFromStdinArchiveToFile() throws IOException {
        zip("printf '%s\\n' manifest.json evidence/report.txt | zip -q -X -D -@ out.zip");

        assertThat(readAll()).containsExactly("manifest.json", "evidence/report.txt");
    }

    @Test
    void read_refusesNonAsciiName_writtenByInfoZipWithoutUtf8Flag() {
        // Info-ZIP 3.0 stores the UTF-8 bytes but sets no general-purpose bit 11, with or without -UN=UTF8
        zip("zip -q -X -D -UN=UTF8 out.zip manifest.json evidence/протокол.txt");

        assertThatThrownBy(this::readAll)
                .isInstanceOfSatisfying(CodedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ZIP_UNSUPPORTED))
                .hasMessageContaining("non-ASCII name without the UTF-8 flag");
    }

    @Test
    void read_refusesStoredEntryWithDataDescriptor_whenZipWritesToPipe() {
        // Written to a pipe, zip cannot seek back to fill in sizes and adds a data descriptor (flag bit 3)
        zip("zip -q -X -D -0 - manifest.json evidence/report.txt | cat > out.zip");

        assertThatThrownBy(this::readAll)
                .isInstanceOfSatisfying(CodedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ZIP_UNSUPPORTED))
                .hasMessageContaining("data descriptor");
    }

    private void zip(String script) {
        ExternalTool.onPath("zip");
        ExternalTool.run(Map.of("LC_ALL", "C.UTF-8"), List.of("bash", "-c", "set -euo pipefail; cd \"$0\"; " + script,
                dir.toString())).requireSuccess();
    }

    /** The entry names of out.zip, reading every entry to its end. */
    private List<String> readAll() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve("out.zip"));
             ArchiveReader archive = new ArchiveReader(in, ArchiveLimits.DEFAULT)) {
            for (ArchiveEntry entry = archive.next(); entry != null; entry = archive.next()) {
                names.add(entry.name());
                entry.content().transferTo(OutputStream.nullOutputStream());
            }
            archive.finish();
        }
        return names;
    }
}
