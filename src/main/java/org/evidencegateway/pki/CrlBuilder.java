package org.evidencegateway.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.evidencegateway.trust.Credential;

/** Builds a CA's X.509 v2 CRL with CRL number, AKI and revoked entries with reasons. */
public final class CrlBuilder {
    private final Credential issuer;
    private final X509v2CRLBuilder builder;
    private BigInteger number = BigInteger.ONE;

    private CrlBuilder(Credential issuer, Instant thisUpdate, Instant nextUpdate) {
        this.issuer = issuer;
        this.builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
    }

    /** Starts a CRL of {@code issuer} valid from {@code thisUpdate} until {@code nextUpdate}. */
    public static CrlBuilder of(Credential issuer, Instant thisUpdate, Instant nextUpdate) {
        return new CrlBuilder(issuer, thisUpdate, nextUpdate);
    }

    public CrlBuilder number(long crlNumber) {
        this.number = BigInteger.valueOf(crlNumber);
        return this;
    }

    /** Lists {@code cert} as revoked at {@code date} for {@code reason} (RFC 5280 reason codes = ordinals). */
    public CrlBuilder revoke(X509Certificate cert, Instant date, CRLReason reason) {
        builder.addCRLEntry(cert.getSerialNumber(), Date.from(date), reason.ordinal());
        return this;
    }

    public X509CRL build() {
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
            var signer = new JcaContentSignerBuilder(KeyType.signatureAlgorithm(issuer.certificate().getPublicKey()))
                    .build(issuer.privateKey());
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot build the CRL of " + issuer.id(), e);
        }
    }
}
