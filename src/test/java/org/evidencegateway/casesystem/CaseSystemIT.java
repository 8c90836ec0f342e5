package org.evidencegateway.casesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.interceptor.Soap12FaultInInterceptor;
import org.apache.cxf.interceptor.ClientFaultConverter;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.evidencegateway.casesystem.rest.DeliveryHeaders;
import org.evidencegateway.casesystemclient.CaseSystemPortType;
import org.evidencegateway.casesystemclient.DeliveryFault;
import org.evidencegateway.casesystemclient.ReceivePackage;
import org.evidencegateway.casesystemclient.ReceivePackageResponse;
import org.evidencegateway.interop.ExternalTool;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference receiver over real HTTPS with client certificates: both contracts, as the gateway delivers. */
class CaseSystemIT {
    @TempDir
    static Path dir;
    static Path store;
    static CaseSystemServer server;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        store = dir.resolve("store");
        DeliveryReceiver receiver = new DeliveryReceiver(CaseSystemTestPki.IDENTITY,
                CaseSystemTestPki.CASE_KEY.signer(), CaseSystemTestPki.policy(), new DeliveryStore(store));
        server = CaseSystemServer.start(receiver, CaseSystemTestPki.https(dir, freePort()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // --- REST ------------------------------------------------------------------------------------------------

    static HttpResponse<String> post(Credential client, TestPackages pkg, byte[] bytes) throws Exception {
        Manifest manifest = pkg.manifest();
        return CaseSystemTestClients.rest(client).send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + CaseSystemServer.REST_PATH + "/deliveries"))
                .header("Content-Type", "application/pkcs7-mime; smime-type=authEnveloped-data")
                .header(DeliveryHeaders.IDEMPOTENCY_KEY, manifest.packageId().toString())
                .header(DeliveryHeaders.SENDER, manifest.sender().agency())
                .header(DeliveryHeaders.RECIPIENT, manifest.recipient().agency())
                .header(DeliveryHeaders.KIND, manifest.kind().name())
                .header(DeliveryHeaders.CASE_REFERENCE, DeliveryHeaders.encode(manifest.caseReference()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rest_storesTheDeliveredPackage_andAnswersWithAnAcknowledgementOpenSslVerifies() throws Exception {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] bytes = pkg.build();

        HttpResponse<String> response = post(CaseSystemTestPki.GATEWAY_CLIENT, pkg, bytes);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("duplicate").asBoolean()).isFalse();
        byte[] signed = Base64.getDecoder().decode(answer.get("signedAcknowledgement").asText());
        Path folder = store.resolve(pkg.manifest().packageId().toString());
        assertThat(folder.resolve(DeliveryStore.PACKAGE_FILE)).hasBinaryContent(bytes);
        assertThat(folder.resolve("content/manifest.json")).hasBinaryContent(pkg.manifestBytes());
        assertThat(folder.resolve("content/evidence/subscribers.csv"))
                .hasContent("msisdn,imsi\n+7-700-000-0001,401010000000001\n");
        assertThat(folder.resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE)).hasBinaryContent(signed);

        Path ack = Files.write(dir.resolve(UUID.randomUUID() + ".p7s"), signed);
        Path root = dir.resolve("ua-root-ca.crt.pem");
        Pem.write(root, CaseSystemTestPki.PKI.uaRoot().certificate());
        ExternalTool.Result verified = ExternalTool.openssl("cms", "-verify", "-inform", "DER", "-in", ack.toString(),
                "-CAfile", root.toString(), "-purpose", "any").requireSuccess();
        assertThat(verified.stdout()).contains("\"statementType\":\"DeliveryAcknowledgement\"")
                .contains("\"packageId\":\"" + pkg.manifest().packageId() + "\"");
        assertThat(verified.stderr()).contains("Verification successful");
    }

    @Test
    void rest_absorbsASecondDelivery_withTheSameAcknowledgement() throws Exception {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] signedData = pkg.signedData();
        HttpResponse<String> first = post(CaseSystemTestPki.GATEWAY_CLIENT, pkg, pkg.encrypt(signedData));

