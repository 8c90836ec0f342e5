package org.evidencegateway.casesystem.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryHeadersTest {
    @Test
    void caseReference_roundTripsAnyTextThroughPercentEncoding() {
        String reference = "КП-2026/000123 (тест) + 100%";

        String encoded = DeliveryHeaders.encode(reference);

        assertThat(encoded).matches("[A-Za-z0-9._~%-]+").startsWith("%D0%9A%D0%9F-2026%2F000123%20");
        assertThat(DeliveryHeaders.decode(encoded)).isEqualTo(reference);
    }

    @Test
    void decode_keepsAPlusSign_unlikeFormDecoding() {
        assertThat(DeliveryHeaders.decode("A+B")).isEqualTo("A+B");
    }

    @Test
    void decode_refusesWhatIsNotPercentEncodedUtf8() {
        for (String bad : new String[] {"КП-1", "a b", "%D0", "%ZZ", "%FF"}) {
            assertThatThrownBy(() -> DeliveryHeaders.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
