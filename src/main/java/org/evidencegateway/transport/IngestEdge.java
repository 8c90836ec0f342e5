package org.evidencegateway.transport;

import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.support.SynchronizationAdapter;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.receive.Submission;
import org.evidencegateway.receive.SubmissionEvidences;
import org.evidencegateway.receive.SubmissionReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Camel side of ingest shared by REST and SOAP: admits a submission within the concurrency limit, starts it
 * from an exchange (TLS client, body stream) and, when any step fails, turns the failure into a recorded refusal.
 * When the exchange completes it frees the upload slot, counts the outcome and logs one line about it.
 *
 * <p>While a submission is handled, the logging MDC carries {@value #MDC_SUBMITTER} and, once the package is
 * verified, {@value #MDC_PACKAGE_ID}; a refusal's line adds {@value #MDC_CODE}.
 */
public final class IngestEdge {
    /** Exchange property holding the party id of the TLS client. */
    public static final String SUBMITTER = "evgwSubmitter";
    /** Exchange property holding the {@link Submission} as far as it got. */
    public static final String SUBMISSION = "evgwSubmission";
    /** Exchange property set while a package is being submitted (not for status queries). */
    public static final String SUBMITTING = "evgwSubmitting";
    /** Exchange property naming the destination party once the package is on its queue. */
    public static final String QUEUED_FOR = "evgwQueuedFor";

    public static final String MDC_PACKAGE_ID = "packageId";
    public static final String MDC_SUBMITTER = "submitter";
    public static final String MDC_CODE = "code";

    private static final Logger LOG = LoggerFactory.getLogger(IngestEdge.class);

    private final SubmissionReceiver receiver;
    private final SubmissionEvidences evidences;
    private final IngestMetrics metrics;
    private final int maxConcurrentUploads;
    private final Semaphore uploads;

    public IngestEdge(SubmissionReceiver receiver, SubmissionEvidences evidences, IngestMetrics metrics,
                      int maxConcurrentUploads) {
        this.receiver = receiver;
        this.evidences = evidences;
        this.metrics = metrics;
        this.maxConcurrentUploads = maxConcurrentUploads;
        this.uploads = new Semaphore(maxConcurrentUploads);
    }

    /**
     * Identifies the client's party, takes an upload slot and spools the body; the result is the exchange's new
     * body.
     *
     * @throws CodedException {@code EGW-REQ-003} at once if every upload slot is taken
     */
    public Submission receive(Exchange exchange) throws InvalidPayloadException {
        clearMdc();
        Finished finished = new Finished();
        exchange.getExchangeExtension().addOnCompletion(finished);
        InputStream body = exchange.getIn().getMandatoryBody(InputStream.class);
        // From here on every refusal is a refused submission: answered with its code, audited, and (for a known
        // party) signed — a busy gateway included.
        exchange.setProperty(SUBMITTING, true);
        RegisteredParty submitter = receiver.submitter(ClientCertificates.of(exchange));
        exchange.setProperty(SUBMITTER, submitter.id());
        MDC.put(MDC_SUBMITTER, submitter.id());
        finished.admitted = uploads.tryAcquire();
        if (!finished.admitted) {
            throw new CodedException(ErrorCode.REQ_BUSY, maxConcurrentUploads);
        }
        Submission submission = receiver.receive(submitter, body);
        metrics.received(submission.packageSize());
        exchange.setProperty(SUBMISSION, submission);
        return submission;
    }

    /**
     * Starts every request over the listener (submission, status query, admin or auditor request) with an empty
     * logging context: the worker thread may still hold the keys of the last submission it ran.
     */
    public void startRequest() {
        clearMdc();
    }

    /** Notes a verified submission: from here on, every log line about it names its package id. */
    public Submission verified(Submission submission, Exchange exchange) {
        exchange.setProperty(SUBMISSION, submission);
        MDC.put(MDC_PACKAGE_ID, submission.report().manifest().packageId().toString());
        return submission;
    }

    /** The failure of this exchange as a refusal, recorded (audit, rejection evidence) if it was a submission. */
    public Refusal refuse(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        CodedException coded = coded(failure);
        if (!exchange.getProperty(SUBMITTING, false, Boolean.class)) {
            return new Refusal(coded, null);
        }
        // The body is the input of the step that failed: the submission as far as it got.
        Submission submission = exchange.getIn().getBody() instanceof Submission s ? s
                : exchange.getProperty(SUBMISSION, Submission.class);
        if (submission != null && submission.record() != null) {
            // Stored and recorded already: not refused. It is queued at the next start-up or when submitted again.
            return new Refusal(coded, null);
        }
        String submitter = exchange.getProperty(SUBMITTER, String.class);
        if (submitter != null) {
            return new Refusal(coded, evidences.rejected(submission, submitter, true, coded));
        }
        return refuseRequest(clientOf(exchange), coded);
    }

    /**
     * Records the refusal of a request that never reached a route — the SOAP stack refused its XML — as a refused
     * submission: audited, and signed for a registered client.
     *
     * @param client the request's TLS client certificate, or null if unknown
     */
    public Refusal refuseRequest(X509Certificate client, CodedException reason) {
        // Not counted by the ingest metrics: no exchange, so no Finished; the caller logs it.
        RegisteredParty party = client == null ? null : registered(client);
        return party == null ? new Refusal(reason, evidences.rejected(null, describe(client), false, reason))
                : new Refusal(reason, evidences.rejected(null, party.id(), true, reason));
    }

    private RegisteredParty registered(X509Certificate client) {
        try {
            return receiver.submitter(client);
        } catch (CodedException unknown) {
            return null;
        }
    }

    private static X509Certificate clientOf(Exchange exchange) {
        try {
            return ClientCertificates.of(exchange);
        } catch (CodedException e) {
            return null;
        }
    }

    private static String describe(X509Certificate client) {
        return client == null ? null : client.getSubjectX500Principal().getName();
    }

    /** The coded exception in {@code failure}'s causes, or an internal error wrapping it. */
    public static CodedException coded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CodedException coded) {
                return coded;
            }
        }
        return new CodedException(ErrorCode.INTERNAL, failure,
                failure == null ? "unknown failure" : failure.getClass().getSimpleName());
    }

    private static void clearMdc() {
        MDC.remove(MDC_PACKAGE_ID);
        MDC.remove(MDC_SUBMITTER);
        MDC.remove(MDC_CODE);
    }

    /**
     * Runs once the answer is ready, on whichever thread finishes the exchange (the broker's send may complete on
     * another): slot, metrics, log line, MDC. The thread that ran the route clears its MDC at its next submission.
     */
    private final class Finished extends SynchronizationAdapter {
        private volatile boolean admitted;

        @Override
        public void onDone(Exchange exchange) {
            try {
                if (admitted) {
                    uploads.release();
                }
                report(exchange, Duration.ofMillis(exchange.getClock().elapsed()));
            } finally {
                clearMdc();
            }
        }

        private void report(Exchange exchange, Duration took) {
            String submitter = exchange.getProperty(SUBMITTER, String.class);
            if (submitter == null) {
                submitter = describe(clientOf(exchange));
            }
            // The exchange may finish on another thread than it started: set every key, whatever was there.
            clearMdc();
            MDC.put(MDC_SUBMITTER, String.valueOf(submitter));
            Submission submission = exchange.getProperty(SUBMISSION, Submission.class);
            Manifest manifest = submission == null || submission.report() == null ? null
                    : submission.report().manifest();
            if (manifest != null) {
                MDC.put(MDC_PACKAGE_ID, manifest.packageId().toString());
            }
            Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            if (failure == null) {
                failure = exchange.getException();
            }
            if (failure != null) {
                CodedException coded = coded(failure);
                MDC.put(MDC_CODE, coded.code().code());
                metrics.refused(coded.code().code(), took);
                if (coded.code().category() == ErrorCode.Category.INTERNAL) {
                    // Our failure, not the sender's: the operator needs the whole story.
                    LOG.error("submission from {} failed on our side after {} ms: {} {}", submitter, took.toMillis(),
                            coded.code().code(), coded.getMessage(), failure);
                } else {
                    LOG.info("refused submission from {} after {} ms: {} {}", submitter, took.toMillis(),
                            coded.code().code(), coded.getMessage());
                }
                return;
            }
            if (manifest == null) {
                return;
            }
            String destination = exchange.getProperty(QUEUED_FOR, String.class);
            if (destination != null) {
                metrics.accepted(destination, took);
                LOG.info("accepted package {} {} → {} (queued for {}): {} bytes in {} ms", manifest.packageId(),
                        manifest.sender().agency(), manifest.recipient().agency(), destination,
                        submission.packageSize(), took.toMillis());
            } else {
                metrics.repeated(took);
                LOG.info("package {} {} → {} submitted again with the same bytes: original receipt returned in {} ms",
                        manifest.packageId(), manifest.sender().agency(), manifest.recipient().agency(),
                        took.toMillis());
            }
        }
    }
}
