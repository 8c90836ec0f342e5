package org.evidencegateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a document in docs/ equal to what the code generates: the test fails when they differ, and
 * {@code -Devgw.regenerate-docs=true} rewrites the document first.
 */
public final class GeneratedDocs {
    private GeneratedDocs() {
    }

    public static void assertUpToDate(Path doc, String generated, String testName) {
        try {
            if (System.getProperty("evgw.regenerate-docs") != null) {
                Files.writeString(doc, generated, StandardCharsets.UTF_8);
            }
            assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                    .as(doc + " is generated: run mvn test -Dtest=" + testName + " -Devgw.regenerate-docs=true")
                    .isEqualTo(generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
