package org.evidencegateway.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.evidencegateway.audit.AuditEvent;
import org.evidencegateway.audit.AuditEventType;
import org.evidencegateway.audit.AuditLog;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.party.Callback;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.store.CallbackOutbox;
import org.evidencegateway.store.CallbackOutbox.Due;
import org.evidencegateway.store.CallbackOutbox.State;
import org.evidencegateway.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the evidences waiting in the callback outbox to the parties' callbacks: on each {@link #tick()} every due
 * notification is POSTed once; a 2xx answer ends it, anything else schedules a retry with {@link RetryBackoff}, and
 * after the last attempt the notification is abandoned with a {@code CALLBACK_ABANDONED} audit entry. All state is
 * in the database, so notifications survive restarts. Not thread-safe: one timer drives it.
 */
public final class CallbackNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackNotifier.class);
    private static final int BATCH = 100;

    private final Supplier<PartyRegistry> parties;
    private final Transactions transactions;
    private final CallbackOutbox outbox;
    private final AuditLog audit;
    private final CallbackPoster client;
    private final RetryBackoff backoff;
    private final int maxAttempts;
    private final String gatewayId;
    private final Clocks clocks;

    /**
     * The clocks of the notifier.
     *
     * @param audit  the gateway's clock, for audit entries
     * @param timing real time, for retry delays: they must pass even when the gateway's clock is fixed
     */
    public record Clocks(Clock audit, Clock timing) {
    }

    public CallbackNotifier(Supplier<PartyRegistry> parties, Transactions transactions, CallbackOutbox outbox,
                            AuditLog audit, CallbackPoster client, RetryBackoff backoff, int maxAttempts,
                            String gatewayId, Clocks clocks) {
        this.parties = parties;
        this.transactions = transactions;
        this.outbox = outbox;
        this.audit = audit;
        this.client = client;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.gatewayId = gatewayId;
        this.clocks = clocks;
    }

    /** Attempts every notification due now; returns how many were attempted. */
    public int tick() {
        List<Due> due = transactions.reading(c -> outbox.due(c, clocks.timing().instant(), BATCH));
        for (Due notification : due) {
            attempt(notification);
        }
        return due.size();
    }

    private void attempt(Due due) {
        Optional<URI> url = parties.get().byId(due.partyId()).map(RegisteredParty::callback).map(Callback::url);
        if (url.isEmpty()) {
            abandon(due, "party " + due.partyId() + " has no callback in the registry any more");
            return;
        }
        String failure = send(url.get(), due);
        if (failure == null) {
            transactions.inTransaction(c -> {
                outbox.attempted(c, due, State.DONE, clocks.timing().instant(), null);
                return null;
            });
        } else if (due.attempts() + 1 >= maxAttempts) {
            abandon(due, failure);
        } else {
            Instant next = clocks.timing().instant().plus(backoff.after(due.attempts() + 1));
            LOG.info("callback of evidence {} to {} failed (attempt {} of {}), retrying at {}: {}", due.evidenceId(),
                    due.partyId(), due.attempts() + 1, maxAttempts, next, failure);
            transactions.inTransaction(c -> {
                outbox.attempted(c, due, State.PENDING, next, failure);
                return null;
            });
        }
    }

    /** One POST; null if the callback took it, else what went wrong. */
    private String send(URI url, Due due) {
        try {
            return client.post(url, due.packageId(), SignedEvidence.readStored(due.signed()));
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private void abandon(Due due, String failure) {
        LOG.warn("callback of evidence {} to {} abandoned after {} attempts: {}", due.evidenceId(), due.partyId(),
                due.attempts() + 1, failure);
        transactions.inTransaction(c -> {
            outbox.attempted(c, due, State.ABANDONED, clocks.timing().instant(), failure);
            audit.append(c, new AuditEvent(AuditEventType.CALLBACK_ABANDONED, clocks.audit().instant(),
                    due.packageId(), gatewayId, Map.of("party", due.partyId(),
                    "evidenceId", due.evidenceId().toString(), "attempts", Integer.toString(due.attempts() + 1),
                    "reason", failure)));
            return null;
        });
    }
}
