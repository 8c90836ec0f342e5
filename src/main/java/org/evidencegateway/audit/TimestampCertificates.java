package org.evidencegateway.audit;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;

/** The certificates a time-stamping authority put into its token (certReq), to hand to auditors. */
final class TimestampCertificates {
    private TimestampCertificates() {
    }

    static List<X509Certificate> of(byte[] timeStampResponse) throws IOException {
        try {
            TimeStampResponse response = new TimeStampResponse(timeStampResponse);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> holders = response.getTimeStampToken().getCertificates().getMatches(null);
            List<X509Certificate> out = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder holder : holders) {
                out.add(converter.getCertificate(holder));
            }
            return out;
        } catch (TSPException | GeneralSecurityException e) {
            throw new IOException("unreadable timestamp response: " + e.getMessage(), e);
        }
    }
}
