package org.evidencegateway.crypto;

import java.io.InputStream;
import java.security.cert.X509Certificate;

/**
 * The decrypting plaintext stream of a package's outer layer, with what was used to open it.
 *
 * @param plaintext  the decrypted content (a SignedData ContentInfo); read to its end to check a GCM tag
 * @param encryption the content-encryption algorithm the sender chose
 * @param recipient  the certificate of ours the package was opened with
 */
public record OpenedEnvelope(InputStream plaintext, ContentEncryption encryption, X509Certificate recipient) {
}
