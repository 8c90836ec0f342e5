package org.evidencegateway.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evidencegateway.audit.AuditExporter;
import org.evidencegateway.audit.AuditLedger;
import org.evidencegateway.audit.PackageProver;
import org.evidencegateway.audit.format.PackageProof;
import org.evidencegateway.config.GatewayConfig;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code evgw audit}: export the audit log, verify an export independently, prove one package's trail, verify
 * such a proof (docs/audit-log.md). Exit codes: 0 verified / done, 1 verification failed, 2 usage, 3 local failure.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The tamper-evident audit log: export, independent verification, per-package proofs.",
        subcommands = {AuditCommand.Export.class, AuditCommand.Prove.class, AuditVerifyCommands.Verify.class,
                AuditVerifyCommands.VerifyProof.class})
public final class AuditCommand extends CommandGroup {
    /** Where the gateway's configuration comes from, as for {@code evgw run}. */
    static final class ConfigOptions {
        @Option(names = "--config", paramLabel = "FILE", defaultValue = "src/main/config/gateway.properties",
                description = "Gateway configuration (default: ${DEFAULT-VALUE}): the database, keys and origin.")
        Path file;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key; repeatable.")
        Map<String, String> overrides = new LinkedHashMap<>();

        GatewayConfig load() throws java.io.IOException {
            Map<String, String> settings = GatewayConfig.read(file);
            settings.putAll(overrides);
            return GatewayConfig.from(settings);
        }

        HikariDataSource database(GatewayConfig config) {
            return Database.open(config.get(GatewayConfig.DB_URL), config.get(GatewayConfig.DB_USER),
                    config.get(GatewayConfig.DB_PASSWORD));
        }
    }

    /** {@code evgw audit export --out DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write entries, checkpoints, timestamps and certificates for an auditor into DIR.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions options;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (created).")
        Path out;

        @Override
        public Integer call() throws Exception {
            GatewayConfig config = options.load();
            try (HikariDataSource db = options.database(config); Connection c = db.getConnection()) {
                AuditLedger ledger = AuditLedger.from(config, db, Clock.systemUTC());
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                long size = new AuditExporter(ledger.signer(), Clock.systemUTC()).export(c, out);
                c.commit();
                spec.commandLine().getOut().printf("exported %d entries to %s%n", size, out);
            }
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code evgw audit prove PACKAGE_ID --out FILE}. */
    @Command(name = "prove", mixinStandardHelpOptions = true,
            description = {"Write a self-contained proof of one package's audit trail: its entries, their inclusion",
                    "proofs against the latest checkpoint (issued now if entries are not yet covered), the",
                    "checkpoint, its timestamp and the certificates. Check it with 'evgw audit verify-proof'."})
    static final class Prove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions options;

        @Parameters(index = "0", paramLabel = "PACKAGE_ID", description = "The package's UUID.")
        String packageId;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Proof file to write (JSON).")
        Path out;

        @Override
        public Integer call() throws Exception {
            GatewayConfig config = options.load();
            try (HikariDataSource db = options.database(config)) {
                AuditLedger ledger = AuditLedger.from(config, db, Clock.systemUTC());
                ledger.scheduler().issueNow();
                PackageProof proof;
                try (Connection c = db.getConnection()) {
                    proof = new PackageProver(ledger.signer()).prove(c, packageId);
                } catch (IllegalStateException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return EvgwCommand.LOCAL_FAILURE;
                }
                Files.write(out, CanonicalJson.bytes(proof));
                PrintWriter w = spec.commandLine().getOut();
                w.printf("proof of %d entries of package %s written to %s%n", proof.entries().size(), packageId, out);
            }
            return CommandLine.ExitCode.OK;
        }
    }
}
