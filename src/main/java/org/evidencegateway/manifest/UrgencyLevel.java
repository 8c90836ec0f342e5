package org.evidencegateway.manifest;

/** How fast the sender asks for a package to be handled. */
public enum UrgencyLevel {
    NORMAL,
    /** Needs a reason and a requested-by date. */
    URGENT
}
