package org.evidencegateway.audit;

/**
 * One stored entry: its sequence number and its canonical JSON exactly as appended.
 */
public record LedgerEntry(long seq, String json) {
}
