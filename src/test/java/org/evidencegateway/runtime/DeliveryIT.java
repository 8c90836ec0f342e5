package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.casesystem.DeliveryStore;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.receive.ClaimCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery end to end: packages submitted to a real gateway reach real reference receivers — ua-case over REST,
 * kz-case over SOAP — over mutual TLS; the sender sees the Delivery evidence, or the NonDelivery evidence when the
 * case system refuses the package for good. Every test uses a package id of its own, so they share one gateway.
 */
class DeliveryIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestCaseSystem uaCase;
    static TestCaseSystem kzCase;
    static TestGateway gateway;
    static GatewayState state;

    @BeforeAll
    static void start() throws Exception {
        uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case")).start();
        kzCase = TestCaseSystem.prepare("kz-case", dir.resolve("kz-case")).start();
        gateway = TestGateway.delivering(dir.resolve("gateway"),
                Map.of("ua-case", uaCase.endpoint(), "kz-case", kzCase.endpoint()), Map.of());
        state = new GatewayState(gateway);
    }

    @AfterAll
    static void stop() throws Exception {
        TestGateway.close(gateway, uaCase, kzCase);
    }

    @Test
    void rest_deliversKazakhPackageToUkrainianCaseSystem_andTheSenderSeesTheDeliveryEvidence() throws Exception {
        // Given a valid package from kz-gpo to ua-pgo (ua-case takes REST deliveries)
        UUID id = UUID.randomUUID();
        TestPackages pkg = TestPackages.valid().packageId(id);

        // When kz-gpo submits it, Then it is delivered: the receiver stored it with the sender's content, and the
        // sender sees it delivered
        assertSubmittedAndDelivered(gateway, uaCase, "kz-gpo", id, pkg);
        // (ingest records the acceptance after queueing, so delivery may record its first step before it)
        assertThat(timeline("kz-gpo", id)).containsExactlyInAnyOrder("RECEIVED", "ACCEPTED", "DELIVERING", "DELIVERED")
                .containsSubsequence("RECEIVED", "DELIVERING", "DELIVERED");
    }

    @Test
    void soap_deliversUkrainianPackageToKazakhCaseSystem_andTheSenderSeesTheDeliveryEvidence() throws Exception {
        // Given a valid package from ua-pgo to kz-gpo (kz-case takes SOAP deliveries)
        UUID id = UUID.randomUUID();
        TestPackages pkg = TestPackages.validFromUkraine().packageId(id);

        // When ua-pgo submits it, Then it is delivered over SOAP likewise
        assertSubmittedAndDelivered(gateway, kzCase, "ua-pgo", id, pkg);
    }

    @Test
    void permanentRefusal_isNotRetried_andTheSenderSeesTheNonDeliveryEvidenceWithTheCaseSystemsCode() throws Exception {
        // Given a package for ua-npu, which the registry says ua-case serves but the case system itself does not
        UUID id = UUID.randomUUID();
        long before = state.lastAuditSeq();
        byte[] pkg = TestPackages.valid().packageId(id)
                .manifest(m -> m.toBuilder().recipient(new Party(Country.UA, "ua-npu")).build()).build();

        // When kz-gpo submits it
        assertThat(gateway.submit("kz-gpo", pkg).statusCode()).isEqualTo(202);

        // Then the case system's refusal (403 EGW-DLV-002) ends it: DELIVERY_FAILED after one attempt, NonDelivery,
        // and the claim check on the destination's dead-letter queue
        assertThat(awaitFinalStatus("kz-gpo", id)).isEqualTo("DELIVERY_FAILED");
        Evidence nonDelivery = evidence("kz-gpo", id, EvidenceType.NON_DELIVERY);
        assertThat(nonDelivery.reasonCode()).isEqualTo("EGW-DLV-002");
        assertThat(nonDelivery.reasonMessage()).contains("ua-npu");
        assertThat(uaCase.stored(id)).doesNotExist();
        List<String> events = state.auditAfter(before).stream().filter(r -> id.toString().equals(r.packageId()))
                .map(GatewayState.AuditRow::eventType).toList();
        assertThat(events).containsSubsequence("DELIVERY_ATTEMPTED", "PACKAGE_NOT_DELIVERED")
                .containsOnlyOnce("DELIVERY_ATTEMPTED");
        String deadLetters = BrokerSettings.deadLetterQueue(ClaimCheck.queueFor("ua-case"));
        state.awaitQueued(deadLetters, id);
        assertThat(state.browse(deadLetters)).extracting(GatewayState.QueuedMessage::packageId)
                .containsOnlyOnce(id.toString());
    }

    /** Polls the package's status as {@code party} until delivery ends, for at most a minute. */
    static String awaitFinalStatus(TestGateway gateway, String party, UUID id) throws Exception {
        return awaitFinalStatus(gateway, party, id, Duration.ofSeconds(60));
    }

    /** Polls the package's status as {@code party} until delivery ends, for at most {@code patience}. */
    static String awaitFinalStatus(TestGateway gateway, String party, UUID id, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        String status;
        do {
            Thread.sleep(200);
            HttpResponse<String> response = gateway.get(party, "/api/v1/packages/" + id);
            status = JSON.readTree(response.body()).path("status").asText();
        } while (!status.equals("DELIVERED") && !status.equals("DELIVERY_FAILED") && Instant.now().isBefore(deadline));
        return status;
    }

    /** The evidence of {@code type} listed for the package, its signature verified. */
    static Evidence evidence(TestGateway gateway, String party, UUID id, EvidenceType type) throws Exception {
        HttpResponse<String> response = gateway.get(party, "/api/v1/packages/" + id + "/evidences");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Evidence> found = new ArrayList<>();
        JSON.readTree(response.body()).get("evidences").forEach(e -> found.add(gateway.evidence(e)));
        assertThat(found).extracting(Evidence::evidenceType).containsOnlyOnce(type);
        return found.stream().filter(e -> e.evidenceType() == type).findFirst().orElseThrow();
    }

    private static String awaitFinalStatus(String party, UUID id) throws Exception {
        return awaitFinalStatus(gateway, party, id);
    }

    private static Evidence evidence(String party, UUID id, EvidenceType type) throws Exception {
        return evidence(gateway, party, id, type);
    }

    private static List<String> timeline(String party, UUID id) throws Exception {
        JsonNode view = JSON.readTree(gateway.get(party, "/api/v1/packages/" + id).body());
        List<String> timeline = new ArrayList<>();
        view.get("timeline").forEach(event -> timeline.add(event.get("status").asText()));
        return timeline;
    }

    /** The receiver stored the package and extracted the sender's manifest and items, byte for byte. */
    static void assertStoredWithContent(TestCaseSystem caseSystem, UUID id, TestPackages pkg) throws Exception {
        Path folder = caseSystem.stored(id);
        assertThat(folder.resolve(DeliveryStore.PACKAGE_FILE)).exists();
        assertThat(folder.resolve("content/manifest.json")).hasBinaryContent(pkg.manifestBytes());
        for (var item : pkg.manifest().items()) {
            Path stored = folder.resolve("content").resolve(item.path());
            assertThat(Sha256.hex(Files.readAllBytes(stored))).as(item.path()).isEqualTo(item.sha256());
        }
    }

    /** The Delivery evidence is listed, verifies, and names the acknowledgement the case system stored. */
    /**
     * Submits {@code pkg} as {@code party}: accepted, then delivered to {@code caseSystem} with the sender's content,
     * and the sender sees the RelayAcceptance and the Delivery evidence with the acknowledgement's digest.
     */
    static void assertSubmittedAndDelivered(TestGateway gateway, TestCaseSystem caseSystem, String party, UUID id,
                                            TestPackages pkg) throws Exception {
        assertThat(gateway.submit(party, pkg.build()).statusCode()).isEqualTo(202);
        assertThat(awaitFinalStatus(gateway, party, id)).isEqualTo("DELIVERED");
        assertStoredWithContent(caseSystem, id, pkg);
        Evidence delivery = evidence(gateway, party, id, EvidenceType.DELIVERY);
        assertThat(delivery.packageId()).isEqualTo(id);
        assertThat(delivery.acknowledgementSha256()).isEqualTo(Sha256.hex(Files.readAllBytes(
                caseSystem.stored(id).resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE))));
        evidence(gateway, party, id, EvidenceType.RELAY_ACCEPTANCE);
    }
}
