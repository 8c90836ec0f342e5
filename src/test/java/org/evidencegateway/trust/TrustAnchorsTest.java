package org.evidencegateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.KeyMaterialException;
import org.evidencegateway.error.TrustException;
import org.evidencegateway.pki.DevPki;
import org.evidencegateway.pki.GeneratedDevPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @Test
    void load_readsRootsByCountryAndAllCrls() {
        TrustAnchors anchors = TrustAnchors.load(GeneratedDevPki.dir());

        assertThat(anchors.countries()).containsExactlyInAnyOrder("UA", "KZ", "GW");
        assertThat(anchors.roots("ua")).singleElement()
                .satisfies(r -> assertThat(r.getSubjectX500Principal().getName()).contains("CN=ua-root-ca"));
        assertThat(anchors.crls()).hasSize(3);
        assertThat(anchors.roots("PL")).isEmpty();
    }

    @Test
    void load_rejectsDirectoryWithoutRoots(@TempDir Path empty) {
        assertThatThrownBy(() -> TrustAnchors.load(empty))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageContaining("-root-ca.crt.pem");
    }

    @Test
    void loadedDevPki_validatesGoodAndRejectsDemoFailureCases() throws IOException {
        var validator = new SignerCertificateValidator(TrustAnchors.load(GeneratedDevPki.dir()), Clock.systemUTC());
        var signingTime = GeneratedDevPki.generatedAt();

        assertThat(validator.validate(cert("ua-pgo"), List.of(), "UA", signingTime)).hasSize(2);
        assertThat(validator.validate(cert("kz-gpo"), List.of(), "KZ", signingTime)).hasSize(2);
        assertThatThrownBy(() -> validator.validate(cert(DevPki.REVOKED), List.of(), "UA", signingTime))
                .isInstanceOfSatisfying(TrustException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TRUST_REVOKED));
        assertThatThrownBy(() -> validator.validate(cert(DevPki.EXPIRED), List.of(), "KZ", signingTime))
                .isInstanceOfSatisfying(TrustException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TRUST_NOT_VALID_AT_SIGNING_TIME));
        assertThatThrownBy(() -> validator.validate(cert("gateway"), List.of(), "UA", signingTime))
                .isInstanceOfSatisfying(TrustException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TRUST_UNTRUSTED))
                .hasMessageContaining("a root of GW");
    }

    private static X509Certificate cert(String name) throws IOException {
        return Pem.readCertificates(GeneratedDevPki.file(name + ".crt.pem")).get(0);
    }
}
