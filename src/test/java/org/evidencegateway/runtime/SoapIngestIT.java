package org.evidencegateway.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.activation.DataHandler;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.evidence.EvidenceVerifier;
import org.evidencegateway.open.BadPackage;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.queue.EmbeddedBroker;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.soapclient.EvidenceGatewayPortType;
import org.evidencegateway.soapclient.GatewayFault;
import org.evidencegateway.soapclient.GetPackageStatus;
import org.evidencegateway.soapclient.GetPackageStatusResponse;
import org.evidencegateway.soapclient.PackageEvent;
import org.evidencegateway.soapclient.PackageStatus;
import org.evidencegateway.soapclient.SubmitPackage;
import org.evidencegateway.soapclient.SubmitPackageResponse;
import org.evidencegateway.transport.QueueEdge;
import org.evidencegateway.transport.soap.SoapEndpoint;
import org.evidencegateway.trust.SignerCertificateValidator;
import org.evidencegateway.trust.TestPki;
import org.evidencegateway.trust.TrustAnchors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/**
 * SOAP ingest through real HTTPS with client certificates, with a client generated from the gateway's WSDL sending
 * packages as MTOM attachments, a real embedded Artemis and a real H2 database.
 */
class SoapIngestIT {
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final List<String> QUEUES = List.of(ClaimCheck.queueFor("ua-case"), ClaimCheck.queueFor("kz-case"));

    @TempDir
    static Path dir;
    static TestGateway gateway;
    static EvidenceVerifier verifier;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(dir);
        verifier = new EvidenceVerifier(new SignerCertificateValidator(TrustAnchors.load(dir.resolve("pki")),
                TestPki.CLOCK));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void submitPackage_acceptsAValidPackage_andItsReceiptVerifies() throws Exception {
        byte[] pkg = freshPackage();

        SubmitPackageResponse receipt = gateway.soapClient("kz-gpo").submitPackage(submit(pkg));

        assertThat(receipt.getStatus()).isEqualTo(PackageStatus.ACCEPTED);
        assertThat(receipt.isDuplicate()).isFalse();
        Evidence evidence = verifier.verify(receipt.getSignedEvidence());
        assertThat(evidence.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
        assertThat(evidence.packageId().toString()).isEqualTo(receipt.getPackageId());
        assertThat(evidence.packageSha256()).isEqualTo(receipt.getPackageSha256());
        assertThat(evidence.submitter()).isEqualTo("kz-gpo");
        assertThat(receipt.getEvidence().getEvidenceId()).isEqualTo(evidence.evidenceId().toString());
        assertThat(receipt.getEvidence().getEvidenceType()).isEqualTo("SubmissionAcceptance");
        assertThat(receipt.getEvidence().getRecipient().getAgency()).isEqualTo("ua-pgo");
        assertThat(browse(ClaimCheck.queueFor("ua-case"))).contains(receipt.getPackageId());
    }

    @Test
    void submitPackage_answersARepeatedSubmission_withTheOriginalReceipt() throws Exception {
        byte[] pkg = freshPackage();
        EvidenceGatewayPortType client = gateway.soapClient("kz-gpo");
        SubmitPackageResponse first = client.submitPackage(submit(pkg));

        SubmitPackageResponse again = client.submitPackage(submit(pkg));

        assertThat(again.isDuplicate()).isTrue();
        assertThat(again.getSignedEvidence()).isEqualTo(first.getSignedEvidence());
        assertThat(Collections.frequency(browse(ClaimCheck.queueFor("ua-case")), first.getPackageId())).isEqualTo(1);
    }

    @Test
    void submitPackage_streamsALargeAttachment_withoutCopyingItToAnyTemporaryFile() throws Exception {
        byte[] item = new byte[1024 * 1024];
        new Random(7).nextBytes(item);
        byte[] pkg = TestPackages.valid().manifest(m -> m.toBuilder().packageId(UUID.randomUUID()).build())
                .item("evidence/large.bin", item).build();
        Path attachments = gateway.dataDir().resolve("soap-attachments");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

        SubmitPackageResponse receipt;
        List<Object> created = new ArrayList<>();
        try (WatchService watcher = attachments.getFileSystem().newWatchService()) {
            attachments.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            tmp.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            receipt = gateway.soapClient("kz-gpo").submitPackage(submit(pkg));
            for (WatchKey key = watcher.poll(); key != null; key = watcher.poll()) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    // CXF names its cache files cos*; the JVM's temporary folder is shared with other processes.
                    if (attachments.equals(key.watchable()) || event.context().toString().startsWith("cos")) {
                        created.add(event.context());
                    }
                }
            }
        }

