package org.evidencegateway.transport;

import java.io.InputStream;
import java.security.cert.X509Certificate;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.receive.Submission;
import org.evidencegateway.receive.SubmissionEvidences;
import org.evidencegateway.receive.SubmissionReceiver;

/**
 * The Camel side of ingest shared by REST and SOAP: starts a submission from an exchange (TLS client, body
 * stream) and, when any step fails, turns the failure into a recorded refusal.
 */
public final class IngestEdge {
    /** Exchange property holding the party id of the TLS client. */
    public static final String SUBMITTER = "evgwSubmitter";
    /** Exchange property holding the {@link Submission} as far as it got. */
    public static final String SUBMISSION = "evgwSubmission";
    /** Exchange property set while a package is being submitted (not for status queries). */
    public static final String SUBMITTING = "evgwSubmitting";

    private final SubmissionReceiver receiver;
    private final SubmissionEvidences evidences;

    public IngestEdge(SubmissionReceiver receiver, SubmissionEvidences evidences) {
        this.receiver = receiver;
        this.evidences = evidences;
    }

    /** Identifies the client's party and spools the body; the result is the exchange's new body. */
    public Submission receive(Exchange exchange) throws InvalidPayloadException {
        InputStream body = exchange.getIn().getMandatoryBody(InputStream.class);
        exchange.setProperty(SUBMITTING, true);
        RegisteredParty submitter = receiver.submitter(ClientCertificates.of(exchange));
        exchange.setProperty(SUBMITTER, submitter.id());
        Submission submission = receiver.receive(submitter, body);
        exchange.setProperty(SUBMISSION, submission);
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
        boolean known = submitter != null;
        if (!known) {
            submitter = describeClient(exchange);
        }
        return new Refusal(coded, evidences.rejected(submission, submitter, known, coded));
    }

    private static String describeClient(Exchange exchange) {
        try {
            X509Certificate client = ClientCertificates.of(exchange);
            return client.getSubjectX500Principal().getName();
        } catch (CodedException e) {
            return null;
        }
    }

    static CodedException coded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CodedException coded) {
                return coded;
            }
        }
        return new CodedException(ErrorCode.INTERNAL, failure,
                failure == null ? "unknown failure" : failure.getClass().getSimpleName());
    }
}
