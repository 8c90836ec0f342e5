package org.evidencegateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {
    static final Path DOC = Path.of("docs/error-codes.md");

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void byCode_roundTripsEveryCode_andTheCodeNamesItsCategory(ErrorCode code) {
        assertThat(ErrorCode.byCode(code.code())).isSameAs(code);
        assertThat(code.code()).matches("EGW-[A-Z]+-\\d{3}");
        assertThat(code.soapFaultCode()).isEqualTo(code.httpStatus() >= 500 ? "Receiver" : "Sender");
    }

    @Test
    void codes_areUnique() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void errorCodesDoc_listsEveryCodeExactlyAsTheEnumDefinesIt() throws IOException {
        String expected = ErrorCodeTable.markdown();

        if (System.getProperty("evgw.regenerate-docs") != null) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/error-codes.md is generated from ErrorCode: run "
                        + "mvn test -Dtest=ErrorCodeTest -Devgw.regenerate-docs=true")
                .isEqualTo(expected);
    }
}
