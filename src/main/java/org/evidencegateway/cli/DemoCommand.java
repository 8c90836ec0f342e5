package org.evidencegateway.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evidencegateway.cli.demo.Demo;
import org.evidencegateway.cli.demo.DemoPorts;
import org.evidencegateway.cli.demo.DemoSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evgw demo}: the Ukraine ↔ Kazakhstan MLA exchange end to end on loopback, in this process — the gateway on
 * the development configuration, the reference case systems of both sides, packages over REST and SOAP, two
 * refusals, a case system that is down for a while, and the audit log verified independently at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the gateway and both reference case systems on loopback and play an MLA exchange",
                "between Ukraine and Kazakhstan with synthetic data and the development PKI in certs/: a request,",
                "evidence and a response delivered; a tampered package and a revoked signer refused; a case",
                "system offline until it comes back; the audit log exported, verified and a trail proved.",
                "Exit code 0 if every step turned out as expected."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "target/demo", paramLabel = "DIR",
            description = "Work folder (default: ${DEFAULT-VALUE}); emptied first.")
    Path dir;

    @Option(names = "--certs", defaultValue = "certs", paramLabel = "DIR",
            description = "The development PKI (default: ${DEFAULT-VALUE}).")
    Path certs;

    @Option(names = "--config", defaultValue = "src/main/config/gateway.properties", paramLabel = "FILE",
            description = "Gateway configuration; parties.yaml beside it is the registry (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--port-base", paramLabel = "PORT",
            description = {"Gateway on PORT, management on PORT+1, ua-case and kz-case on PORT+2 and PORT+3;",
                    "0 picks free ports (default: the development ports 8443, 9876, 9443, 9444)."})
    Integer portBase;

    @Option(names = "--image-size", defaultValue = "4", paramLabel = "MIB",
            description = "Size of the disk-image stand-in in MiB (default: ${DEFAULT-VALUE}).")
    int imageMib;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one gateway configuration key (e.g. delivery retry delays); repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--keep-running", description = "Leave the gateway and case systems up until Ctrl-C.")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        DemoPorts ports;
        try {
            ports = portBase == null ? DemoPorts.development() : DemoPorts.from(portBase);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        DemoSetup setup = new DemoSetup(dir, certs, config, ports, (long) imageMib << 20, overrides);
        List<String> failures = Demo.run(setup, spec.commandLine().getOut(), keepRunning);
        return failures.isEmpty() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }
}
