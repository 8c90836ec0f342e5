package org.evidencegateway.store;

/** Where a package stands; the timeline of a package is the sequence of these it went through. */
public enum PackageStatus {
    /** Stored durably, not yet on its destination's queue. */
    RECEIVED,
    /** On its destination's queue; the sender holds a SubmissionAcceptance. */
    ACCEPTED,
    /** A delivery attempt is under way or waiting to be retried. */
    DELIVERING,
    /** The case system confirmed receipt. */
    DELIVERED,
    /** Delivery failed for good; a NonDelivery evidence was issued. */
    DELIVERY_FAILED;

    /** Whether a package in this status has reached the end of its way. */
    public boolean isFinal() {
        return this == DELIVERED || this == DELIVERY_FAILED;
    }

    /**
     * Whether an operator may send a package in this status to its case system again (a dead letter replayed): only
     * a failed delivery, which then returns to {@link #DELIVERING}. The one way back; every other step goes forward.
     */
    public boolean mayBeReplayed() {
        return this == DELIVERY_FAILED;
    }

    /** Whether a package in this status may move on to {@code next}: forward only, and never from a final status. */
    public boolean mayAdvanceTo(PackageStatus next) {
        return !isFinal() && ordinal() < next.ordinal();
    }
}
