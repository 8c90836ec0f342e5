package org.evidencegateway.manifest;

/** What an evidence package is, as stated by its manifest's {@code kind}. */
public enum Kind {
    /** Asks the other state for mutual legal assistance. */
    MLA_REQUEST,
    /** Answers a request: refusal, partial execution, a question back. */
    MLA_RESPONSE,
    /** Carries evidence gathered in execution of a request. */
    EVIDENCE,
    /** Any other communication: acknowledgement, reminder, withdrawal. */
    NOTICE;

    /** Whether a manifest of this kind must name the package it refers to in {@code relatedPackageId}. */
    public boolean requiresRelatedPackage() {
        return this == MLA_RESPONSE || this == EVIDENCE;
    }
}
