package org.evidencegateway.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A key we decrypt packages with, and the certificate senders encrypt to.
 *
 * @param key         the private key (RSA for key transport, EC for key agreement)
 * @param certificate the certificate whose issuer/serial or key identifier names us as a recipient
 */
public record RecipientKey(PrivateKey key, X509Certificate certificate) {
}
