package org.evidencegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PkiCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void init_withForceOverwritesAnExistingSetAndListsTheFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ua-root-ca.crt.pem"), "existing");

        int exit = run("init", "--dir", dir.toString(), "--force");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(dir.resolve("ua-pgo.p12")).isRegularFile();
        assertThat(Files.readString(dir.resolve("ua-root-ca.crt.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(out.toString()).contains("DEVELOPMENT-ONLY", "ua-root-ca.crl.pem", "ua-npu-revoked");
    }

    @Test
    void init_refusesToOverwriteAnExistingSetWithoutForce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ua-root-ca.crt.pem"), "existing");

        int exit = run("init", "--dir", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("refusing to overwrite without --force");
        assertThat(dir.resolve("ua-root-ca.crt.pem")).hasContent("existing");
    }

    @Test
    void init_rejectsUnknownOptionAsUsageError() {
        assertThat(run("init", "--bogus")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    private int run(String... args) {
        return new CommandLine(new PkiCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }
}
