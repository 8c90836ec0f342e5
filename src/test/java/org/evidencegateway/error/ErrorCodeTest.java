package org.evidencegateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.evidencegateway.docs.GeneratedDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {
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
    void errorCodesDoc_listsEveryCodeExactlyAsTheEnumDefinesIt() {
        GeneratedDocs.assertUpToDate(Path.of("docs/error-codes.md"), ErrorCodeTable.markdown(), "ErrorCodeTest");
    }
}
