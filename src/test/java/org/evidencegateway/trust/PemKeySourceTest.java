package org.evidencegateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.KeyMaterialException;
import org.evidencegateway.pki.GeneratedDevPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeySourceTest {
    private final KeySource source = new PemKeySource(GeneratedDevPki.dir());

    @Test
    void credential_readsKeyCertificateAndChainToRoot() throws IOException {
        Credential pgo = source.credential("ua-pgo");

        assertThat(pgo.id()).isEqualTo("ua-pgo");
        assertThat(pgo.certificate()).isEqualTo(Pem.readCertificates(GeneratedDevPki.file("ua-pgo.crt.pem")).get(0));
        assertThat(KeyPairs.match(pgo.privateKey(), pgo.certificate().getPublicKey())).isTrue();
        assertThat(pgo.chain()).hasSize(2);
        assertThat(pgo.root()).isEqualTo(Pem.readCertificates(GeneratedDevPki.file("ua-root-ca.crt.pem")).get(0));
        assertThat(source.credential("gateway-enc-ec").root().getSubjectX500Principal().getName())
                .contains("CN=gw-root-ca");
    }

    @Test
    void ids_listsEveryKeyWithItsCertificate() {
        assertThat(source.ids()).contains("ua-root-ca", "ua-pgo", "kz-case-tls", "operator-tls", "gateway").hasSize(25);
    }

    @Test
    void credential_missingKeyNamesTheFile() {
        assertThatThrownBy(() -> source.credential("pl-police"))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageContaining("pl-police.crt.pem").hasMessageContaining("no such file");
    }

    @Test
    void credential_unreadableKeyNamesTheFile(@TempDir Path dir) throws IOException {
        copy("ua-pgo.crt.pem", dir, "ua-pgo.crt.pem");
        Files.writeString(dir.resolve("ua-pgo.key.pem"), "not a key\n");

        assertThatThrownBy(() -> new PemKeySource(dir).credential("ua-pgo"))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("ua-pgo.key.pem");
    }

    @Test
    void credential_rejectsKeyOfAnotherCertificate(@TempDir Path dir) throws IOException {
        copy("ua-npu.crt.pem", dir, "ua-npu.crt.pem");
        copy("kz-gpo.key.pem", dir, "ua-npu.key.pem");

        assertThatThrownBy(() -> new PemKeySource(dir).credential("ua-npu"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("does not belong to the certificate in ua-npu.crt.pem");
    }

    @Test
    void credential_rejectsIdsThatLeaveTheDirectory() {
        assertThatThrownBy(() -> source.credential("../etc/passwd"))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("not a valid credential id");
    }

    private static void copy(String name, Path dir, String as) throws IOException {
        Files.copy(GeneratedDevPki.file(name), dir.resolve(as));
    }
}