        HttpResponse<String> second = post(CaseSystemTestPki.GATEWAY_CLIENT, pkg, pkg.encrypt(signedData));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode again = JSON.readTree(second.body());
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("signedAcknowledgement")).isEqualTo(JSON.readTree(first.body()).get("signedAcknowledgement"));
        assertThat(packageFolders()).filteredOn(p -> p.endsWith(pkg.manifest().packageId().toString())).hasSize(1);
    }

    @Test
    void rest_refusesATamperedPackage_permanently_withItsCode() throws Exception {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] bytes = pkg.build();
        bytes[bytes.length * 3 / 4] ^= 0x01;

        HttpResponse<String> response = post(CaseSystemTestPki.GATEWAY_CLIENT, pkg, bytes);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("EGW-ENC-003");
        assertThat(store.resolve(pkg.manifest().packageId().toString())).doesNotExist();
    }

    @Test
    void rest_refusesADeliveryWithoutIdempotencyKey() throws Exception {
        byte[] bytes = CaseSystemTestPki.delivery().build();

        HttpResponse<String> response = CaseSystemTestClients.rest(CaseSystemTestPki.GATEWAY_CLIENT).send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + CaseSystemServer.REST_PATH + "/deliveries"))
                        .header("Content-Type", "application/pkcs7-mime")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("EGW-DLV-001");
    }

    // --- TLS -------------------------------------------------------------------------------------------------

    @Test
    void tls_refusesAClientWithoutCertificate_inTheHandshake() {
        TestPackages pkg = CaseSystemTestPki.delivery();

        assertThatThrownBy(() -> post(null, pkg, pkg.build())).isInstanceOf(IOException.class);
        assertThat(store.resolve(pkg.manifest().packageId().toString())).doesNotExist();
    }

    @Test
    void tls_refusesATrustedButNotAcceptedClientCertificate_inTheHandshake() {
        TestPackages pkg = CaseSystemTestPki.delivery();

        assertThatThrownBy(() -> post(CaseSystemTestPki.OTHER_CLIENT, pkg, pkg.build())).isInstanceOf(IOException.class);
        assertThat(store.resolve(pkg.manifest().packageId().toString())).doesNotExist();
    }

    // --- SOAP ------------------------------------------------------------------------------------------------

    static ReceivePackage request(TestPackages pkg, byte[] bytes) throws IOException {
        Manifest manifest = pkg.manifest();
        ReceivePackage request = new ReceivePackage();
        request.setPackageId(manifest.packageId().toString());
        request.setSender(manifest.sender().agency());
        request.setRecipient(manifest.recipient().agency());
        request.setKind(manifest.kind().name());
        request.setCaseReference(manifest.caseReference());
        Path file = Files.write(dir.resolve(UUID.randomUUID() + ".p7m"), bytes);
        request.setPackage(new DataHandler(new FileDataSource(file.toFile())));
        return request;
    }

    static CaseSystemPortType soapClient() {
        return CaseSystemTestClients.soap(server.baseUrl() + CaseSystemServer.SOAP_PATH, CaseSystemTestPki.GATEWAY_CLIENT);
    }

    @Test
    void soap_storesTheDeliveredPackage_andAbsorbsASecondDelivery() throws Exception {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] signedData = pkg.signedData();
        CaseSystemPortType client = soapClient();
        List<String> contentTypes = recordRequestContentTypes(client);

        ReceivePackageResponse first = client.receivePackage(request(pkg, pkg.encrypt(signedData)));
        ReceivePackageResponse second = client.receivePackage(request(pkg, pkg.encrypt(signedData)));

        assertThat(contentTypes).hasSize(2).allSatisfy(type -> assertThat(type)
                .startsWith("multipart/related").contains("application/xop+xml"));
        assertThat(first.isDuplicate()).isFalse();
        assertThat(second.isDuplicate()).isTrue();
        assertThat(second.getSignedAcknowledgement()).isEqualTo(first.getSignedAcknowledgement());
        DeliveryAcknowledgement ack = new AcknowledgementVerifier(TestPackages.PKI.validator())
                .verify(first.getSignedAcknowledgement(), "ua-case", Country.UA);
        assertThat(ack.packageId()).isEqualTo(pkg.manifest().packageId());
        assertThat(first.getPackageSha256()).isEqualTo(ack.packageSha256());
        Path folder = store.resolve(pkg.manifest().packageId().toString());
        assertThat(folder.resolve("content/evidence/subscribers.csv"))
                .hasContent("msisdn,imsi\n+7-700-000-0001,401010000000001\n");
        assertThat(Files.size(folder.resolve(DeliveryStore.PACKAGE_FILE))).isEqualTo(ack.packageSize());
    }

    @Test
    void soap_refusesATamperedPackage_withAPermanentSenderFault_andItsCode() throws Exception {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] bytes = pkg.build();
        bytes[bytes.length * 3 / 4] ^= 0x01;
        CaseSystemPortType client = soapClient();
        List<QName> faultCodes = recordFaultCodes(client);

        assertThatThrownBy(() -> client.receivePackage(request(pkg, bytes)))
                .isInstanceOfSatisfying(DeliveryFault.class,
                        f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("EGW-ENC-003"));
        assertThat(faultCodes).extracting(QName::getLocalPart).containsExactly("Sender");
        assertThat(store.resolve(pkg.manifest().packageId().toString())).doesNotExist();
    }

    @Test
    void bothContracts_answerALocalStorageFailure_asTransient() throws Exception {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] bytes = pkg.build();
        CaseSystemPortType client = soapClient();
        List<QName> faultCodes = recordFaultCodes(client);
        Path incoming = store.resolve(".incoming");
        // Given: the receiver's disk area for incoming deliveries is gone (as a full or unmounted disk would be).
        Files.delete(incoming);
        try {
            HttpResponse<String> rest = post(CaseSystemTestPki.GATEWAY_CLIENT, pkg, bytes);

            assertThat(rest.statusCode()).isEqualTo(500);
            assertThat(JSON.readTree(rest.body()).get("code").asText()).isEqualTo("EGW-IO-001");
            assertThatThrownBy(() -> client.receivePackage(request(pkg, bytes)))
                    .isInstanceOfSatisfying(DeliveryFault.class,
                            f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("EGW-IO-001"));
            assertThat(faultCodes).extracting(QName::getLocalPart).containsExactly("Receiver");
        } finally {
            Files.createDirectories(incoming);
        }
        // Then: once the disk is back, the retry is delivered.
        assertThat(post(CaseSystemTestPki.GATEWAY_CLIENT, pkg, bytes).statusCode()).isEqualTo(201);
    }

    /** The Content-Type of every request the client sends: MTOM's multipart/related when the package is attached. */
    private static List<String> recordRequestContentTypes(CaseSystemPortType client) {
        List<String> types = new CopyOnWriteArrayList<>();
        ClientProxy.getClient(client).getOutInterceptors().add(new AbstractPhaseInterceptor<Message>(Phase.WRITE_ENDING) {
            @Override
            public void handleMessage(Message message) {
                types.add(String.valueOf(message.get(Message.CONTENT_TYPE)));
            }
        });
        return types;
    }

    /** The SOAP 1.2 fault codes the client receives, which JAX-WS does not expose on a declared fault. */
    private static List<QName> recordFaultCodes(CaseSystemPortType client) {
        List<QName> codes = new CopyOnWriteArrayList<>();
        ClientProxy.getClient(client).getInFaultInterceptors().add(new AbstractPhaseInterceptor<Message>(Phase.UNMARSHAL) {
            {
                // After the SOAP fault is read, before it becomes the declared exception.
                addAfter(Soap12FaultInInterceptor.class.getName());
                addBefore(ClientFaultConverter.class.getName());
            }

            @Override
            public void handleMessage(Message message) {
                if (message.getContent(Exception.class) instanceof SoapFault fault) {
                    codes.add(fault.getFaultCode());
                }
            }
        });
        return codes;
    }

    private static List<Path> packageFolders() throws IOException {
        try (var list = Files.list(store)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
