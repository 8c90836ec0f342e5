package org.evidencegateway.evidence;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of evidence the gateway signs, named as in ETSI EN 319 522 (Registered Electronic Mail). */
public enum EvidenceType {
    SUBMISSION_ACCEPTANCE("SubmissionAcceptance"),
    SUBMISSION_REJECTION("SubmissionRejection"),
    RELAY_ACCEPTANCE("RelayAcceptance"),
    DELIVERY("Delivery"),
    NON_DELIVERY("NonDelivery");

    private final String id;

    EvidenceType(String id) {
        this.id = id;
    }

    /** The stable name written in the JSON statement. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Whether this type reports a failure and so carries a reason code. */
    public boolean isFailure() {
        return this == SUBMISSION_REJECTION || this == NON_DELIVERY;
    }
}
