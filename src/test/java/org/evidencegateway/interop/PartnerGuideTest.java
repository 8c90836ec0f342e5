package org.evidencegateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/partner-guide.md honest: every {@code bash} block it shows is copied from the script that
 * {@link OpenSslInteropTest} runs, so the guide cannot show commands the tests do not prove.
 */
class PartnerGuideTest {
    private static final Path GUIDE = Path.of("docs", "partner-guide.md");
    private static final Path RECIPE = Path.of("docs", "examples", "openssl-package.sh");
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @Test
    void guide_showsOnlyCommandsCopiedFromTheTestedRecipe() throws IOException {
        String guide = Files.readString(GUIDE);
        String recipe = Files.readString(RECIPE);

        List<String> blocks = new ArrayList<>();
        for (Matcher m = BASH_BLOCK.matcher(guide); m.find(); ) {
            blocks.add(m.group(1));
        }

        assertThat(blocks).as("bash blocks in " + GUIDE).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(block -> assertThat(recipe).as("the recipe " + RECIPE).contains(block));
        assertThat(String.join("", blocks)).contains("openssl cms -sign", "-cades", "openssl cms -encrypt",
                "rsa_oaep_md:sha256", "ecdh_kdf_md:sha256", "zip -q -X -D -@");
    }
}
