package org.evidencegateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.evidencegateway.pki.DevPki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evgw pki}: manages the development PKI (exit codes: 0 success, 1 failure, 2 usage error). */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = "Development PKI: roots, agency, gateway and TLS certificates, CRLs. DEVELOPMENT ONLY.",
        subcommands = {PkiCommand.Init.class, PkiCommand.Issue.class})
public final class PkiCommand extends CommandGroup {
    /** {@code evgw pki init}: generates a fresh development PKI into a directory. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Generate a complete development PKI (unencrypted keys, p12 password 'changeit').")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", defaultValue = "certs", paramLabel = "DIR",
                description = "Directory to write into (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(names = "--force", description = "Overwrite an existing set in DIR.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Path> existing = DevPki.existingFiles(dir);
            if (!existing.isEmpty() && !force) {
                err.printf("%s already holds a PKI (%d files, e.g. %s); refusing to overwrite without --force%n",
                        dir, existing.size(), existing.get(0).getFileName());
                return CommandLine.ExitCode.SOFTWARE;
            }
            List<Path> written = DevPki.generate(dir, Instant.now());
            out.printf("Generated a DEVELOPMENT-ONLY PKI in %s (%d files, PKCS#12 password '%s'):%n",
                    dir, written.size(), DevPki.P12_PASSWORD);
            written.forEach(f -> out.println("  " + f.getFileName()));
            out.printf("Expected to fail validation: %s (revoked, keyCompromise), %s (expired)%n",
                    DevPki.REVOKED, DevPki.EXPIRED);
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code evgw pki issue NAME}: one party of the development PKI, below its root's committed key. */
    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = {"Issue one party of the development PKI alone (e.g. one added to it later), below the",
                    "root certificate and key already in DIR; the other files stay as they are."})
    static final class Issue implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The party's file name, e.g. operator-tls.")
        String name;

        @Option(names = "--dir", defaultValue = "certs", paramLabel = "DIR",
                description = "Directory holding the roots (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Override
        public Integer call() throws IOException {
            List<Path> written;
            try {
                written = DevPki.issue(dir, name, Instant.now());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            spec.commandLine().getOut().printf("Issued %s in %s: %s%n", name, dir,
                    written.stream().map(f -> f.getFileName().toString()).toList());
            return CommandLine.ExitCode.OK;
        }
    }
}
