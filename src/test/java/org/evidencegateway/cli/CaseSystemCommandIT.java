package org.evidencegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.evidencegateway.casesystem.CaseSystemServer;
import org.evidencegateway.casesystem.CaseSystemTestPki;
import org.evidencegateway.casesystem.DeliveryStore;
import org.evidencegateway.casesystem.rest.DeliveryHeaders;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.Pkcs12KeySource;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code evgw case-system} started from its options with key files, as an operator would, then delivered to. */
class CaseSystemCommandIT {
    @TempDir
    Path dir;

    @Test
    void caseSystem_servesTheCaseSystemOfTheAgencyGiven_withKeysAndAnchorsFromFiles() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        writeKeys(certs);
        int port = freePort();
        CaseSystemCommand command = new CaseSystemCommand();
        new CommandLine(command).parseArgs("--party", "ua-pgo", "--port", Integer.toString(port),
                "--store", dir.resolve("store").toString(), "--key", certs.resolve("ua-case").toString(),
                "--tls-key", certs.resolve("ua-case-tls.p12").toString(), "--trust", certs.toString(),
                "--client-cert", certs.resolve("gateway-tls.crt.pem").toString());
        TestPackages pkg = CaseSystemTestPki.delivery();

        HttpResponse<String> response;
        try (CaseSystemServer server = command.start()) {
            response = org.evidencegateway.casesystem.CaseSystemTestClients.rest(CaseSystemTestPki.GATEWAY_CLIENT)
                    .send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/deliveries"))
                            .header("Content-Type", "application/pkcs7-mime")
                            .header(DeliveryHeaders.IDEMPOTENCY_KEY, pkg.manifest().packageId().toString())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(pkg.build())).build(),
                            HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"caseSystem\":\"ua-case\"");
        assertThat(dir.resolve("store").resolve(pkg.manifest().packageId().toString())
                .resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE)).exists();
    }

    /**
     * The in-memory test keys as files. The command judges at the real time, so the CRLs are issued afresh; the
     * test certificates are valid around it.
     */
    private static void writeKeys(Path certs) throws IOException {
        TestPki pki = CaseSystemTestPki.PKI;
        Instant now = Instant.now();
        Pem.write(certs.resolve("ua-root-ca.crt.pem"), pki.uaRoot().certificate());
        Pem.write(certs.resolve("kz-root-ca.crt.pem"), pki.kzRoot().certificate());
        Pem.write(certs.resolve("gw-root-ca.crt.pem"), CaseSystemTestPki.GW_ROOT.certificate());
        Pem.write(certs.resolve("ua-root-ca.crl.pem"), TestPki.crl(pki.uaRoot(), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1))));
        Pem.write(certs.resolve("kz-root-ca.crl.pem"), TestPki.crl(pki.kzRoot(), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1))));
        Pem.write(certs.resolve("ua-case.crt.pem"), CaseSystemTestPki.CASE_KEY.certificate());
        Pem.writePrivateKey(certs.resolve("ua-case.key.pem"), CaseSystemTestPki.CASE_KEY.privateKey());
        Pkcs12KeySource.write(certs.resolve("ua-case-tls.p12"), "changeit".toCharArray(), CaseSystemTestPki.CASE_TLS);
        Pem.write(certs.resolve("gateway-tls.crt.pem"), CaseSystemTestPki.GATEWAY_CLIENT.certificate());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
