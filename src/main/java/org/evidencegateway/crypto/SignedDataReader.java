package org.evidencegateway.crypto;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.SignatureVerificationException;

/**
 * Reads CMS SignedData with encapsulated content as a stream: the content first, then — once it has been
 * read to its end — every signer, checked by {@link SignerInfoVerifier}.
 */
public final class SignedDataReader {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final CMSSignedDataParser parser;
    private final InputStream content;

    private SignedDataReader(CMSSignedDataParser parser, InputStream content) {
        this.parser = parser;
        this.content = content;
    }

    /**
     * Parses the SignedData header from {@code in}; refuses digest algorithms off the allow-list before any
     * content is read.
     */
    public static SignedDataReader open(InputStream in) {
        InputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
        requireSignedData(buffered);
        try {
            CMSSignedDataParser parser = new CMSSignedDataParser(
                    new JcaDigestCalculatorProviderBuilder().build(), buffered);
            for (AlgorithmIdentifier digest : parser.getDigestAlgorithmIDs()) {
                AlgorithmPolicy.digest(digest);
            }
            CMSTypedStream signed = parser.getSignedContent();
            if (signed == null) {
                throw new SignatureVerificationException(ErrorCode.SIG_DETACHED);
            }
            return new SignedDataReader(parser, signed.getContentStream());
        } catch (CMSException | OperatorCreationException e) {
            throw new SignatureVerificationException(ErrorCode.SIG_NOT_SIGNED, e, "a malformed SignedData: " + e.getMessage());
        }
    }

    /** The encapsulated content; it must be read to its end before {@link #signers()}. */
    public InputStream content() {
        return content;
    }

    /**
     * Verifies every signer over the content that was read and returns what each proved.
     *
     * @throws SignatureVerificationException if there is no signer or any signer fails
     */
    public List<VerifiedSignature> signers() {
        try {
            content.transferTo(OutputStream.nullOutputStream());
            Collection<SignerInformation> signerInfos = parser.getSignerInfos().getSigners();
            if (signerInfos.isEmpty()) {
                throw new SignatureVerificationException(ErrorCode.SIG_NO_SIGNER);
            }
            List<X509Certificate> certificates = certificates(parser.getCertificates());
            List<VerifiedSignature> verified = new ArrayList<>();
            for (SignerInformation signerInfo : signerInfos) {
                verified.add(SignerInfoVerifier.verify(signerInfo, certificates));
            }
            return verified;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CMSException e) {
            throw new SignatureVerificationException(ErrorCode.SIG_NOT_SIGNED, e, "a malformed SignedData: " + e.getMessage());
        }
    }

    private static void requireSignedData(InputStream in) {
        ContentInfoSniffer.Head head;
        try {
            head = ContentInfoSniffer.sniff(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ASN1ObjectIdentifier type = head.contentType().orElse(null);
        if (!CMSObjectIdentifiers.signedData.equals(type)) {
            throw new SignatureVerificationException(ErrorCode.SIG_NOT_SIGNED,
                    type == null ? "content that is not a CMS ContentInfo" : Oids.name(type));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(Store<?> store) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : (Collection<X509CertificateHolder>) store.getMatches(null)) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                throw new SignatureVerificationException(ErrorCode.SIG_CERTIFICATE_MISSING, e,
                        holder.getSubject() + " (unparseable: " + e.getMessage() + ")");
            }
        }
        return certificates;
    }

}
