package org.evidencegateway.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Writes CMS SignedData with encapsulated content as a stream, with the CAdES-BES signed attributes
 * contentType, messageDigest, signingTime and signingCertificateV2 for every signer.
 */
public final class SignedDataWriter {
    /** Length of the BER OCTET STRING chunks of the content (Bouncy Castle's default is 1000 bytes). */
    private static final int BUFFER_SIZE = 64 * 1024;

    private SignedDataWriter() {
    }

    /**
     * Opens a SignedData ContentInfo on {@code out}; write the content to the returned stream.
     *
     * <p>Closing the returned stream computes the signatures and ends the structure; it does not close {@code out}.
     */
    public static OutputStream open(OutputStream out, List<Signer> signers, Instant signingTime) {
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("a package needs at least one signer");
        }
        try {
            CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
            generator.setBufferSize(BUFFER_SIZE);
            for (Signer signer : signers) {
                generator.addSignerInfoGenerator(signerInfoGenerator(signer, signingTime));
            }
            generator.addCertificates(new JcaCertStore(certificates(signers)));
            return generator.open(out, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | CMSException | OperatorCreationException e) {
            throw new IllegalStateException("cannot set up signing: " + e.getMessage(), e);
        }
    }

    private static SignerInfoGenerator signerInfoGenerator(Signer signer, Instant signingTime)
            throws GeneralSecurityException, OperatorCreationException, CMSException {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(signer.scheme().jcaName(signer.digest()));
        ContentSigner contentSigner = Providers.signsInSoftware(signer.key())
                ? builder.setProvider(Providers.BC).build(Providers.inBouncyCastle(signer.key()))
                : builder.build(signer.key());
        AttributeTable extra = new AttributeTable(attributes(signer.certificate(), signingTime));
        return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(extra))
                .build(contentSigner, signer.certificate());
    }

    private static ASN1EncodableVector attributes(X509Certificate certificate, Instant signingTime)
            throws GeneralSecurityException {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        byte[] certHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        SigningCertificateV2 signingCertificate = new SigningCertificateV2(new ESSCertIDv2(certHash));
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
        return attributes;
    }

    private static List<X509Certificate> certificates(List<Signer> signers) {
        Set<X509Certificate> all = new LinkedHashSet<>();
        for (Signer signer : signers) {
            all.add(signer.certificate());
            all.addAll(signer.chain());
        }
        return new ArrayList<>(all);
    }
}
