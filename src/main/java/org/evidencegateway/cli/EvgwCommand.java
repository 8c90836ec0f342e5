package org.evidencegateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code evgw} command line: one subcommand per job. */
@Command(name = "evgw", mixinStandardHelpOptions = true, version = "evgw 0.1.0",
        description = {"Evidence Gateway: build, open and verify signed, encrypted evidence packages",
                "for mutual legal assistance between Ukraine and Kazakhstan.", ""},
        subcommands = {RunCommand.class, CaseSystemCommand.class, DemoCommand.class, PackCommand.class,
                OpenCommand.class, VerifyCommand.class, InspectCommand.class, AuditCommand.class, PkiCommand.class,
                DlqCommand.class},
        footer = {"", "Exit codes: 0 success, 1 package refused (the error code says why), 2 usage error,",
                "3 local failure (a file, key or disk problem on this machine).",
                "Documentation: docs/partner-guide.md, docs/package-format.md, docs/error-codes.md"})
public final class EvgwCommand extends CommandGroup {
    /** A package failed verification. */
    public static final int REFUSED = 1;
    /** Something on this machine failed: I/O, keys, configuration. */
    public static final int LOCAL_FAILURE = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new EvgwCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
