package org.evidencegateway.audit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.evidencegateway.config.GatewayConfig;
import org.evidencegateway.store.Transactions;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.KeyReferences;

/**
 * The audit log's parts built from the gateway configuration, shared by the running gateway and {@code evgw audit}:
 * the log itself, the checkpoint signer (the gateway's evidence key) and the checkpoint scheduler with its TSA.
 */
public final class AuditLedger {
    private final AuditLog log = new JdbcAuditLog();
    private final CheckpointSigner signer;
    private final CheckpointScheduler scheduler;

    private AuditLedger(CheckpointSigner signer, CheckpointScheduler scheduler) {
        this.signer = signer;
        this.scheduler = scheduler;
    }

    public static AuditLedger from(GatewayConfig config, DataSource database, Clock clock) {
        String password = config.get(GatewayConfig.KEY_PASSWORD);
        Credential key = KeyReferences.load(config.get(GatewayConfig.EVIDENCE_KEY), password);
        CheckpointSigner signer = new CheckpointSigner(config.get(GatewayConfig.AUDIT_ORIGIN), key);
        String tsaUrl = config.get(GatewayConfig.AUDIT_TSA_URL);
        TimestampAuthority tsa = "embedded".equals(tsaUrl)
                ? new EmbeddedTsa(KeyReferences.load(config.get(GatewayConfig.AUDIT_TSA_KEY), password), clock)
                : new HttpTsa(URI.create(tsaUrl));
        CheckpointScheduler scheduler = new CheckpointScheduler(new Transactions(database), signer,
                new Timestamper(tsa), clock, Duration.ofSeconds(config.get(GatewayConfig.AUDIT_CHECKPOINT_SECONDS)),
                config.get(GatewayConfig.AUDIT_CHECKPOINT_ENTRIES));
        return new AuditLedger(signer, scheduler);
    }

    public AuditLog log() {
        return log;
    }

    public CheckpointSigner signer() {
        return signer;
    }

    public CheckpointScheduler scheduler() {
        return scheduler;
    }
}
