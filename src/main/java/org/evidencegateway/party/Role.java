package org.evidencegateway.party;

/** What a registered party is, and so which rights it can hold (docs/party-registry.md, Roles). */
public enum Role {
    /** A law-enforcement or prosecuting agency that sends and receives packages. */
    AGENCY,
    /** A case-management system packages are delivered to. */
    CASE_SYSTEM,
    /** Reads the status and evidences of every package; sends nothing. */
    AUDITOR,
    /** The gateway's operators: administrative actions. */
    OPERATOR
}
