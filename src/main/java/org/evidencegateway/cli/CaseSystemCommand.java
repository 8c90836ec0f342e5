package org.evidencegateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.evidencegateway.archive.ArchiveLimits;
import org.evidencegateway.casesystem.CaseSystemIdentity;
import org.evidencegateway.casesystem.CaseSystemServer;
import org.evidencegateway.casesystem.DeliveryReceiver;
import org.evidencegateway.casesystem.DeliveryStore;
import org.evidencegateway.casesystem.HttpsSettings;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.KeyReferences;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.TrustAnchors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evgw case-system}: runs the reference case-system receiver (docs/case-system-integration.md) until stopped. */
@Command(name = "case-system", mixinStandardHelpOptions = true,
        description = {"Run the reference case-system receiver: REST and SOAP delivery over mutual TLS on one port,",
                "every package opened and verified end to end, stored with a signed acknowledgement.",
                "Contract: docs/case-system-integration.md. Stop with Ctrl-C or SIGTERM."})
public final class CaseSystemCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--party", required = true, paramLabel = "ID",
            description = "The case system (ua-case, kz-case) or an agency it serves (kz-gpo), as in the registry.")
    String party;

    @Option(names = "--parties", paramLabel = "FILE", defaultValue = "src/main/config/parties.yaml",
            description = "Party registry: the case system's country, served agencies and endpoint (default: ${DEFAULT-VALUE}).")
    Path parties;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Where delivered packages are stored, one folder per package id (default: data/<case system>).")
    Path store;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTPS port for both contracts (default: the port of the registered delivery endpoint).")
    Integer port;

    @Option(names = "--key", paramLabel = "KEY",
            description = "The case system's key: decrypts packages, signs acknowledgements; PEM pair prefix or .p12 "
                    + "(default: certs/<case system>).")
    String key;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PKCS#12 with the HTTPS server key (default: certs/<case system>-tls.p12).")
    Path tlsKey;

    @Mixin
    P12Password password;

    @Option(names = "--trust", paramLabel = "DIR", defaultValue = "certs",
            description = "Trust anchors (<code>-root-ca.crt.pem) and CRLs, for signers and TLS clients (default: ${DEFAULT-VALUE}).")
    Path trust;

    @Option(names = "--client-cert", paramLabel = "FILE",
            description = "A TLS client certificate accepted (the gateway's); repeatable (default: certs/gateway-tls.crt.pem).")
    List<Path> clientCerts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CaseSystemServer server;
        try {
            server = start();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        try (server) {
            stopped.await();
        }
        return CommandLine.ExitCode.OK;
    }

    /**
     * Starts the receiver that {@code args} (the options of {@code evgw case-system}) describe, saying where it
     * listens on {@code out}; for the demo, which runs the reference case systems in its own process.
     */
    public static CaseSystemServer start(PrintWriter out, String... args) throws Exception {
        CaseSystemCommand command = new CaseSystemCommand();
        new CommandLine(command).setOut(out).parseArgs(args);
        return command.start();
    }

    /**
     * Starts the receiver the options describe and says where it listens.
     *
     * @throws IllegalArgumentException if {@code --party} names no case system of the registry
     */
    CaseSystemServer start() throws Exception {
        PartyRegistry registry = PartyRegistry.load(parties);
        RegisteredParty caseSystem = CaseSystemIdentity.fromRegistry(registry, party);
        String id = caseSystem.id();
        Credential credential = KeyReferences.load(key == null ? "certs/" + id : key, password.value);
        TrustAnchors anchors = TrustAnchors.load(trust);
        Clock clock = Clock.systemUTC();
        OpeningPolicy policy = new OpeningPolicy(List.of(credential.recipientKey()), anchors,
                registry.signingDelegations(), ArchiveLimits.DEFAULT, clock);
        DeliveryReceiver receiver = new DeliveryReceiver(CaseSystemIdentity.of(caseSystem), credential.signer(), policy,
                new DeliveryStore(store == null ? Path.of("data", id) : store));
        HttpsSettings https = new HttpsSettings(host, port == null ? registeredPort(caseSystem) : port,
                tlsKey == null ? Path.of("certs", id + "-tls.p12") : tlsKey, password.value, clients(), anchors, clock);
        CaseSystemServer server = CaseSystemServer.start(receiver, https);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("case system %s (serves %s) receiving at%n  REST %s%s/deliveries%n  SOAP %s%s%n", id,
                caseSystem.serves(), server.baseUrl(), CaseSystemServer.REST_PATH, server.baseUrl(),
                CaseSystemServer.SOAP_PATH);
        out.flush();
        return server;
    }

    private static int registeredPort(RegisteredParty caseSystem) {
        int registered = caseSystem.delivery().endpoint().getPort();
        return registered > 0 ? registered : 443;
    }

    private List<X509Certificate> clients() {
        List<Path> files = clientCerts.isEmpty() ? List.of(Path.of("certs", "gateway-tls.crt.pem")) : clientCerts;
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try {
                certificates.addAll(Pem.readCertificates(file));
            } catch (IOException e) {
                throw new CodedException(ErrorCode.KEY_UNAVAILABLE, e, "accepted TLS client certificate", file,
                        e.getMessage());
            }
        }
        return certificates;
    }
}
