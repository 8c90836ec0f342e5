package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.interop.ExternalTool;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.runtime.GatewayState.QueuedMessage;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REST ingest through real HTTPS with client certificates, a real embedded Artemis and a real H2 database: what a
 * partner sees for valid packages, for packages it may not submit, for repeated ones and for its queries. Every test
 * uses a package id of its own, so the tests share one gateway.
 */
class RestIngestIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String UA_QUEUE = "evgw.deliver.ua-case";
    static final String KZ_QUEUE = "evgw.deliver.kz-case";

    @TempDir
    static Path dir;
    static TestGateway gateway;
    static GatewayState state;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(dir);
        state = new GatewayState(gateway);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void submit_acceptsKazakhPackage_queuesClaimCheckForUkrainianCaseSystem() throws Exception {
        // Given a valid package from kz-gpo to ua-pgo
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id).build();

        // When kz-gpo submits it
        HttpResponse<String> response = gateway.submit("kz-gpo", pkg);

        // Then it is accepted with a signed SubmissionAcceptance, and its claim check waits on ua-case's queue
        assertAccepted(response, id, pkg);
        assertClaimCheck(UA_QUEUE, id, pkg, "ua-pgo/TEST-KZ-0000-0001");
    }

    @Test
    void submit_acceptsUkrainianPackage_queuesClaimCheckForKazakhCaseSystem() throws Exception {
        // Given a valid package from ua-pgo to kz-gpo
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.validFromUkraine().packageId(id).build();

        // When ua-pgo submits it
        HttpResponse<String> response = gateway.submit("ua-pgo", pkg);

        // Then it is accepted, and its claim check waits on kz-case's queue
        assertAccepted(response, id, pkg);
        assertClaimCheck(KZ_QUEUE, id, pkg, "kz-gpo/TEST-UA-0000-0001");
    }

    @Test
    void submit_receipt_verifiesWithStockOpenSsl() throws Exception {
        // Given the receipt of an accepted package, written out as DER
        UUID id = UUID.randomUUID();
        HttpResponse<String> response = gateway.submit("kz-gpo", TestPackages.valid().packageId(id).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Path receipt = dir.resolve("receipt-" + id + ".p7s");
        Files.write(receipt, Base64.getDecoder().decode(JSON.readTree(response.body()).get("signedEvidence").asText()));

        // When openssl verifies it against the gateway operator's root alone
        ExternalTool.Result verified = ExternalTool.openssl("cms", "-verify", "-inform", "DER", "-in",
                receipt.toString(), "-CAfile", dir.resolve("pki/gw-root-ca.crt.pem").toString(), "-purpose", "any");

        // Then it verifies and the signed statement is the acceptance of this package
        verified.requireSuccess();
        assertThat(verified.stderr()).contains("Verification successful");
        JsonNode statement = JSON.readTree(verified.stdout());
        assertThat(statement.get("evidenceType").asText()).isEqualTo("SubmissionAcceptance");
        assertThat(statement.get("packageId").asText()).isEqualTo(id.toString());
    }

    @Test
    void submit_withCurl_isAcceptedAndQueued() throws Exception {
        // Given a package in a file, and ua-pgo's TLS client certificate and key as PEM files
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.validFromUkraine().packageId(id).build();
        Path file = Files.write(dir.resolve("curl-" + id + ".p7m"), pkg);
        GatewayTestPki.PemClient client = GatewayTestPki.writePemClient(GatewayTestPki.TLS_CLIENTS.get("ua-pgo"),
                dir.resolve("curl-client"));
        Path body = dir.resolve("curl-" + id + ".json");

        // When curl posts it
        ExternalTool.Result curl = ExternalTool.run(java.util.Map.of(), List.of("curl", "--silent", "--show-error",
                "--max-time", "50", "--cert", client.certificate().toString(), "--key", client.privateKey().toString(),
                "--cacert", dir.resolve("pki/gw-root-ca.crt.pem").toString(),
                "-H", "Content-Type: application/pkcs7-mime", "--data-binary", "@" + file,
                "-o", body.toString(), "-w", "%{http_code}", gateway.uri("/api/v1/packages").toString()));

        // Then the gateway accepts it like any other client's, and queues it
        curl.requireSuccess();
        assertThat(curl.stdout()).as(Files.readString(body)).isEqualTo("202");
        JsonNode receipt = JSON.readTree(Files.readString(body));
        assertThat(receipt.get("packageId").asText()).isEqualTo(id.toString());
        assertThat(receipt.get("packageSha256").asText()).isEqualTo(sha256(pkg));
        assertThat(gateway.evidence(receipt).evidenceType()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
        assertClaimCheck(KZ_QUEUE, id, pkg, "kz-gpo/TEST-UA-0000-0001");
    }

    @Test
    void tls_refusesClientCertificateRegisteredForNoParty_inTheHandshake() {
        // Given a client certificate issued by a trusted root but registered for no party
        var client = TestGateway.client(GatewayTestPki.UNREGISTERED_CLIENT);

        // When it submits, Then the TLS handshake fails: the client never gets an HTTP answer
        assertHandshakeRefused(() -> client.send(submitRequest(TestPackages.valid().packageId(UUID.randomUUID())
                .build()), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void tls12_refusesClientCertificateRegisteredForNoParty_beforeTheHandshakeCompletes() throws Exception {
        // Given a TLS 1.2 client (the server checks the client's certificate before its own Finished message)
        var tls = TestGateway.tls(GatewayTestPki.UNREGISTERED_CLIENT);
        try (var socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                .createSocket("localhost", gateway.uri("/").getPort())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setSoTimeout(10_000);

            // When it shakes hands, Then the handshake itself fails, before any request could be sent
            assertHandshakeRefused(socket::startHandshake);
        }
    }

    @Test
    void tls_refusesClientWithoutCertificate_inTheHandshake() {
        // Given a client that presents no certificate
        var client = TestGateway.client((org.evidencegateway.trust.Credential) null);

        // When it asks for anything, Then the TLS handshake fails
        assertHandshakeRefused(() -> client.send(HttpRequest.newBuilder(gateway.uri("/api/v1/openapi.yaml")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void submit_refusesPartySubmittingForAnotherAgency_withAuth003() throws Exception {
        // Given a package signed by kz-gpo and naming kz-gpo as its sender
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id).build();

        // When kz-mvd's TLS client submits it
        HttpResponse<String> response = gateway.submit("kz-mvd", pkg);

        // Then it is refused as impersonation, with a signed rejection, and nothing is queued
        assertRefused(response, ErrorCode.AUTH_IMPERSONATION, id);
    }

    @Test
    void submit_refusesRecipientTheSenderMayNotAddress_withAuth004() throws Exception {
        // Given kz-gpo's package addressed to kz-mvd, which kz-gpo may not address
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id)
                .manifest(m -> m.toBuilder().recipient(new Party(Country.KZ, "kz-mvd")).build()).build();

        // When kz-gpo submits it
        HttpResponse<String> response = gateway.submit("kz-gpo", pkg);

        // Then it is refused for its recipient
        assertRefused(response, ErrorCode.AUTH_RECIPIENT, id);
    }

    @Test
    void submit_sameBytesTwice_answersTheOriginalReceipt_andQueuesOnce() throws Exception {
        // Given a package accepted once
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id).build();
        HttpResponse<String> first = gateway.submit("kz-gpo", pkg);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);

        // When the same bytes are submitted again
        HttpResponse<String> second = gateway.submit("kz-gpo", pkg);

        // Then the answer is 200 with the very same acceptance, and the queue holds the package once
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode again = JSON.readTree(second.body());
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(gateway.evidence(again).evidenceId()).isEqualTo(gateway.evidence(JSON.readTree(first.body()))
                .evidenceId());
        assertThat(messagesFor(UA_QUEUE, id)).hasSize(1);
    }

    @Test
    void submit_samePackageIdWithOtherBytes_isAConflict_andQueuesOnce() throws Exception {
        // Given a package accepted once
        UUID id = UUID.randomUUID();
        HttpResponse<String> first = gateway.submit("kz-gpo", TestPackages.valid().packageId(id).build());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);

        // When a package with the same id but other bytes is submitted
        HttpResponse<String> second = gateway.submit("kz-gpo", TestPackages.valid().packageId(id)
                .item("evidence/extra.txt", "another item".getBytes(StandardCharsets.UTF_8)).build());

        // Then it is refused as a conflict, and the queue still holds the first one only
        assertProblem(second, ErrorCode.REQ_CONFLICT);
        assertThat(messagesFor(UA_QUEUE, id)).hasSize(1);
    }

    @Test
    void submit_refusesPackageSignedThirtyDaysAgo_asPossibleReplay() throws Exception {
        // Given a package signed 30 days before the gateway's clock (the window is 7 days)
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id).signedAt(TestPki.NOW.minus(Duration.ofDays(30))).build();

        // When it is submitted
        HttpResponse<String> response = gateway.submit("kz-gpo", pkg);

        // Then it is refused as a replay
        assertRefused(response, ErrorCode.REQ_REPLAY, id);
    }

    @Test
    void status_isVisibleToSenderRecipientCaseSystemAndAuditor_withItsTimeline() throws Exception {
        // Given an accepted package from kz-gpo to ua-pgo
        UUID id = UUID.randomUUID();
        assertThat(gateway.submit("kz-gpo", TestPackages.valid().packageId(id).build()).statusCode()).isEqualTo(202);

        for (String reader : List.of("kz-gpo", "ua-pgo", "ua-case", "auditor")) {
            // When a party entitled to read it asks for its status
            HttpResponse<String> response = gateway.get(reader, "/api/v1/packages/" + id);

            // Then it sees the package received, then accepted
            assertThat(response.statusCode()).as(reader + ": " + response.body()).isEqualTo(200);
            JsonNode view = JSON.readTree(response.body());
            assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
            List<String> timeline = new ArrayList<>();
            view.get("timeline").forEach(event -> timeline.add(event.get("status").asText()));
            assertThat(timeline).as(reader).containsExactly("RECEIVED", "ACCEPTED");
        }
    }

    @Test
    void status_ofAnotherAgencysPackage_isNotFound() throws Exception {
        // Given an accepted package from kz-gpo to ua-pgo
        UUID id = UUID.randomUUID();
        assertThat(gateway.submit("kz-gpo", TestPackages.valid().packageId(id).build()).statusCode()).isEqualTo(202);

        for (String stranger : List.of("ua-npu", "kz-mvd", "kz-case")) {
            // When an agency that is neither its sender nor its recipient asks for its status or evidences
            // Then the package does not exist for it
            assertProblem(gateway.get(stranger, "/api/v1/packages/" + id), ErrorCode.AUTH_NOT_VISIBLE);
            assertProblem(gateway.get(stranger, "/api/v1/packages/" + id + "/evidences"), ErrorCode.AUTH_NOT_VISIBLE);
        }
    }

    @Test
    void evidences_returnTheSubmissionAcceptance() throws Exception {
        // Given an accepted package
        UUID id = UUID.randomUUID();
        HttpResponse<String> submitted = gateway.submit("kz-gpo", TestPackages.valid().packageId(id).build());
        Evidence acceptance = gateway.evidence(JSON.readTree(submitted.body()));

        // When its recipient asks for its evidences
        HttpResponse<String> response = gateway.get("ua-pgo", "/api/v1/packages/" + id + "/evidences");

        // Then it gets the signed acceptance the sender got
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode evidences = JSON.readTree(response.body()).get("evidences");
        assertThat(evidences).hasSize(1);
        Evidence listed = gateway.evidence(evidences.get(0));
        assertThat(listed.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
        assertThat(listed.evidenceId()).isEqualTo(acceptance.evidenceId());
    }

    @Test
    void openApi_isServed() throws Exception {
        // When a partner asks for the API description
        HttpResponse<String> response = gateway.get("ua-pgo", "/api/v1/openapi.yaml");

        // Then it gets the OpenAPI document
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(response.body()).startsWith("openapi: 3").contains("/packages/{packageId}/evidences");
    }

    // ---------------------------------------------------------------------------------------------------------------

    static HttpRequest submitRequest(byte[] pkg) {
        return HttpRequest.newBuilder(gateway.uri("/api/v1/packages")).header("Content-Type", "application/pkcs7-mime")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pkg)).build();
    }

    void assertAccepted(HttpResponse<String> response, UUID id, byte[] pkg) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.get("packageId").asText()).isEqualTo(id.toString());
        assertThat(receipt.get("packageSha256").asText()).isEqualTo(sha256(pkg));
        Evidence evidence = gateway.evidence(receipt);
        assertThat(evidence.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
        assertThat(evidence.packageId()).isEqualTo(id);
        assertThat(evidence.packageSha256()).isEqualTo(sha256(pkg));
    }

    void assertClaimCheck(String queue, UUID id, byte[] pkg, String group) throws Exception {
        List<QueuedMessage> messages = messagesFor(queue, id);
        assertThat(messages).as("claim checks of %s on %s", id, queue).hasSize(1);
        QueuedMessage message = messages.get(0);
        JsonNode check = message.claimCheck();
        assertThat(check.get("packageSha256").asText()).isEqualTo(sha256(pkg));
        assertThat(check.get("packageSize").asLong()).isEqualTo(pkg.length);
        String storeRef = check.get("storeRef").asText();
        Path stored = gateway.dataDir().resolve("store/packages").resolve(storeRef);
        assertThat(stored).as("the package the claim check points to").exists();
        assertThat(Files.readAllBytes(stored)).isEqualTo(pkg);
        assertThat(message.groupId()).isEqualTo(group);
        // The message is the claim check, not the HTTP request: none of the request's headers travel with it.
        assertThat(message.properties().keySet().stream()
                .filter(name -> !name.startsWith("JMS") && !name.startsWith("_AMQ") && !name.startsWith("__AMQ")))
                .as("application properties of the claim check message %s", message.properties())
                .containsExactlyInAnyOrder("evgwDestination", "evgwPackageId");
    }

    static List<QueuedMessage> messagesFor(String queue, UUID id) throws Exception {
        return state.browse(queue).stream().filter(m -> m.packageId().equals(id.toString())).toList();
    }

    void assertRefused(HttpResponse<String> response, ErrorCode code, UUID id) throws Exception {
        JsonNode problem = assertProblem(response, code);
        Evidence rejection = gateway.evidence(problem);
        assertThat(rejection.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_REJECTION);
        assertThat(rejection.reasonCode()).isEqualTo(code.code());
        assertThat(messagesFor(UA_QUEUE, id)).isEmpty();
        assertThat(messagesFor(KZ_QUEUE, id)).isEmpty();
        assertThat(gateway.dataDir().resolve("store/packages").resolve(id + ".p7m")).doesNotExist();
    }

    static JsonNode assertProblem(HttpResponse<String> response, ErrorCode code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(code.httpStatus());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code.code());
        assertThat(problem.get("status").asInt()).isEqualTo(code.httpStatus());
        return problem;
    }

    /**
     * The client gets no HTTP answer, only a TLS failure. Under TLS 1.3 the client sends its request before the
     * server has checked the client's certificate, so the server's refusal reaches the client either as the
     * bad_certificate alert (an {@link SSLException}) or, when the server closes with the request unread, as a
     * connection reset; either way no HTTP response exists.
     */
    static void assertHandshakeRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IOException.class).satisfies(e -> assertThat(causes(e))
                .as("an SSLException or a connection reset in the cause chain of %s", e)
                .anyMatch(t -> t instanceof SSLException || t instanceof SocketException));
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
