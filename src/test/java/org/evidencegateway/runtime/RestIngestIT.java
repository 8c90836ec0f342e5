package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.evidence.EvidenceVerifier;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.trust.SignerCertificateValidator;
import org.evidencegateway.trust.TestPki;
import org.evidencegateway.trust.TrustAnchors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REST ingest through real HTTPS with client certificates, a real embedded Artemis and a real H2 database. */
class RestIngestIT {
    @TempDir
    static java.nio.file.Path dir;
    static TestGateway gateway;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    static HttpResponse<String> submit(String party, byte[] pkg) throws Exception {
        return TestGateway.client(party).send(HttpRequest.newBuilder(gateway.uri("/api/v1/packages"))
                .header("Content-Type", "application/pkcs7-mime")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pkg)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void submit_acceptsAValidPackage_withASignedReceipt() throws Exception {
        byte[] pkg = TestPackages.valid().build();

        HttpResponse<String> response = submit("kz-gpo", pkg);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
        Evidence evidence = new EvidenceVerifier(new SignerCertificateValidator(
                TrustAnchors.load(dir.resolve("pki")), TestPki.CLOCK))
                .verify(Base64.getDecoder().decode(receipt.get("signedEvidence").asText()));
        assertThat(evidence.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
        assertThat(evidence.packageId().toString()).isEqualTo(receipt.get("packageId").asText());
    }
}
