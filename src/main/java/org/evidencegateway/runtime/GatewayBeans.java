package org.evidencegateway.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.jaxrs.CxfRsEndpoint;
import org.apache.camel.component.sjms2.Sjms2Component;
import org.apache.camel.spi.Registry;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.http_undertow.UndertowHTTPServerEngineFactory;
import org.evidencegateway.archive.ArchiveLimits;
import org.evidencegateway.audit.AuditLog;
import org.evidencegateway.audit.AuditLedger;
import org.evidencegateway.config.GatewayConfig;
import org.evidencegateway.crypto.RecipientKey;
import org.evidencegateway.evidence.EvidenceSigner;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.open.PackageOpener;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.ReloadingPartyRegistry;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.queue.EmbeddedBroker;
import org.evidencegateway.receive.PackageQueries;
import org.evidencegateway.receive.PackageRecovery;
import org.evidencegateway.receive.PackageRegistrar;
import org.evidencegateway.receive.SubmissionEvidences;
import org.evidencegateway.receive.SubmissionReceiver;
import org.evidencegateway.receive.SubmissionVerifier;
import org.evidencegateway.store.Database;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStore;
import org.evidencegateway.store.Transactions;
import org.evidencegateway.transport.IngestEdge;
import org.evidencegateway.transport.QueueEdge;
import org.evidencegateway.transport.RegisteredClientTrustManager;
import org.evidencegateway.transport.rest.RestApi;
import org.evidencegateway.transport.rest.RestEdge;
import org.evidencegateway.trust.KeyReferences;
import org.evidencegateway.trust.TrustAnchors;

/**
 * Builds the gateway from its configuration and binds every named bean the routes use: the plain-Java stages of
 * ingest, the transport edges, the HTTPS endpoint, the broker and the database. The only place that knows them all.
 */
public final class GatewayBeans implements CamelConfiguration {
    private final GatewayConfig config;
    private final Clock clock;

    public GatewayBeans(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        Path data = config.get(GatewayConfig.DATA_DIR);
        TrustAnchors anchors = TrustAnchors.load(config.get(GatewayConfig.TRUST_DIR));
        ReloadingPartyRegistry parties = new ReloadingPartyRegistry(config.get(GatewayConfig.PARTIES_FILE),
                Duration.ofSeconds(10), clock);
        Supplier<PackageOpener> opener = openers(anchors, parties);

        HikariDataSource database = Database.open(config.get(GatewayConfig.DB_URL), config.get(GatewayConfig.DB_USER),
                config.get(GatewayConfig.DB_PASSWORD));
        context.addService(new Closing("database", database));
        Transactions transactions = new Transactions(database);
        PackageRepository repository = new PackageRepository();
        AuditLedger ledger = AuditLedger.from(config, database, clock);
        AuditLog audit = ledger.log();
        PackageStore store = new PackageStore(data.resolve("store"));
        store.clearSpool();

        String password = config.get(GatewayConfig.KEY_PASSWORD);
        EvidenceSigner signer = new EvidenceSigner(KeyReferences.load(config.get(GatewayConfig.EVIDENCE_KEY), password).signer());
        SubmissionEvidences evidences = new SubmissionEvidences(config.get(GatewayConfig.ID), parties, store,
                transactions, repository, audit, signer, clock);
        SubmissionReceiver receiver = new SubmissionReceiver(parties, store,
                config.get(GatewayConfig.MAX_PACKAGE_SIZE), clock);

        registry.bind("partyRegistry", parties);
        registry.bind("auditCheckpoints", ledger.scheduler());
        registry.bind("submissionVerifier", new SubmissionVerifier(opener, parties,
                config.get(GatewayConfig.REPLAY_MAX_AGE), config.get(GatewayConfig.REPLAY_MAX_SKEW), clock));
        registry.bind("packageRegistrar", new PackageRegistrar(store, transactions, repository, audit));
        registry.bind("submissionEvidences", evidences);
        registry.bind("packageRecovery", new PackageRecovery(transactions, repository));
        registry.bind("ingestEdge", new IngestEdge(receiver, evidences));
        registry.bind("queueEdge", new QueueEdge(evidences));
        registry.bind("restEdge", new RestEdge(new PackageQueries(parties, transactions, repository)));

        bindBroker(context, data);
        bindHttps(context, anchors, parties);
    }

    /** A fresh opener per package, so that a reloaded party registry's signing delegations apply at once. */
    private Supplier<PackageOpener> openers(TrustAnchors anchors, Supplier<PartyRegistry> parties) {
        String password = config.get(GatewayConfig.KEY_PASSWORD);
        List<RecipientKey> keys = config.get(GatewayConfig.DECRYPTION_KEYS).stream()
                .map(k -> KeyReferences.load(k, password).recipientKey()).toList();
        return () -> new PackageOpener(new OpeningPolicy(keys, anchors, parties.get().signingDelegations(),
                ArchiveLimits.DEFAULT, clock));
    }

    private void bindBroker(CamelContext context, Path data) throws Exception {
        String url = config.get(GatewayConfig.BROKER_URL);
        if ("embedded".equals(url)) {
            EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("broker"), BrokerSettings.DEFAULT);
            context.getRegistry().bind("embeddedBroker", broker);
            context.addService(new Closing("embedded broker", broker));
            url = EmbeddedBroker.URL;
        }
        ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory(url);
        context.addService(new Closing("broker connections", connections));
        Sjms2Component sjms2 = new Sjms2Component();
        sjms2.setConnectionFactory(connections);
        context.addComponent("sjms2", sjms2);
    }

    private void bindHttps(CamelContext context, TrustAnchors anchors, Supplier<PartyRegistry> parties)
            throws Exception {
        Bus bus = BusFactory.newInstance().createBus();
        int port = config.get(GatewayConfig.REST_PORT);
        bus.getExtension(UndertowHTTPServerEngineFactory.class).setTLSServerParametersForPort(port,
                TlsSettings.server(Path.of(config.get(GatewayConfig.TLS_KEY)), config.get(GatewayConfig.KEY_PASSWORD),
                        new RegisteredClientTrustManager(parties, anchors, clock)));
        context.addService(new Closing("CXF bus", () -> bus.shutdown(true)));
        CxfRsEndpoint rest = context.getEndpoint("cxfrs://https://" + config.get(GatewayConfig.HOST) + ":" + port
                + "/?resourceClasses=" + RestApi.class.getName() + "&bindingStyle=SimpleConsumer", CxfRsEndpoint.class);
        rest.setBus(bus);
        context.getRegistry().bind("restEndpoint", rest);
        context.getRegistry().bind("cxfBus", bus);
    }
}
