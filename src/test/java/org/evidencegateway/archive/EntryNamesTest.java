package org.evidencegateway.archive;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.evidencegateway.archive.Archives.assertRefused;

import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"manifest.json", "evidence/протокол-огляду.txt", "evidence/хаттама.txt", "evidence/",
            "a/b/c/d.bin", "a..b/c.d", "файл з пробілами.pdf"})
    void requireSafe_acceptsRelativePaths(String name) {
        assertThatCode(() -> EntryNames.requireSafe(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../etc/passwd|\"..\" segment",
            "evidence/../../x|\"..\" segment",
            "evidence/./x|\".\" segment",
            "/etc/passwd|absolute",
            "C:/Windows/x|drive letter",
            "c:x|drive letter",
            "evidence\\x|backslash",
            "\\\\server\\share|backslash",
            "evidence//x|empty segment",
            "evidence/x//|empty segment",
            "/|absolute"})
    void requireSafe_refusesUnsafePaths(String name, String reason) {
        assertRefused(() -> EntryNames.requireSafe(name), ErrorCode.ZIP_UNSAFE_PATH).hasMessageContaining(reason);
    }

    @Test
    void requireSafe_refusesEmptyName() {
        assertRefused(() -> EntryNames.requireSafe(""), ErrorCode.ZIP_UNSAFE_PATH).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\nb", "a\u007fb", "a\u009bb"})
    void requireSafe_refusesControlCharactersAndEscapesThemInTheMessage(String name) {
        assertRefused(() -> EntryNames.requireSafe(name), ErrorCode.ZIP_UNSAFE_PATH)
                .hasMessageContaining("control character").hasMessageContaining("a\\u00");
    }

    @Test
    void requireSafe_refusesUnpairedSurrogate() {
        assertRefused(() -> EntryNames.requireSafe("a\uD800b"), ErrorCode.ZIP_UNSAFE_PATH)
                .hasMessageContaining("surrogate");
    }

    @Test
    void requireSafe_limitsSegmentsTo255Utf8Bytes() {
        // Given segments of 255 and 256 bytes: Cyrillic letters are 2 bytes each in UTF-8
        assertThatCode(() -> EntryNames.requireSafe("x/" + "а".repeat(127) + "b")).doesNotThrowAnyException();
        assertRefused(() -> EntryNames.requireSafe("x/" + "а".repeat(128)), ErrorCode.ZIP_UNSAFE_PATH)
                .hasMessageContaining("255");
    }

    @Test
    void requireSafe_limitsNamesTo1024Utf8Bytes() {
        String segment = "s".repeat(200) + "/";
        assertThatCode(() -> EntryNames.requireSafe(segment.repeat(5) + "x".repeat(19))).doesNotThrowAnyException();
        assertRefused(() -> EntryNames.requireSafe(segment.repeat(5) + "x".repeat(20)), ErrorCode.ZIP_UNSAFE_PATH)
                .hasMessageContaining("1024");
    }

    @ParameterizedTest
    @CsvSource({
            "evidence/a.txt, evidence/a.txt",
            "evidence/Photo.JPG, evidence/photo.jpg",
            "evidence/ПРОТОКОЛ.txt, evidence/протокол.txt",
            "evidence/ҚАЗАҚ.txt, evidence/қазақ.txt",
            "evidence/caf\u00e9.txt, evidence/cafe\u0301.txt",
            "evidence, evidence/"})
    void add_refusesNamesThatWouldOverwriteEachOther(String first, String second) {
        // Given a name already in the archive
        EntryNames names = new EntryNames();
        names.add(first);

        // Then a name equal after NFC and case folding, or the same path as directory, is a duplicate
        assertRefused(() -> names.add(second), ErrorCode.ZIP_DUPLICATE);
    }

    @Test
    void add_acceptsDistinctNames() {
        EntryNames names = new EntryNames();
        assertThatCode(() -> {
            names.add("evidence/");
            names.add("evidence/a.txt");
            names.add("evidence/a.txt.sig");
            names.add("evidence/b/a.txt");
        }).doesNotThrowAnyException();
    }
}
