package org.evidencegateway.crypto;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;

/** Small certificate helpers shared by the CMS readers and writers. */
public final class Certificates {
    private Certificates() {
    }

    /** "CN=ua-pgo signing, O=..., C=UA (serial 1a2b)" — how certificates are named in messages. */
    public static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " (serial " + certificate.getSerialNumber().toString(16) + ")";
    }

    /** The Bouncy Castle view of a JCA certificate. */
    public static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("unusable certificate " + certificate.getSubjectX500Principal(), e);
        }
    }
}
