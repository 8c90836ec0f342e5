package org.evidencegateway.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import java.util.function.Supplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.jaxrs.CxfRsEndpoint;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.apache.camel.component.sjms2.Sjms2Component;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.Registry;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.http.HttpServerEngineSupport;
import org.apache.cxf.transport.http_undertow.UndertowHTTPServerEngine;
import org.apache.cxf.transport.http_undertow.UndertowHTTPServerEngineFactory;
import org.evidencegateway.archive.ArchiveLimits;
import org.evidencegateway.audit.AuditLog;
import org.evidencegateway.audit.AuditLedger;
import org.evidencegateway.audit.ConfigurationAudit;
import org.evidencegateway.audit.AuditorAccess;
import org.evidencegateway.audit.AuditorQueries;
import org.evidencegateway.config.GatewayConfig;
import org.evidencegateway.crypto.RecipientKey;
import org.evidencegateway.casesystem.AcknowledgementVerifier;
import org.evidencegateway.deliver.AcknowledgementCheck;
import org.evidencegateway.deliver.CaseSystemDelivery;
import org.evidencegateway.deliver.DeadLetterOperations;
import org.evidencegateway.deliver.DeadLetterQueues;
import org.evidencegateway.deliver.DeliveryEvidences;
import org.evidencegateway.deliver.DeliveryMetrics;
import org.evidencegateway.deliver.DeliveryTls;
import org.evidencegateway.deliver.Reenveloper;
import org.evidencegateway.deliver.RestCaseSystemClient;
import org.evidencegateway.deliver.SoapCaseSystemClient;
import org.evidencegateway.evidence.EvidenceSigner;
import org.evidencegateway.notify.CallbackClient;
import org.evidencegateway.notify.CallbackNotifier;
import org.evidencegateway.notify.CallbackSubscribers;
import org.evidencegateway.notify.RetryBackoff;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.open.PackageOpener;
import org.evidencegateway.party.DeliveryProtocol;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.Role;
import org.evidencegateway.party.ReloadingPartyRegistry;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.queue.EmbeddedBroker;
import org.evidencegateway.queue.QueueDepths;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.receive.PackageQueries;
import org.evidencegateway.receive.PackageRecovery;
import org.evidencegateway.receive.PackageRegistrar;
import org.evidencegateway.receive.SubmissionEvidences;
import org.evidencegateway.receive.SubmissionReceiver;
import org.evidencegateway.receive.SubmissionVerifier;
import org.evidencegateway.store.CallbackOutbox;
import org.evidencegateway.store.Database;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStore;
import org.evidencegateway.store.Transactions;
import org.evidencegateway.transport.DeadLetters;
import org.evidencegateway.transport.DeliveryEdge;
import org.evidencegateway.transport.IngestEdge;
import org.evidencegateway.transport.IngestMetrics;
import org.evidencegateway.transport.QueueEdge;
import org.evidencegateway.transport.RegisteredClientTrustManager;
import org.evidencegateway.transport.rest.AdminApi;
import org.evidencegateway.transport.rest.AdminEdge;
import org.evidencegateway.transport.rest.AuditorApi;
import org.evidencegateway.transport.rest.AuditorEdge;
import org.evidencegateway.transport.rest.RestApi;
import org.evidencegateway.transport.rest.RestEdge;
import org.evidencegateway.transport.soap.SoapEdge;
import org.evidencegateway.transport.soap.SoapEndpoint;
import org.evidencegateway.transport.soap.SoapRequestRefusals;
import org.evidencegateway.trust.KeyReferences;
import org.evidencegateway.trust.SignerCertificateValidator;
import org.evidencegateway.trust.TrustAnchors;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * Builds the gateway from its configuration and binds every named bean the routes use: the plain-Java stages of
 * ingest, the transport edges, the HTTPS endpoint, the broker, the database, the health checks and the meter
 * registry. The only place that knows them all.
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
        PackageRepository repository = new PackageRepository(new CallbackSubscribers(parties));
        AuditLedger ledger = AuditLedger.from(config, database, clock);
        AuditLog audit = ledger.log();
        ConfigurationAudit configurationAudit = new ConfigurationAudit(transactions, audit, config.get(GatewayConfig.ID),
                clock);
        configurationAudit.trustAnchors(config.get(GatewayConfig.TRUST_DIR));
        configurationAudit.partyRegistry(parties.file());
        parties.whenReloaded(() -> configurationAudit.partyRegistry(parties.file()));
        PackageStore store = new PackageStore(data.resolve("store"));
        store.clearSpool();

        String password = config.get(GatewayConfig.KEY_PASSWORD);
        EvidenceSigner signer = new EvidenceSigner(KeyReferences.load(config.get(GatewayConfig.EVIDENCE_KEY), password).signer());
        SubmissionEvidences evidences = new SubmissionEvidences(config.get(GatewayConfig.ID), parties, store,
                transactions, repository, audit, signer, clock);
        SubmissionReceiver receiver = new SubmissionReceiver(parties, store,
                config.get(GatewayConfig.MAX_PACKAGE_SIZE), config.get(GatewayConfig.UPLOAD_TIMEOUT), clock);
        MeterRegistry meters = meterRegistry(registry);
        Broker broker = bindBroker(context, data);

        registry.bind("database", database);
        registry.bind("partyRegistry", parties);
        registry.bind("auditCheckpoints", ledger.scheduler());
        registry.bind("submissionVerifier", new SubmissionVerifier(opener, parties,
                config.get(GatewayConfig.REPLAY_MAX_AGE), config.get(GatewayConfig.REPLAY_MAX_SKEW), clock));
        registry.bind("packageRegistrar", new PackageRegistrar(store, transactions, repository, audit));
        registry.bind("submissionEvidences", evidences);
        registry.bind("packageRecovery", new PackageRecovery(transactions, repository));
        registry.bind("ingestEdge", new IngestEdge(receiver, evidences, new IngestMetrics(meters),
                config.get(GatewayConfig.MAX_CONCURRENT_UPLOADS)));
        registry.bind("queueEdge", new QueueEdge(evidences, queueDepths(meters, broker.embedded(), parties.current())));
        PackageQueries queries = new PackageQueries(parties, transactions, repository);
        registry.bind("restEdge", new RestEdge(queries));
        registry.bind("soapEdge", new SoapEdge(queries));
        registry.bind("auditorEdge", new AuditorEdge(new AuditorAccess(parties, transactions, audit, clock),
                new AuditorQueries(transactions, ledger.signer())));

        bindDelivery(context, anchors, parties, new Storage(store, transactions, repository, audit), signer, data,
                broker, new DeliveryMetrics(meters));

        for (HealthCheck check : GatewayHealth.checks(broker.embedded(), broker.connections(), broker.url(), store,
                data.resolve("store"), config.get(GatewayConfig.STORE_MIN_FREE_SPACE), database, parties)) {
            registry.bind(check.getId(), check);
        }
        bindHttps(context, anchors, parties, data);
    }

    /**
     * The registry Camel's Prometheus endpoint scrapes: the one Camel bound already, else a new one bound under the
     * name Camel looks for, so that Camel's and the gateway's meters are exposed together.
     */
    private static MeterRegistry meterRegistry(Registry registry) {
        MeterRegistry found = MicrometerUtils.getMeterRegistryFromCamelRegistry(registry,
                MicrometerConstants.METRICS_REGISTRY_NAME);
        if (found != null) {
            return found;
        }
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, created);
        return created;
    }

    /** Depth gauges for every case system's queues; null with an external broker, whose queues we cannot read. */
    private static QueueDepths queueDepths(MeterRegistry meters, EmbeddedBroker embedded, PartyRegistry parties) {
        if (embedded == null) {
            return null;
        }
        QueueDepths depths = new QueueDepths(meters, embedded::messageCount);
        parties.parties().stream().filter(p -> p.role() == Role.CASE_SYSTEM)
                .forEach(p -> depths.watch(p.id()));
        return depths;
    }

    /** What the stages of ingest and delivery share: the package store, the database and the audit log. */
    private record Storage(PackageStore store, Transactions transactions, PackageRepository repository,
                           AuditLog audit) {
    }

    /** The delivery stage's beans, and one transacted consumer route per case system of the registry. */
    private void bindDelivery(CamelContext context, TrustAnchors anchors, ReloadingPartyRegistry parties,
                              Storage storage, EvidenceSigner signer, Path data, Broker broker,
                              DeliveryMetrics metrics) throws Exception {
        Registry registry = context.getRegistry();
        DeliveryEvidences evidences = new DeliveryEvidences(config.get(GatewayConfig.ID), parties,
                storage.transactions(), storage.repository(), storage.audit(), signer,
                config.get(GatewayConfig.DELIVERY_MAX_ATTEMPTS), clock);
        Reenveloper reenveloper = new Reenveloper(storage.store(), recipientKeys(), data.resolve("delivery"));
        reenveloper.clearWork();
        SSLContext tls = DeliveryTls.context(Path.of(config.get(GatewayConfig.TLS_CLIENT_KEY)),
                config.get(GatewayConfig.KEY_PASSWORD), anchors);
        Duration timeout = config.get(GatewayConfig.DELIVERY_TIMEOUT);
        registry.bind("callbackNotifier", callbackNotifier(parties, storage, tls));
        registry.bind("deliveryEdge", new DeliveryEdge(evidences));
        registry.bind("reenveloper", reenveloper);
        registry.bind("caseSystemDelivery", new CaseSystemDelivery(Map.of(
                DeliveryProtocol.REST, new RestCaseSystemClient(tls, timeout),
                DeliveryProtocol.SOAP, new SoapCaseSystemClient(tls, timeout)), new AcknowledgementCheck(
                new AcknowledgementVerifier(new SignerCertificateValidator(anchors, clock))), evidences, metrics));
        registry.bind("deliveryEvidences", evidences);
        registry.bind("deadLetters", new DeadLetters(broker.connections()));
        registry.bind("adminEdge", new AdminEdge(parties, new DeadLetterOperations(parties, storage.transactions(),
                storage.repository(), storage.audit(), new DeadLetterQueues(broker.connections()), clock)));
        List<String> destinations = parties.current().parties().stream()
                .filter(p -> p.role() == Role.CASE_SYSTEM && p.delivery() != null).map(p -> p.id()).toList();
        if (broker.embedded() != null) {
            // An external broker's operator creates them (docs/operations.md). Created with delivery off too, for
            // operators to browse: browsing a missing one would create it without its filter.
            for (String destination : destinations) {
                broker.embedded().ensureDeadLetterQueue(ClaimCheck.queueFor(destination));
            }
        }
        if (!config.get(GatewayConfig.DELIVERY_ENABLED)) {
            return;
        }
        context.addRoutes(new DeliveryConsumers(destinations, config.get(GatewayConfig.DELIVERY_CONSUMERS)));
    }

    /** Pushes evidences to the parties' callbacks with the TLS client key that delivery uses. */
    private CallbackNotifier callbackNotifier(Supplier<PartyRegistry> parties, Storage storage, SSLContext tls) {
        RetryBackoff backoff = new RetryBackoff(config.get(GatewayConfig.CALLBACK_INITIAL_RETRY_DELAY),
                config.get(GatewayConfig.CALLBACK_MAX_RETRY_DELAY), ThreadLocalRandom.current()::nextDouble);
        return new CallbackNotifier(parties, storage.transactions(), new CallbackOutbox(), storage.audit(),
                new CallbackClient(tls, config.get(GatewayConfig.CALLBACK_TIMEOUT)), backoff,
                config.get(GatewayConfig.CALLBACK_MAX_ATTEMPTS), config.get(GatewayConfig.ID),
                new CallbackNotifier.Clocks(clock, Clock.systemUTC()));
    }

    private List<RecipientKey> recipientKeys() {
        String password = config.get(GatewayConfig.KEY_PASSWORD);
        return config.get(GatewayConfig.DECRYPTION_KEYS).stream()
                .map(k -> KeyReferences.load(k, password).recipientKey()).toList();
    }

    /** A fresh opener per package, so that a reloaded party registry's signing delegations apply at once. */
    private Supplier<PackageOpener> openers(TrustAnchors anchors, Supplier<PartyRegistry> parties) {
        List<RecipientKey> keys = recipientKeys();
        return () -> new PackageOpener(new OpeningPolicy(keys, anchors, parties.get().signingDelegations(),
                ArchiveLimits.DEFAULT, clock));
    }

    private Broker bindBroker(CamelContext context, Path data) throws Exception {
        String url = config.get(GatewayConfig.BROKER_URL);
        EmbeddedBroker embedded = null;
        if ("embedded".equals(url)) {
            embedded = EmbeddedBroker.start(data.resolve("broker"), new BrokerSettings(
                    config.get(GatewayConfig.DELIVERY_INITIAL_RETRY_DELAY),
                    config.get(GatewayConfig.DELIVERY_MAX_RETRY_DELAY), config.get(GatewayConfig.DELIVERY_MAX_ATTEMPTS)));
            context.getRegistry().bind("embeddedBroker", embedded);
            context.addService(new Closing("embedded broker", embedded));
            url = EmbeddedBroker.URL;
        }
        ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory(url);
        // The queues are fixed (one per case system and its DLQ): no round trip to the broker to look one up per send.
        connections.setCacheDestinations(true);
        context.addService(new Closing("broker connections", connections));
        // sjms2 opens a connection, a session and a producer for every message it sends unless the factory pools
        // them; opening a connection takes a lock in the client, so unpooled, every ingest queued behind it.
        JmsPoolConnectionFactory pooled = new JmsPoolConnectionFactory();
        pooled.setConnectionFactory(connections);
        context.addService(new Closing("pooled broker connections", pooled::stop));
        Sjms2Component sjms2 = new Sjms2Component();
        sjms2.setConnectionFactory(pooled);
        context.addComponent("sjms2", sjms2);
        return new Broker(embedded, connections, url);
    }

    /** The broker the gateway talks to: the embedded one (null if external), and how to connect. */
    private record Broker(EmbeddedBroker embedded, ActiveMQConnectionFactory connections, String url) {
    }

    /** One HTTPS listener (one port, one TLS configuration) serves the REST API and the SOAP endpoint. */
    private void bindHttps(CamelContext context, TrustAnchors anchors, Supplier<PartyRegistry> parties, Path data)
            throws Exception {
        Bus bus = BusFactory.newInstance().createBus();
        // Over HTTP/2 (Undertow + CXF) the request body reaches the route only once fully received, out of reach of
        // the upload limits and spooled who knows where; HTTP/1.1 streams it. Clients negotiate 1.1 through ALPN.
        bus.setProperty(HttpServerEngineSupport.ENABLE_HTTP2, false);
        int port = config.get(GatewayConfig.REST_PORT);
        bus.getExtension(UndertowHTTPServerEngineFactory.class).setTLSServerParametersForPort(port,
                TlsSettings.server(Path.of(config.get(GatewayConfig.TLS_KEY)), config.get(GatewayConfig.KEY_PASSWORD),
                        new RegisteredClientTrustManager(parties, anchors, clock)));
        // A client that stops sending mid-upload would otherwise hold a worker thread in a blocking read for ever.
        UndertowHTTPServerEngine engine = bus.getExtension(UndertowHTTPServerEngineFactory.class)
                .createUndertowHTTPServerEngine(config.get(GatewayConfig.HOST), port, "https");
        engine.setMaxIdleTime(Math.toIntExact(config.get(GatewayConfig.IDLE_TIMEOUT).toMillis()));
        context.addService(new Closing("CXF bus", () -> bus.shutdown(true)));
        String root = "https://" + config.get(GatewayConfig.HOST) + ":" + port;
        CxfRsEndpoint rest = context.getEndpoint("cxfrs://" + root
                + "/?resourceClasses=" + RestApi.class.getName() + "," + AdminApi.class.getName() + ","
                + AuditorApi.class.getName() + "&bindingStyle=SimpleConsumer", CxfRsEndpoint.class);
        rest.setBus(bus);
        context.getRegistry().bind("restEndpoint", rest);
        context.getRegistry().bind("soapEndpoint", SoapEndpoint.create(context, bus, root,
                data.resolve("soap-attachments"), config.get(GatewayConfig.MAX_PACKAGE_SIZE), new SoapRequestRefusals(
                        context.getRegistry().lookupByNameAndType("ingestEdge", IngestEdge.class),
                        context.getRegistry().lookupByNameAndType("soapEdge", SoapEdge.class))));
        context.getRegistry().bind("cxfBus", bus);
    }
}