        assertThat(receipt.getStatus()).isEqualTo(PackageStatus.ACCEPTED);
        assertThat(verifier.verify(receipt.getSignedEvidence()).packageSize()).isEqualTo(pkg.length);
        // Above the memory threshold CXF would have cached the attachment in a file: none was made, so the package
        // went from the request's MIME part to the spool as one stream.
        assertThat(pkg.length).isGreaterThan(16 * 64 * 1024);
        assertThat(created).as("attachment cache files created while the package was received").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BadPackage.class)
    void submitPackage_refusesABadPackage_withItsCodeAndASignedRejection_leavingNothingBehind(BadPackage bad)
            throws Exception {
        byte[] pkg = bad.bytes();
        int queuedBefore = queued();
        List<Path> storedBefore = files(store("packages"));

        GatewayFault fault = catchThrowableOfType(GatewayFault.class,
                () -> gateway.soapClient("kz-gpo").submitPackage(submit(pkg)));

        assertThat(fault).as("a GatewayFault").isNotNull();
        assertThat(fault.getFaultInfo().getCode()).isEqualTo(bad.expected().code());
        assertThat(fault.getFaultInfo().getMessage()).isNotBlank();
        Evidence rejection = verifier.verify(fault.getFaultInfo().getSignedEvidence());
        assertThat(rejection.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_REJECTION);
        assertThat(rejection.reasonCode()).isEqualTo(bad.expected().code());
        assertThat(rejection.submitter()).isEqualTo("kz-gpo");
        assertThat(queued()).isEqualTo(queuedBefore);
        assertThat(files(store("packages"))).isEqualTo(storedBefore);
        assertThat(files(store("spool"))).isEmpty();
        assertThat(files(gateway.dataDir().resolve("soap-attachments"))).isEmpty();
    }

    @Test
    void getPackageStatus_showsTheSenderItsPackage_withItsTimeline() throws Exception {
        SubmitPackageResponse receipt = gateway.soapClient("kz-gpo").submitPackage(submit(freshPackage()));

        GetPackageStatusResponse status = gateway.soapClient("kz-gpo").getPackageStatus(status(receipt.getPackageId()));

        assertThat(status.getPackageId()).isEqualTo(receipt.getPackageId());
        assertThat(status.getStatus()).isEqualTo(PackageStatus.ACCEPTED);
        assertThat(status.getPackageSha256()).isEqualTo(receipt.getPackageSha256());
        assertThat(status.getSender()).isEqualTo("kz-gpo");
        assertThat(status.getRecipient()).isEqualTo("ua-pgo");
        assertThat(status.getTimeline().getEvent()).extracting(PackageEvent::getStatus)
                .containsExactly(PackageStatus.RECEIVED, PackageStatus.ACCEPTED);
    }

    @Test
    void getPackageStatus_refusesAnUnrelatedParty_asIfThePackageDidNotExist() throws Exception {
        SubmitPackageResponse receipt = gateway.soapClient("kz-gpo").submitPackage(submit(freshPackage()));

        GatewayFault fault = catchThrowableOfType(GatewayFault.class,
                () -> gateway.soapClient("ua-npu").getPackageStatus(status(receipt.getPackageId())));

        assertThat(fault).as("a GatewayFault").isNotNull();
        assertThat(fault.getFaultInfo().getCode()).isEqualTo("EGW-AUTH-006");
        assertThat(fault.getFaultInfo().getSignedEvidence()).isNull();
    }

    @Test
    void faults_carryTheSoap12FaultCodeOfTheirErrorCode() throws Exception {
        String request = envelope("<egw:GetPackageStatus><egw:packageId>not-a-package</egw:packageId>"
                + "</egw:GetPackageStatus>");

        HttpResponse<String> response = post("kz-gpo", request);

        Document fault = parse(response.body());
        assertThat(fault.getElementsByTagNameNS(SOAP12, "Value").item(0).getTextContent()).endsWith(":Sender");
        assertThat(fault.getElementsByTagNameNS(SoapEndpoint.NAMESPACE, "code").item(0).getTextContent())
                .isEqualTo("EGW-AUTH-006");
    }

    @Test
    void wsdl_isServedToRegisteredClients() throws Exception {
        HttpResponse<String> response = TestGateway.client("kz-gpo").send(HttpRequest.newBuilder(
                gateway.uri(SoapEndpoint.PATH + "?wsdl")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("urn:evidence-gateway:soap:v1", "SubmitPackage", "GetPackageStatus",
                "soap12:binding", gateway.uri(SoapEndpoint.PATH).toString());
    }

    @Test
    void wsdl_isRefusedAtTheHandshake_withoutAClientCertificate() {
        assertThatThrownBy(() -> TestGateway.clientWithoutCertificate().send(HttpRequest.newBuilder(
                gateway.uri(SoapEndpoint.PATH + "?wsdl")).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void request_withADtd_isRefusedWithoutExpandingIt_withItsCode_andAudited() throws Exception {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n"
                + envelope("<egw:GetPackageStatus><egw:packageId>&lol4;</egw:packageId></egw:GetPackageStatus>")
                .substring("<?xml version=\"1.0\"?>".length());

        HttpResponse<String> response = refusedRequest(bomb, "DTD");

        assertThat(response.body()).doesNotContain("lollol");
    }

    @Test
    void request_nestedDeeperThanTheLimit_isRefused_withItsCode_andAudited() throws Exception {
        // In a header, which CXF reads into a DOM whole: the body's unmarshaller would stop at the first
        // unexpected element before the depth limit is reached.
        String deep = "<x>".repeat(100) + "</x>".repeat(100);
        String request = envelope("<egw:GetPackageStatus><egw:packageId>00000000-0000-4000-8000-000000000000"
                + "</egw:packageId></egw:GetPackageStatus>").replace("<soap:Body>",
                "<soap:Header>" + deep + "</soap:Header><soap:Body>");

        refusedRequest(request, "depth");
    }

    @Test
    void request_thatIsNotXml_isRefused_withItsCode_andAudited() throws Exception {
        refusedRequest("this is not XML", "");
    }

    /**
     * Posts {@code xml} as kz-gpo and checks the refusal: a Sender fault with code EGW-REQ-006 whose reason mentions
     * {@code reasonMentions}, a signed SubmissionRejection that verifies, and one audit entry naming the client.
     */
    private static HttpResponse<String> refusedRequest(String xml, String reasonMentions) throws Exception {
        GatewayState state = new GatewayState(gateway);
        long before = state.lastAuditSeq();

        HttpResponse<String> response = post("kz-gpo", xml);

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        Document fault = parse(response.body());
        assertThat(fault.getElementsByTagNameNS(SOAP12, "Value").item(0).getTextContent()).endsWith(":Sender");
        assertThat(fault.getElementsByTagNameNS(SoapEndpoint.NAMESPACE, "code").item(0).getTextContent())
                .isEqualTo(ErrorCode.REQ_MALFORMED.code());
        assertThat(fault.getElementsByTagNameNS(SoapEndpoint.NAMESPACE, "message").item(0).getTextContent())
                .containsIgnoringCase(reasonMentions);
        byte[] rejection = Base64.getDecoder().decode(fault.getElementsByTagNameNS(SoapEndpoint.NAMESPACE,
                "signedEvidence").item(0).getTextContent().strip());
        assertThat(verifier.verify(rejection).evidenceType()).isEqualTo(EvidenceType.SUBMISSION_REJECTION);
        List<GatewayState.AuditRow> audited = state.auditAfter(before);
        assertThat(audited).singleElement().satisfies(row -> {
            assertThat(row.eventType()).isEqualTo("PACKAGE_REJECTED");
            assertThat(row.detail("code")).isEqualTo(ErrorCode.REQ_MALFORMED.code());
            assertThat(row.entry().path("actor").asText()).isEqualTo("kz-gpo");
        });
        return response;
    }

    /** The default valid package under a package id of its own (the default id is fixed). */
    private static byte[] freshPackage() {
        return TestPackages.valid().manifest(m -> m.toBuilder().packageId(UUID.randomUUID()).build()).build();
    }

    private static SubmitPackage submit(byte[] pkg) {
        SubmitPackage request = new SubmitPackage();
        request.setPackage(new DataHandler(new ByteArrayDataSource(pkg, "application/pkcs7-mime")));
        return request;
    }

    private static GetPackageStatus status(String packageId) {
        GetPackageStatus request = new GetPackageStatus();
        request.setPackageId(packageId);
        return request;
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"" + SOAP12 + "\" xmlns:egw=\""
                + SoapEndpoint.NAMESPACE + "\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    private static HttpResponse<String> post(String party, String xml) throws Exception {
        return TestGateway.client(party).send(HttpRequest.newBuilder(gateway.uri(SoapEndpoint.PATH))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
    }

    /** Package ids of the claim checks waiting on a queue of the embedded broker (same JVM). */
    private static List<String> browse(String queueName) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(EmbeddedBroker.URL);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(queueName);
            List<String> ids = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(queue)) {
                for (var messages = browser.getEnumeration(); messages.hasMoreElements(); ) {
                    ids.add(((Message) messages.nextElement()).getStringProperty(QueueEdge.PACKAGE_ID));
                }
            }
            return ids;
        }
    }

    private static int queued() throws Exception {
        int count = 0;
        for (String queue : QUEUES) {
            count += browse(queue).size();
        }
        return count;
    }

    private static Path store(String folder) {
        return gateway.dataDir().resolve("store").resolve(folder);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
