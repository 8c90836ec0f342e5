package org.evidencegateway.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The auditor's verifier shares only the format definitions with the gateway (docs/audit-log.md §10): its code
 * and the format package import nothing of the gateway's storage, services or configuration.
 */
class AuditorIndependenceTest {
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Path MAIN = Path.of("src/main/java/org/evidencegateway");

    @Test
    void auditorPackage_importsOnlyTheFormatPackageOfTheGateway() throws IOException {
        assertThat(gatewayImports(MAIN.resolve("auditor")))
                .isNotEmpty()
                .allMatch(i -> i.startsWith("org.evidencegateway.audit.format.") || i.startsWith("org.evidencegateway.auditor."));
    }

    @Test
    void formatPackage_importsNothingElseOfTheGateway() throws IOException {
        assertThat(gatewayImports(MAIN.resolve("audit/format"))).isEmpty();
    }

    private static List<String> gatewayImports(Path dir) throws IOException {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(2).startsWith("org.evidencegateway.")) {
                        imports.add(m.group(2));
                    }
                }
            }
        }
        return imports;
    }
}
