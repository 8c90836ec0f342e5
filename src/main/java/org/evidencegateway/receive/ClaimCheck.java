package org.evidencegateway.receive;

import java.util.UUID;

/**
 * What travels on a destination's queue instead of the package: enough to find it in the store, route it and
 * order it. The payload itself never enters the broker.
 *
 * @param destination   the case-system party the package is for
 * @param storeRef      where the package's bytes are in the package store
 * @param caseReference the sender's case number; packages of one case are delivered in order
 */
public record ClaimCheck(UUID packageId, String destination, String storeRef, String packageSha256, long packageSize,
                         String sender, String recipient, String caseReference, String kind) {
    /** JMS property naming the destination party of a claim check on a queue. */
    public static final String DESTINATION_PROPERTY = "evgwDestination";
    /** JMS property carrying the package id of a claim check on a queue. */
    public static final String PACKAGE_ID_PROPERTY = "evgwPackageId";
    /** JMS message-group property: one consumer at a time per group, in order. */
    public static final String GROUP_PROPERTY = "JMSXGroupID";

    /** The JMS message group of this claim check: packages of one case for one recipient, delivered in order. */
    public String group() {
        return recipient + "/" + caseReference;
    }

    /** The queue of a destination party. */
    public static String queueFor(String destination) {
        return "evgw.deliver." + destination;
    }
}
