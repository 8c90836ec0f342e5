package org.evidencegateway.config;

import java.nio.file.Path;
import org.evidencegateway.docs.GeneratedDocs;
import org.junit.jupiter.api.Test;

class ConfigurationTableTest {
    @Test
    void configurationDoc_listsEveryKeyWithItsDefault() {
        GeneratedDocs.assertUpToDate(Path.of("docs/configuration.md"), ConfigurationTable.markdown(),
                "ConfigurationTableTest");
    }
}
