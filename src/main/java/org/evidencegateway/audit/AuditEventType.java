package org.evidencegateway.audit;

/** Every kind of state change the audit log records. */
public enum AuditEventType {
    PACKAGE_RECEIVED,
    PACKAGE_REJECTED,
    PACKAGE_ACCEPTED,
    PACKAGE_QUEUED,
    DELIVERY_ATTEMPTED,
    PACKAGE_DELIVERED,
    PACKAGE_NOT_DELIVERED,
    DEAD_LETTERED,
    DEAD_LETTER_REPLAYED,
    DEAD_LETTER_DISCARDED,
    /** An operator action (or a non-operator's attempt at one) refused with an error code. */
    OPERATOR_ACTION_REFUSED,
    ADMINISTRATIVE_ACTION,
    PARTY_REGISTRY_CHANGED,
    TRUST_ANCHORS_CHANGED,
    /** A party was refused access to an API it has no role for (e.g. the auditor API). */
    ACCESS_REFUSED,
    /** The gateway gave up notifying a party's callback of an evidence (the party can still read it). */
    CALLBACK_ABANDONED
}
