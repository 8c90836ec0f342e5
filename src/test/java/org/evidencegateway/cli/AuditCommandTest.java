package org.evidencegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.audit.AuditEvent;
import org.evidencegateway.audit.AuditEventType;
import org.evidencegateway.audit.JdbcAuditLog;
import org.evidencegateway.audit.LedgerKeys;
import org.evidencegateway.store.Database;
import org.evidencegateway.store.Transactions;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code evgw audit} end to end on an H2 file database, with keys generated in memory and written to a folder. */
class AuditCommandTest {
    private static final UUID PACKAGE = new UUID(0x5eed, 1);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int evgw(String... args) {
        CommandLine cli = EvgwCommand.commandLine();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path setUp() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        write(keys, LedgerKeys.shared().gateway());
        write(keys, LedgerKeys.shared().tsa());
        Pem.write(keys.resolve("root.crt.pem"), LedgerKeys.shared().root().certificate());
        String url = "jdbc:h2:file:" + dir.resolve("db/gateway").toAbsolutePath();
        Path config = dir.resolve("gateway.properties");
        Files.writeString(config, String.join("\n",
                "gateway.db.url = " + url,
                "gateway.db.user = sa",
                "gateway.evidence-key = " + keys.resolve("gateway"),
                "gateway.audit.tsa.key = " + keys.resolve("tsa"),
                "gateway.audit.origin = " + LedgerKeys.ORIGIN, ""));
        try (HikariDataSource db = Database.open(url, "sa", "")) {
            Transactions tx = new Transactions(db);
            JdbcAuditLog log = new JdbcAuditLog();
            for (int i = 0; i < 9; i++) {
                UUID pkg = i % 3 == 1 ? PACKAGE : new UUID(0x5eed, 100 + i);
                AuditEvent e = new AuditEvent(AuditEventType.values()[i % 4], Instant.parse("2026-03-01T10:00:00Z")
                        .plusSeconds(i), pkg, "kz-mvd", Map.of("packageSha256", String.format("%064x", i)));
                tx.inTransaction(c -> log.append(c, e));
            }
        }
        return config;
    }

    @Test
    void proveExportAndVerify_roundTrip_andATamperedProofFileIsRefusedNamingItsEntry() throws Exception {
        Path config = setUp();
        Path proof = dir.resolve("proof.json");
        Path export = dir.resolve("export");
        String[] trust = {"--gateway-cert", dir.resolve("keys/gateway.crt.pem").toString(),
                "--tsa-root", dir.resolve("keys/root.crt.pem").toString()};

        assertThat(evgw("audit", "prove", PACKAGE.toString(), "--out", proof.toString(), "--config", config.toString()))
                .as(err.toString()).isZero();
        assertThat(evgw("audit", "export", "--out", export.toString(), "--config", config.toString()))
                .as(err.toString()).isZero();
        assertThat(evgw("audit", "verify", export.toString(), trust[0], trust[1], trust[2], trust[3]))
                .as(out.toString()).isZero();
        assertThat(out.toString()).contains("VERIFIED: 9 entries, 1 checkpoints (1 timestamped)");
        assertThat(evgw("audit", "verify-proof", proof.toString(), trust[0], trust[1], trust[2], trust[3]))
                .as(out.toString()).isZero();

        String json = Files.readString(proof, StandardCharsets.UTF_8);
        Files.writeString(proof, json.replace("PACKAGE_RECEIVED", "PACKAGE_REJECTED"), StandardCharsets.UTF_8);
        out.getBuffer().setLength(0);

        assertThat(evgw("audit", "verify-proof", proof.toString(), trust[0], trust[1], trust[2], trust[3]))
                .isEqualTo(EvgwCommand.REFUSED);
        assertThat(out.toString()).contains("FAILED", "first bad entry: 4", "entry 4: inclusion proof of leaf 4 in tree size 9");
    }

    @Test
    void verifyAndVerifyProof_withOnlyOneOfThePinnedCertificates_areUsageErrors() throws Exception {
        Path config = setUp();
        Path proof = dir.resolve("proof.json");
        Path export = dir.resolve("export");
        assertThat(evgw("audit", "prove", PACKAGE.toString(), "--out", proof.toString(), "--config", config.toString()))
                .as(err.toString()).isZero();
        assertThat(evgw("audit", "export", "--out", export.toString(), "--config", config.toString()))
                .as(err.toString()).isZero();

        assertThat(evgw("audit", "verify", export.toString(), "--gateway-cert",
                dir.resolve("keys/gateway.crt.pem").toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(evgw("audit", "verify-proof", proof.toString(), "--tsa-root",
                dir.resolve("keys/root.crt.pem").toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("give both --gateway-cert and --tsa-root, or neither")
                .contains("pinning only --gateway-cert").contains("pinning only --tsa-root");
        assertThat(out.toString()).doesNotContain("VERIFIED");
    }

    private static void write(Path keys, Credential credential) throws Exception {
        Pem.write(keys.resolve(credential.id() + ".crt.pem"), credential.certificate());
        Pem.writePrivateKey(keys.resolve(credential.id() + ".key.pem"), credential.privateKey());
    }
}
