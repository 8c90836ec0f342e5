package org.evidencegateway.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evidencegateway.audit.format.ExportLayout;
import org.evidencegateway.auditor.AuditorTls;
import org.evidencegateway.auditor.AuditorTrust;
import org.evidencegateway.auditor.ExportVerifier;
import org.evidencegateway.auditor.ProofFileVerifier;
import org.evidencegateway.auditor.RemoteLog;
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

        /**
         * The pinned certificates, or empty if neither is given.
         *
         * @throws CommandLine.ParameterException (a usage error) if only one of the two is given
         */
        Optional<AuditorTrust> given(CommandSpec spec) throws java.io.IOException {
            if (gatewayCert == null && tsaRoot == null) {
                return Optional.empty();
            }
            if (gatewayCert == null || tsaRoot == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give both --gateway-cert and --tsa-root,"
                        + " or neither (then the certificates shipped with the evidence are used, and the report says"
                        + " so): pinning only " + (gatewayCert == null ? "--tsa-root" : "--gateway-cert")
                        + " would still trust the evidence for the other");
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

    /** {@code evgw audit verify DIR | URL}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Independently verify an audit export, or a gateway's log read through its auditor API:",
                    "recompute the tree from the entries, check every checkpoint's signature and timestamp and the",
                    "consistency of successive checkpoints. Exit code 0 = verified, 1 = failed (the first bad entry",
                    "is named), 2 = usage."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR|URL", description = {"An export written by 'evgw audit export',",
                "or a gateway's address (https://gateway:8443): its log is copied through the auditor API first."})
        String source;

        @CommandLine.Mixin
        TrustOptions trust;

        @Option(names = "--key", paramLabel = "PREFIX", description = {"With a URL: the auditor's TLS client key pair",
                "(PREFIX.crt.pem + PREFIX.key.pem, e.g. certs/auditor-tls)."})
        Path key;

        @Option(names = "--tls-root", paramLabel = "PEM",
                description = "With a URL: the root the gateway's TLS server certificate must chain to.")
        Path tlsRoot;

        @Option(names = "--copy-to", paramLabel = "DIR", description = {"With a URL: keep the copied log in DIR (an",
                "export directory, verifiable again offline); by default a temporary copy is deleted."})
        Path copyTo;

        @Override
        public Integer call() throws Exception {
            Optional<AuditorTrust> given = trust.given(spec);
            if (!source.startsWith("https://") && !source.startsWith("http://")) {
                Path dir = Path.of(source);
                return report(spec, new ExportVerifier(given.isPresent() ? given.get() : fromExport(dir)).verify(dir));
            }
            if (given.isEmpty() || key == null || tlsRoot == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "verifying a gateway at a URL needs"
                        + " --key and --tls-root to reach it, and --gateway-cert and --tsa-root obtained"
                        + " independently: the gateway is not trusted for its own certificates");
            }
            Path dir = copyTo != null ? copyTo : Files.createTempDirectory("evgw-audit-");
            try {
                long size = new RemoteLog(URI.create(source), AuditorTls.context(key, tlsRoot)).copyTo(dir);
                spec.commandLine().getOut().printf("copied %d entries from %s%n", size, source);
                return report(spec, new ExportVerifier(given.get()).verify(dir));
            } finally {
                if (copyTo == null) {
                    deleteTree(dir);
                }
            }
        }

        private static void deleteTree(Path dir) throws java.io.IOException {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
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
            return report(spec, new ProofFileVerifier(trust.given(spec)).verify(ProofFileVerifier.read(file)));
        }
    }
}
