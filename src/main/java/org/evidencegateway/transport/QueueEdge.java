package org.evidencegateway.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.queue.QueueDepths;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.receive.Submission;
import org.evidencegateway.receive.SubmissionEvidences;

/**
 * Turns a registered submission into the message its destination's queue carries: the claim check as JSON, the
 * destination for the route, the package id, and the case reference as the JMS message group so that packages of
 * one case are delivered in order.
 */
public final class QueueEdge {
    /** Header naming the destination party (the route builds the queue name from it). */
    public static final String DESTINATION = ClaimCheck.DESTINATION_PROPERTY;
    /** Header carrying the package id on the queue. */
    public static final String PACKAGE_ID = ClaimCheck.PACKAGE_ID_PROPERTY;
    /** JMS message-group property: one consumer at a time per group, in order. */
    public static final String GROUP = ClaimCheck.GROUP_PROPERTY;

    /** Exchange property keeping the transport's headers while the claim check is sent. */
    private static final String TRANSPORT_HEADERS = "evgwTransportHeaders";

    private final SubmissionEvidences evidences;
    private final QueueDepths depths;

    /** @param depths gauges of the queues' depths, or null if the broker's queues cannot be read (external broker) */
    public QueueEdge(SubmissionEvidences evidences, QueueDepths depths) {
        this.evidences = evidences;
        this.depths = depths;
    }

    /**
     * Replaces the body (a {@link Submission}) with its claim check message, and the headers with the claim check's
     * own: the transport's headers (HTTP Host, Content-Type, Content-Length of the package...) would otherwise
     * become properties of the JMS message and mislead its consumers. Submission and headers wait in properties.
     */
    public void toMessage(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getIn();
        Submission submission = in.getBody(Submission.class);
        exchange.setProperty(IngestEdge.SUBMISSION, submission);
        exchange.setProperty(TRANSPORT_HEADERS, new HashMap<>(in.getHeaders()));
        in.removeHeaders("*");
        ClaimCheck check = evidences.claimCheck(submission);
        in.setHeader(DESTINATION, check.destination());
        if (depths != null) {
            depths.watch(check.destination());
        }
        in.setHeader(PACKAGE_ID, check.packageId().toString());
        in.setHeader(GROUP, check.group());
        in.setBody(CanonicalJson.MAPPER.writeValueAsString(check));
    }

    /** Restores the submission as the body and the transport's headers after the send. */
    @SuppressWarnings("unchecked")
    public Submission afterSend(Exchange exchange) {
        Submission submission = exchange.getProperty(IngestEdge.SUBMISSION, Submission.class);
        exchange.setProperty(IngestEdge.QUEUED_FOR, exchange.getIn().getHeader(DESTINATION));
        Map<String, Object> headers = exchange.getProperty(TRANSPORT_HEADERS, Map.class);
        exchange.removeProperty(TRANSPORT_HEADERS);
        exchange.getIn().removeHeaders("*");
        if (headers != null) {
            exchange.getIn().getHeaders().putAll(headers);
        }
        return submission;
    }
}
