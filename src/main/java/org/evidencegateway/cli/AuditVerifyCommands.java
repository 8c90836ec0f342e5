package org.evidencegateway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evidencegateway.audit.format.ExportLayout;
import org.evidencegateway.auditor.AuditorTrust;
import org.evidencegateway.auditor.ExportVerifier;
import org.evidencegateway.auditor.ProofFileVerifier;
import org.evidencegateway.auditor.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The auditor's side of {@code evgw audit}: uses only {@code org.evidencegateway.auditor} and the format package,
 * never the gateway's database or configuration.
 */
final class AuditVerifyCommands {
    private AuditVerifyCommands() {
    }

    /** The certificates an auditor trusts, from independent files. */
    static final class TrustOptions {
        @Option(names = "--gateway-cert", paramLabel = "PEM",
                description = "The gateway's checkpoint-signing certificate, obtained independently.")
        Path gatewayCert;

        @Option(names = "--tsa-root", paramLabel = "PEM", description = "Root certificate of the time-stamping authority.")
        Path tsaRoot;

        Optional<AuditorTrust> given() throws java.io.IOException {
            if (gatewayCert == null || tsaRoot == null) {
                return Optional.empty();
            }
            return Optional.of(new AuditorTrust(AuditorTrust.readPem(gatewayCert).get(0),
                    AuditorTrust.readPem(tsaRoot).get(0), false));
        }
    }

    static int report(CommandSpec spec, VerificationReport report) {
        spec.commandLine().getOut().print(report.text());
        // print() does not flush, and EvgwCommand.main exits right after: the verdict must reach the terminal.
        spec.commandLine().getOut().flush();
        return report.verified() ? CommandLine.ExitCode.OK : EvgwCommand.REFUSED;
    }

    /** {@code evgw audit verify DIR}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Independently verify an audit export: recompute the tree from the entries, check every",
                    "checkpoint's signature and timestamp and the consistency of successive checkpoints.",
                    "Exit code 0 = verified, 1 = failed (the first bad entry is named)."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "An export written by 'evgw audit export'.")
        Path dir;

        @CommandLine.Mixin
        TrustOptions trust;

        @Override
        public Integer call() throws Exception {
            Optional<AuditorTrust> given = trust.given();
            AuditorTrust used = given.isPresent() ? given.get() : fromExport(dir);
            return report(spec, new ExportVerifier(used).verify(dir));
        }

        private static AuditorTrust fromExport(Path dir) throws java.io.IOException {
            X509Certificate signer = AuditorTrust.readPem(dir.resolve(ExportLayout.SIGNER_CERTIFICATES)).get(0);
            Path tsa = dir.resolve(ExportLayout.TSA_CERTIFICATES);
            List<X509Certificate> tsaChain = Files.exists(tsa) ? AuditorTrust.readPem(tsa) : List.of(signer);
            return new AuditorTrust(signer, AuditorTrust.root(tsaChain), true);
        }
    }

    /** {@code evgw audit verify-proof FILE}. */
    @Command(name = "verify-proof", mixinStandardHelpOptions = true,
            description = {"Verify a package proof file offline: checkpoint signature and timestamp, every entry's",
                    "inclusion proof. Exit code 0 = verified, 1 = failed."})
    static final class VerifyProof implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A file written by 'evgw audit prove'.")
        Path file;

        @CommandLine.Mixin
        TrustOptions trust;

        @Override
        public Integer call() throws Exception {
            return report(spec, new ProofFileVerifier(trust.given()).verify(ProofFileVerifier.read(file)));
        }
    }
}
