package org.evidencegateway.evidence;

/**
 * An evidence statement with the exact bytes that were signed and the CMS SignedData over them.
 *
 * @param statement the statement
 * @param json      its canonical JSON bytes (the encapsulated content)
 * @param signed    the DER ContentInfo/SignedData, verifiable with {@code openssl cms -verify}
 */
public record SignedEvidence(Evidence statement, byte[] json, byte[] signed) {
}
