package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.runtime.GatewayState.QueuedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: a gateway killed (SIGKILL) right after answering 202 still has the package's claim
 * check on its queue and the package accepted when it comes back on the same folder.
 */
class RestCrashRecoveryIT {
    @Test
    void acceptedPackage_survivesAKilledGateway(@TempDir Path dir) throws Exception {
        TestGateway gateway = TestGateway.prepare(dir);
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id).build();
        try {
            // Given a gateway in a JVM of its own that accepted a package
            try (ChildGateway child = ChildGateway.start(gateway, "256m")) {
                HttpResponse<String> response = gateway.submit("kz-gpo", pkg);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

                // When that JVM is killed without any chance to close its broker or database
                child.kill();
                assertThat(child.isAlive()).isFalse();
            }

            // Then a gateway started again on the same folder still has the claim check on the queue
            gateway.startAgain();
            List<QueuedMessage> queued = new GatewayState(gateway).browse("evgw.deliver.ua-case");
            assertThat(queued).extracting(QueuedMessage::packageId).containsExactly(id.toString());
            assertThat(queued.get(0).claimCheck().get("packageSha256").asText()).isEqualTo(RestIngestIT.sha256(pkg));

            // And the package's status is ACCEPTED
            HttpResponse<String> status = gateway.get("kz-gpo", "/api/v1/packages/" + id);
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            JsonNode view = RestIngestIT.JSON.readTree(status.body());
            assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
        } finally {
            gateway.close();
        }
    }
}
