package org.evidencegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a prosecutor's IT officer uses it, with the development PKI in certs/. */
class EvgwCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int evgw(String... args) {
        CommandLine cli = EvgwCommand.commandLine();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path pack(String signer, String name) throws Exception {
        Path evidence = Files.createDirectories(dir.resolve("evidence-" + name));
        Files.writeString(evidence.resolve("subscribers.csv"), "msisdn\n+7-700-000-0001\n");
        Path pkg = dir.resolve(name + ".p7m");
        int exit = evgw("pack", "--evidence", evidence.toString(), "--kind", "EVIDENCE", "--from", "kz-mvd",
                "--to", "ua-pgo", "--case-reference", "KZ-TEST-0001", "--related",
                "00000000-0000-4000-8000-00000000a001", "--legal-basis", "KZ_UA_TREATY_2018", "--subject",
                "Synthetic subscriber records", "--signer", "certs/" + signer,
                "--recipient", "certs/gateway-enc-ec.crt.pem", "--out", pkg.toString());
        assertThat(exit).as(err.toString()).isZero();
        return pkg;
    }

    @Test
    void packThenOpen_extractsTheEvidence_andExitsZero() throws Exception {
        Path pkg = pack("kz-mvd", "valid");

        int exit = evgw("open", pkg.toString(), "--out", dir.resolve("out").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("VALID package", "kz-mvd", "evidence/subscribers.csv");
        try (var folders = Files.list(dir.resolve("out"))) {
            Path folder = folders.findFirst().orElseThrow();
            assertThat(Files.readString(folder.resolve("evidence/subscribers.csv"))).contains("+7-700-000-0001");
        }
    }

    @Test
    void verify_exitsOne_withTheErrorCode_whenSignerCertificateIsExpired() throws Exception {
        Path pkg = pack("kz-mvd-expired", "expired");

        int exit = evgw("verify", pkg.toString(), "--json");

        assertThat(exit).isEqualTo(EvgwCommand.REFUSED);
        assertThat(out.toString()).contains("\"verdict\" : \"REFUSED\"", "EGW-TRUST-002");
    }

    @Test
    void verify_exitsThree_whenTheDecryptionKeyIsMissing() throws Exception {
        Path pkg = pack("kz-mvd", "nokey");

        int exit = evgw("verify", pkg.toString(), "--key", "certs/no-such-key");

        assertThat(exit).isEqualTo(EvgwCommand.LOCAL_FAILURE);
        assertThat(err.toString()).contains("no-such-key").doesNotContain("\tat ");
    }

    @Test
    void withoutSubcommand_printsUsage_andExitsTwo() {
        assertThat(evgw()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("pack", "open", "verify", "inspect", "pki");
    }
}
