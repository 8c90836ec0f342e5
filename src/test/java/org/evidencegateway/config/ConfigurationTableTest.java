package org.evidencegateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationTableTest {
    static final Path DOC = Path.of("docs/configuration.md");

    @Test
    void configurationDoc_listsEveryKeyWithItsDefault() throws IOException {
        String expected = ConfigurationTable.markdown();

        if (System.getProperty("evgw.regenerate-docs") != null) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/configuration.md is generated from GatewayConfig: run "
                        + "mvn test -Dtest=ConfigurationTableTest -Devgw.regenerate-docs=true")
                .isEqualTo(expected);
    }
}
