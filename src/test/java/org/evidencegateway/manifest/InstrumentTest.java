package org.evidencegateway.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class InstrumentTest {
    private final ManifestCodec codec = new ManifestCodec();

    @Test
    void everyInstrument_roundTripsThroughItsIdAndTheManifest() throws IOException {
        for (Instrument instrument : Instrument.values()) {
            Manifest manifest = TestManifests.request().toBuilder()
                    .legalBasis(new LegalBasis(instrument, "Art. 1 (test)", "Synthetic test instrument"))
                    .build();

            Manifest read = codec.read(new ByteArrayInputStream(codec.write(manifest)));

            assertThat(Instrument.fromId(instrument.id())).isSameAs(instrument);
            assertThat(read.legalBasis().instrument()).isSameAs(instrument);
            assertThat(instrument.title()).isNotBlank();
        }
    }

    @Test
    void fromId_rejectsUnknownId() {
        assertThatIllegalArgumentException().isThrownBy(() -> Instrument.fromId("TEST_TREATY_1900"))
                .withMessageContaining("TEST_TREATY_1900");
    }
}
