package org.evidencegateway.transport;

import org.evidencegateway.error.CodedException;
import org.evidencegateway.evidence.SignedEvidence;

/**
 * A refused request, ready for a transport to render: the coded reason and, for a refused submission from a known
 * party, the signed SubmissionRejection.
 *
 * @param evidence the rejection evidence, or null
 */
public record Refusal(CodedException reason, SignedEvidence evidence) {
}
