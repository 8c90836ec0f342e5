package org.evidencegateway.runtime;

import static org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.evidencegateway.archive.ArchiveLimits;
import org.evidencegateway.casesystem.CaseSystemIdentity;
import org.evidencegateway.casesystem.CaseSystemServer;
import org.evidencegateway.casesystem.DeliveryListener;
import org.evidencegateway.casesystem.DeliveryMetadata;
import org.evidencegateway.casesystem.DeliveryReceiver;
import org.evidencegateway.casesystem.DeliveryStore;
import org.evidencegateway.casesystem.HttpsSettings;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.pki.CertificateBuilder;
import org.evidencegateway.pki.DistinguishedNames;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pkcs12KeySource;
import org.evidencegateway.trust.SigningDelegations;
import org.evidencegateway.trust.TestPki;
import org.evidencegateway.trust.TrustAnchors;

/**
 * A reference receiver (the real {@link CaseSystemServer}) for one case system of {@link GatewayTestPki}'s registry,
 * on a free port fixed in advance — so that a gateway can be pointed at it before it is started, to test a case
 * system that is down — decrypting with the key the registry names, accepting the gateway's TLS client certificate.
 * The Ukrainian one serves ua-pgo only, though the registry says ua-case serves ua-npu too: its packages for ua-npu
 * are refused for good (403 EGW-DLV-002), a permanent refusal to test with.
 */
public final class TestCaseSystem implements AutoCloseable {
    private static final Credential UA_TLS = serverTls(GatewayTestPki.PKI.uaRoot(), "ua-case-tls");
    private static final Credential KZ_TLS = serverTls(GatewayTestPki.PKI.kzRoot(), "kz-case-tls");

    private final String id;
    private final Path dir;
    private final int port;
    private final Set<String> alsoServed = new java.util.TreeSet<>();
    private final List<DeliveryMetadata> arrivals = new CopyOnWriteArrayList<>();
    private volatile DeliveryListener listener = DeliveryListener.NONE;
    private CaseSystemServer server;

    private TestCaseSystem(String id, Path dir) {
        this.id = id;
        this.dir = dir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The receiver of {@code id} ({@code ua-case} or {@code kz-case}) with its store under {@code dir}, not started. */
    public static TestCaseSystem prepare(String id, Path dir) {
        return new TestCaseSystem(id, dir);
    }

    /** Starts (again) on the same port and store. */
    public TestCaseSystem start() throws Exception {
        boolean ua = id.equals("ua-case");
        Credential key = ua ? GatewayTestPki.UA_CASE : TestPackages.OTHER_RECIPIENT;
        Set<String> served = new java.util.TreeSet<>(ua ? Set.of("ua-pgo") : Set.of("kz-gpo", "kz-mvd"));
        served.addAll(alsoServed);
        CaseSystemIdentity identity = new CaseSystemIdentity(id, ua ? Country.UA : Country.KZ, served);
        OpeningPolicy policy = new OpeningPolicy(List.of(key.recipientKey()), GatewayTestPki.PKI.anchors(),
                SigningDelegations.selfOnly(), ArchiveLimits.DEFAULT, TestPki.CLOCK);
        DeliveryReceiver receiver = new DeliveryReceiver(identity, key.signer(), policy, new DeliveryStore(store()),
                (metadata, acknowledgement) -> {
                    arrivals.add(metadata);
                    listener.stored(metadata, acknowledgement);
                });
        Path keyStore = dir.resolve(id + "-tls.p12");
        Pkcs12KeySource.write(keyStore, GatewayTestPki.PASSWORD.toCharArray(), ua ? UA_TLS : KZ_TLS);
        server = CaseSystemServer.start(receiver, new HttpsSettings("127.0.0.1", port, keyStore,
                GatewayTestPki.PASSWORD, List.of(GatewayTestPki.SERVER_TLS.certificate()),
                TrustAnchors.builder().root("GW", GatewayTestPki.GW_ROOT.certificate()).build(), TestPki.CLOCK));
        return this;
    }

    /**
     * Serves {@code agency} too from the next {@link #start}: a case system whose refusal was fixed (the Ukrainian
     * one, serving ua-npu as well, takes the packages it refused before).
     */
    public TestCaseSystem alsoServing(String agency) {
        alsoServed.add(agency);
        return this;
    }

    /** Tells {@code newListener} of every package stored from now on (after it is recorded in {@link #arrivals}). */
    public TestCaseSystem listener(DeliveryListener newListener) {
        this.listener = newListener;
        return this;
    }

    /** The packages stored (not repeated deliveries), in the order they were stored. */
    public List<DeliveryMetadata> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The URL the registry names for this case system's contract (REST for ua-case, SOAP for kz-case). */
    public String endpoint() {
        return "https://127.0.0.1:" + port + (id.equals("ua-case") ? CaseSystemServer.REST_PATH + "/deliveries"
                : CaseSystemServer.SOAP_PATH);
    }

    /** Where the receiver stores packages: {@code <store>/<packageId>/}. */
    public Path store() {
        return dir.resolve("store");
    }

    /** The folder of a stored package. */
    public Path stored(UUID packageId) {
        return store().resolve(packageId.toString());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** A TLS server key for 127.0.0.1 and localhost, issued by {@code root}. */
    static Credential serverTls(Credential root, String name) {
        KeyPair keys = KeyType.EC_P256.generate();
        X509Certificate cert = CertificateBuilder.of(DistinguishedNames.of(null, "Test case system", null, name),
                        keys.getPublic())
                .validity(TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650)))
                .keyUsage(digitalSignature).extendedKeyUsage(false, KeyPurposeId.id_kp_serverAuth)
                .dnsNames("localhost").ipAddresses("127.0.0.1").issue(root);
        return new Credential(name, keys.getPrivate(), cert, List.of(cert, root.certificate()));
    }
}
