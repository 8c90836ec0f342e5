package org.evidencegateway.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BadPackageCorpusTest {
    private final PackageOpener opener = new PackageOpener(TestPackages.policy());

    @ParameterizedTest
    @EnumSource(BadPackage.class)
    void open_refusesEachBadPackage_withItsOwnCode_andLeavesNothingBehind(BadPackage bad, @TempDir Path out)
            throws Exception {
        byte[] pkg = bad.bytes();

        CodedException refusal = catchThrowableOfType(CodedException.class,
                () -> opener.open(new ByteArrayInputStream(pkg), new DirectoryItemSink(out, new ObjectMapper())));

        assertThat(refusal).as(bad.name()).isNotNull();
        assertThat(refusal.code()).as(refusal.toString()).isEqualTo(bad.expected());
        assertThat(refusal.getMessage()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
        try (var left = Files.list(out)) {
            assertThat(left).as("files left behind after " + bad).isEmpty();
        }
    }

    @Test
    void corpus_coversEveryFailureModeWithADistinctFixture_andTheValidPackageOpens() {
        opener.open(new ByteArrayInputStream(TestPackages.valid().build()), ItemSink.discarding());
        Set<ErrorCode> codes = Arrays.stream(BadPackage.values()).map(BadPackage::expected).collect(Collectors.toSet());

        assertThat(codes).hasSizeGreaterThanOrEqualTo(BadPackage.values().length - 1);
    }
}
