package org.evidencegateway.audit;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.party.Role;
import org.evidencegateway.store.Transactions;

/**
 * Who may read the audit log through the auditor API: parties with role AUDITOR only. A refusal is itself
 * recorded in the log ({@code ACCESS_REFUSED}) before it is answered with {@code EGW-AUDIT-001}.
 */
public final class AuditorAccess {
    private final Supplier<PartyRegistry> parties;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public AuditorAccess(Supplier<PartyRegistry> parties, Transactions transactions, AuditLog audit, Clock clock) {
        this.parties = parties;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The auditor party of a TLS client.
     *
     * @param operation what it asked for, recorded with a refusal
     * @throws AuthorizationException {@code EGW-AUDIT-001} (recorded) for a party of another role
     */
    public RegisteredParty requireAuditor(X509Certificate client, String operation) {
        RegisteredParty party = parties.get().requireTlsClient(client);
        if (party.role() == Role.AUDITOR) {
            return party;
        }
        AuthorizationException refusal = new AuthorizationException(ErrorCode.AUDIT_NOT_AUDITOR, party.id(),
                party.role());
        transactions.inTransaction(c -> audit.append(c, new AuditEvent(AuditEventType.ACCESS_REFUSED,
                clock.instant(), null, party.id(), Map.of("code", refusal.code().code(), "operation", operation,
                "role", party.role().name()))));
        throw refusal;
    }
}
