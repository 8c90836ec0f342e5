package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.open.BadPackage;
import org.evidencegateway.runtime.GatewayState.AuditRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every package of the bad-input corpus submitted over REST: the sender gets the code the core refuses it with,
 * in a problem document carrying a signed SubmissionRejection; the refusal is audited; and nothing of the package
 * stays behind — not on a queue, not in the store, not in the spool. Only refused packages go to this gateway, so
 * any message or stored file is a leak.
 */
class RestRefusalIT {
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

    @ParameterizedTest
    @EnumSource(BadPackage.class)
    void submit_refusesBadPackage_withItsCode_auditedAndLeavingNothingBehind(BadPackage bad) throws Exception {
        // Given a package with one defect, from a registered party
        byte[] pkg = bad.bytes();
        long auditedBefore = state.lastAuditSeq();

        // When it is submitted
        HttpResponse<String> response = gateway.submit("kz-gpo", pkg);

        // Then the answer is the expected code as RFC 9457 problem+json, with a signed SubmissionRejection
        JsonNode problem = RestIngestIT.assertProblem(response, bad.expected());
        Evidence rejection = gateway.evidence(problem);
        assertThat(rejection.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_REJECTION);
        assertThat(rejection.reasonCode()).isEqualTo(bad.expected().code());
        assertThat(rejection.submitter()).isEqualTo("kz-gpo");
        if (pkg.length > 0) {
            assertThat(rejection.packageSha256()).isEqualTo(RestIngestIT.sha256(pkg));
        }

        // And the refusal is audited, once
        List<AuditRow> audited = state.auditAfter(auditedBefore);
        assertThat(audited).as("audit entries for this submission").hasSize(1);
        AuditRow row = audited.get(0);
        assertThat(row.eventType()).isEqualTo("PACKAGE_REJECTED");
        assertThat(row.detail("code")).isEqualTo(bad.expected().code());
        assertThat(row.entry().get("actor").asText()).isEqualTo("kz-gpo");

        // And nothing of it is left on a queue or on disk
        assertThat(state.messagesOnAllQueues()).as("messages on the broker").isZero();
        assertThat(state.storedPackages()).as("stored packages").isEmpty();
        assertThat(state.spoolFiles()).as("spool files").isEmpty();
    }
}
