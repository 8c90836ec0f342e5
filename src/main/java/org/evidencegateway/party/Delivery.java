package org.evidencegateway.party;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Where and how packages reach a case system.
 *
 * @param protocol              REST or SOAP
 * @param endpoint              absolute {@code https} URL
 * @param encryptionCertificate the certificate packages are re-encrypted to
 */
public record Delivery(DeliveryProtocol protocol, URI endpoint, X509Certificate encryptionCertificate) {
    public Delivery {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
    }
}
