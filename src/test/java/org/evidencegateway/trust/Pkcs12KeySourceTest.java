package org.evidencegateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.KeyMaterialException;
import org.evidencegateway.pki.GeneratedDevPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12KeySourceTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void credential_matchesThePemFilesOfTheSameParty() {
        Credential fromP12 = new Pkcs12KeySource(GeneratedDevPki.file("kz-mvd.p12"), PASSWORD).credential("kz-mvd");
        Credential fromPem = new PemKeySource(GeneratedDevPki.dir()).credential("kz-mvd");

        assertThat(fromP12.certificate()).isEqualTo(fromPem.certificate());
        assertThat(fromP12.privateKey().getEncoded()).isEqualTo(fromPem.privateKey().getEncoded());
        assertThat(fromP12.chain()).isEqualTo(fromPem.chain());
    }

    @Test
    void ids_areTheKeyEntryAliases() {
        assertThat(new Pkcs12KeySource(GeneratedDevPki.file("gateway-enc-ec.p12"), PASSWORD).ids())
                .containsExactly("gateway-enc-ec");
    }

    @Test
    void write_thenRead_roundTripsAnInMemoryCredential(@TempDir Path dir) throws Exception {
        Credential npu = TestPki.shared().uaNpu();
        Path file = dir.resolve("npu.p12");

        Pkcs12KeySource.write(file, PASSWORD, npu);
        Credential read = new Pkcs12KeySource(file, PASSWORD).credential("ua-npu");

        assertThat(read.chain()).isEqualTo(npu.chain());
        assertThat(read.privateKey().getEncoded()).isEqualTo(npu.privateKey().getEncoded());
    }

    @Test
    void credential_wrongPasswordNamesTheFile() {
        Path file = GeneratedDevPki.file("ua-pgo.p12");

        assertThatThrownBy(() -> new Pkcs12KeySource(file, "wrong".toCharArray()).credential("ua-pgo"))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageContaining(file.toString()).hasMessageContaining("wrong password");
    }

    @Test
    void credential_unknownAliasListsTheEntries() {
        assertThatThrownBy(() -> new Pkcs12KeySource(GeneratedDevPki.file("ua-pgo.p12"), PASSWORD)
                .credential("kz-gpo"))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("entries: [ua-pgo]");
    }

    @Test
    void credential_missingFileNamesIt(@TempDir Path dir) {
        Path missing = dir.resolve("absent.p12");

        assertThatThrownBy(() -> new Pkcs12KeySource(missing, PASSWORD).credential("x"))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
    }
}
