package org.evidencegateway.notify;

import java.net.URI;
import java.util.UUID;
import org.evidencegateway.evidence.SignedEvidence;

/** Sends one evidence to one callback, once. */
@FunctionalInterface
public interface CallbackPoster {
    /**
     * @return null if the callback took the evidence (answered 2xx), else what went wrong, for the log and the audit
     *         entry; never throws for a failure of the callback
     */
    String post(URI url, UUID packageId, SignedEvidence evidence);
}
