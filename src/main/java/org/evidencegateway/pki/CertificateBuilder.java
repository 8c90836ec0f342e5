package org.evidencegateway.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.evidencegateway.trust.Credential;

/**
 * Builds X.509 v3 certificates for the development PKI and for tests: subject and key, validity, CA or end-entity
 * profile, key usage, extended key usage and subject alternative names; SKI and AKI are always added.
 *
 * <p>Key usage bits are Bouncy Castle's {@link KeyUsage} constants, e.g.
 * {@code KeyUsage.digitalSignature | KeyUsage.nonRepudiation}; 0 leaves the extension out.
 */
public final class CertificateBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X500Name subject;
    private final PublicKey publicKey;
    private Instant notBefore;
    private Instant notAfter;
    private BigInteger serial = new BigInteger(127, RANDOM).setBit(120);
    private boolean ca;
    private int keyUsage;
    private KeyPurposeId[] extendedKeyUsage = {};
    private boolean extendedKeyUsageCritical;
    private final List<GeneralName> altNames = new ArrayList<>();

    private CertificateBuilder(X500Name subject, PublicKey publicKey) {
        this.subject = subject;
        this.publicKey = publicKey;
    }

    /** Starts a certificate for {@code publicKey} named {@code subject}. */
    public static CertificateBuilder of(X500Name subject, PublicKey publicKey) {
        return new CertificateBuilder(subject, publicKey);
    }

    public CertificateBuilder validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    /** Overrides the random serial number. */
    public CertificateBuilder serial(BigInteger serialNumber) {
        this.serial = serialNumber;
        return this;
    }

    /** A CA: basicConstraints cA (critical) and keyCertSign + cRLSign. */
    public CertificateBuilder ca() {
        this.ca = true;
        this.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
        return this;
    }

    /** Key usage bits, critical; 0 omits the extension. */
    public CertificateBuilder keyUsage(int bits) {
        this.keyUsage = bits;
        return this;
    }

    public CertificateBuilder extendedKeyUsage(boolean critical, KeyPurposeId... purposes) {
        this.extendedKeyUsage = purposes.clone();
        this.extendedKeyUsageCritical = critical;
        return this;
    }

    /** Adds subjectAltName dNSName entries. */
    public CertificateBuilder dnsNames(String... names) {
        for (String n : names) {
            altNames.add(new GeneralName(GeneralName.dNSName, n));
        }
        return this;
    }

    /** Adds subjectAltName iPAddress entries. */
    public CertificateBuilder ipAddresses(String... addresses) {
        for (String a : addresses) {
            altNames.add(new GeneralName(GeneralName.iPAddress, a));
        }
        return this;
    }

    /** A self-signed certificate (a root when {@link #ca()} was called). */
    public X509Certificate selfSign(PrivateKey privateKey) {
        return build(subject, publicKey, privateKey, null);
    }

    /** A certificate signed by {@code issuer}. */
    public X509Certificate issue(Credential issuer) {
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return build(issuerName, issuer.certificate().getPublicKey(), issuer.privateKey(), issuer.certificate());
    }

    private X509Certificate build(X500Name issuerName, PublicKey issuerPublicKey, PrivateKey issuerKey,
                                  X509Certificate issuerCert) {
        if (notBefore == null || notAfter == null) {
            throw new IllegalStateException("validity of " + subject + " is not set");
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial,
                    Date.from(notBefore), Date.from(notAfter), subject, publicKey);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                    ? ext.createAuthorityKeyIdentifier(publicKey)
                    : ext.createAuthorityKeyIdentifier(issuerCert));
            if (keyUsage != 0) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            if (extendedKeyUsage.length > 0) {
                b.addExtension(Extension.extendedKeyUsage, extendedKeyUsageCritical,
                        new ExtendedKeyUsage(extendedKeyUsage));
            }
            if (!altNames.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(new GeneralName[0])));
            }
            var signer = new JcaContentSignerBuilder(KeyType.signatureAlgorithm(issuerPublicKey)).build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot build certificate for " + subject, e);
        }
    }
}
