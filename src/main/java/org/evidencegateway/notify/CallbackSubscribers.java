package org.evidencegateway.notify;

import java.util.List;
import java.util.function.Supplier;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.store.EvidenceSubscribers;

/**
 * The parties notified of a package's evidences: those of the current registry with a callback that may read the
 * package ({@link PartyRegistry#notifiedOf}).
 */
public final class CallbackSubscribers implements EvidenceSubscribers {
    private final Supplier<PartyRegistry> parties;

    public CallbackSubscribers(Supplier<PartyRegistry> parties) {
        this.parties = parties;
    }

    @Override
    public List<String> of(String sender, String recipient) {
        return parties.get().notifiedOf(sender, recipient).stream().map(RegisteredParty::id).toList();
    }
}
