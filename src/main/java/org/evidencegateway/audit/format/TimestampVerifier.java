package org.evidencegateway.audit.format;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * Checks an RFC 3161 {@code TimeStampResp} over some data: granted, signed by a timeStamping certificate that
 * chains to the trusted TSA root at the time it states, and with the SHA-256 of the data as message imprint.
 */
public final class TimestampVerifier {
    private final X509Certificate tsaRoot;

    public TimestampVerifier(X509Certificate tsaRoot) {
        this.tsaRoot = tsaRoot;
    }

    /** The time the authority vouches that {@code data} existed at. */
    public Instant verify(byte[] timeStampResp, byte[] data) throws TimestampException {
        TimeStampToken token = token(timeStampResp);
        X509Certificate signer = signerCertificate(token);
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        validatePath(signer, token, genTime);
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException | OperatorCreationException e) {
            throw new TimestampException("the timestamp's signature by " + signer.getSubjectX500Principal()
                    + " does not verify: " + e.getMessage(), e);
        }
        if (!token.getTimeStampInfo().getMessageImprintAlgOID().equals(NISTObjectIdentifiers.id_sha256)) {
            throw new TimestampException("the timestamp's message imprint is "
                    + token.getTimeStampInfo().getMessageImprintAlgOID() + ", expected SHA-256");
        }
        byte[] expected = LogHashes.sha256().digest(data);
        byte[] found = token.getTimeStampInfo().getMessageImprintDigest();
        if (!MessageDigest.isEqual(expected, found)) {
            throw new TimestampException("the timestamp is over SHA-256 " + LogHashes.hex(found)
                    + ", but the data hashes to " + LogHashes.hex(expected));
        }
        return genTime;
    }

    private static TimeStampToken token(byte[] timeStampResp) throws TimestampException {
        try {
            TimeStampResponse response = new TimeStampResponse(timeStampResp);
            if (response.getTimeStampToken() == null) {
                throw new TimestampException("the time-stamping authority did not grant the request (status "
                        + response.getStatus() + ": " + response.getStatusString() + ")");
            }
            return response.getTimeStampToken();
        } catch (TSPException | IOException e) {
            throw new TimestampException("not an RFC 3161 TimeStampResp: " + e.getMessage(), e);
        }
    }

    private static X509Certificate signerCertificate(TimeStampToken token) throws TimestampException {
        Store<X509CertificateHolder> certificates = token.getCertificates();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = certificates.getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new TimestampException("the timestamp does not carry its signer's certificate (request certReq)");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            throw new TimestampException("unreadable TSA certificate: " + e.getMessage(), e);
        }
    }

    private void validatePath(X509Certificate signer, TimeStampToken token, Instant at) throws TimestampException {
        try {
            List<X509Certificate> path = new ArrayList<>(List.of(signer));
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
            for (X509CertificateHolder holder : all) {
                X509Certificate c = converter.getCertificate(holder);
                if (!c.equals(signer) && !c.equals(tsaRoot)
                        && !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    path.add(c);
                }
            }
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(tsaRoot, null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        } catch (GeneralSecurityException e) {
            throw new TimestampException("the TSA certificate " + signer.getSubjectX500Principal()
                    + " does not chain to the trusted TSA root " + tsaRoot.getSubjectX500Principal() + " at " + at
                    + ": " + e.getMessage(), e);
        }
    }
}
