package org.evidencegateway.crypto;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.evidencegateway.error.AlgorithmPolicyException;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.DecryptionException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.PackageFormatException;

/**
 * Opens the outer layer of a package — AuthEnvelopedData (AES-GCM) or EnvelopedData (AES-CBC) — with one of
 * our keys, checking the algorithms against {@link AlgorithmPolicy} before anything is decrypted.
 */
public final class EnvelopeReader {
    private static final int BUFFER_SIZE = 64 * 1024;

    private EnvelopeReader() {
    }

    /**
     * Parses the envelope header from {@code in} and returns the decrypting plaintext stream.
     *
     * <p>The caller reads the plaintext to its end (that is when a GCM tag is checked) and closes {@code in}.
     * Failures of the ciphertext surface from the plaintext stream as {@link DecryptionException} or
     * {@link PackageFormatException}, never as a bare {@link IOException}.
     */
    public static OpenedEnvelope open(InputStream in, List<RecipientKey> keys) {
        InputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
        ASN1ObjectIdentifier type = contentType(buffered);
        try {
            if (CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
                CMSAuthEnvelopedDataParser parser = new CMSAuthEnvelopedDataParser(buffered);
                return decrypt(parser.getRecipientInfos(), parser.getEncryptionAlgOID(), true, keys);
            }
            CMSEnvelopedDataParser parser = new CMSEnvelopedDataParser(buffered);
            return decrypt(parser.getRecipientInfos(), parser.getContentEncryptionAlgorithm(), false, keys);
        } catch (IOException | CMSException | IllegalArgumentException | IllegalStateException e) {
            throw structureFailure(e);
        }
    }

    private static ASN1ObjectIdentifier contentType(InputStream in) {
        ContentInfoSniffer.Head head;
        try {
            head = ContentInfoSniffer.sniff(in);
        } catch (IOException e) {
            throw new PackageFormatException(ErrorCode.PKG_TRUNCATED, e, e.getMessage());
        }
        switch (head.shape()) {
            case EMPTY:
                throw new PackageFormatException(ErrorCode.PKG_EMPTY);
            case NOT_CONTENT_INFO:
                throw new PackageFormatException(ErrorCode.PKG_NOT_CMS, "no ContentInfo SEQUENCE with a contentType");
            default:
                ASN1ObjectIdentifier type = head.contentType().orElseThrow();
                if (!CMSObjectIdentifiers.authEnvelopedData.equals(type)
                        && !CMSObjectIdentifiers.envelopedData.equals(type)) {
                    throw new PackageFormatException(ErrorCode.PKG_CONTENT_TYPE,
                            "AuthEnvelopedData or EnvelopedData", Oids.name(type));
                }
                return type;
        }
    }

    private static OpenedEnvelope decrypt(RecipientInformationStore recipients, AlgorithmIdentifier algorithm,
                                          boolean authenticated, List<RecipientKey> keys) throws CMSException, IOException {
        ContentEncryption encryption = AlgorithmPolicy.contentEncryption(algorithm);
        if (encryption.authenticated() != authenticated) {
            throw new AlgorithmPolicyException(ErrorCode.ALG_CONTENT_ENCRYPTION,
                    encryption.id() + " inside " + (authenticated ? "AuthEnvelopedData" : "EnvelopedData"),
                    "GCM in AuthEnvelopedData, CBC in EnvelopedData");
        }
        for (RecipientKey key : keys) {
            Optional<RecipientInformation> match = find(recipients, key.certificate());
            if (match.isPresent()) {
                RecipientInformation info = match.get();
                AlgorithmPolicy.keyEncryption(info.getKeyEncryptionAlgorithm());
                InputStream plaintext = contentStream(info, recipient(info, key, authenticated));
                return new OpenedEnvelope(new ClassifyingInputStream(plaintext, EnvelopeReader::ciphertextFailure),
                        encryption, key.certificate());
            }
        }
        throw new DecryptionException(ErrorCode.ENC_NO_RECIPIENT, describe(recipients), describe(keys));
    }

    private static InputStream contentStream(RecipientInformation info, Recipient recipient) throws IOException {
        try {
            return info.getContentStream(recipient).getContentStream();
        } catch (CMSException e) {
            throw new DecryptionException(ErrorCode.ENC_KEY_UNWRAP, e, e.getMessage());
        }
    }

    private static Optional<RecipientInformation> find(RecipientInformationStore recipients, X509Certificate cert) {
        X509CertificateHolder holder = Certificates.holder(cert);
        return recipients.getRecipients().stream().filter(r -> r.getRID().match(holder)).findFirst();
    }

    /**
     * GCM content goes to {@link StreamingGcmDecryptor} (Bouncy Castle only for nonces other than 12 bytes), CBC
     * content to the JDK, whose CBC decryption streams. Key agreement stays on Bouncy Castle, the JDK lacks the
     * X9.63 KDFs of CMS ECDH; {@code setProvider} resets the content provider, so it must come first.
     */
    private static Recipient recipient(RecipientInformation info, RecipientKey key, boolean authenticated) {
        boolean agreement = info instanceof KeyAgreeRecipientInformation;
        if (agreement) {
            return authenticated
                    ? new GcmKeyAgreeRecipient(key.key()).setProvider(Providers.BC).setContentProvider(Providers.BC)
                    : new JceKeyAgreeEnvelopedRecipient(key.key()).setProvider(Providers.BC)
                            .setContentProvider(Providers.BULK_ENCRYPTION);
        }
        return authenticated
                ? new GcmKeyTransRecipient(key.key()).setContentProvider(Providers.BC)
                : new JceKeyTransEnvelopedRecipient(key.key()).setContentProvider(Providers.BULK_ENCRYPTION);
    }

    /** A failure while reading ciphertext: cut short, or altered (GCM tag or CBC padding). */
    static CodedException ciphertextFailure(IOException e) {
        if (isTruncation(e)) {
            return new PackageFormatException(ErrorCode.PKG_TRUNCATED, e, e.getMessage());
        }
        return new DecryptionException(ErrorCode.ENC_INTEGRITY, e,
                "the ciphertext, nonce or tag was altered (" + e.getMessage() + ")");
    }

    private static CodedException structureFailure(Exception e) {
        if (e instanceof CodedException coded) {
            return coded;
        }
        if (e instanceof IOException io && isTruncation(io)) {
            return new PackageFormatException(ErrorCode.PKG_TRUNCATED, e, e.getMessage());
        }
        return new PackageFormatException(ErrorCode.PKG_NOT_CMS, e, e.getMessage());
    }

    static boolean isTruncation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof EOFException || message.contains("truncated") || message.contains("end of")
                    || message.contains("end-of-contents") || message.contains("eof")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(RecipientInformationStore recipients) {
        return recipients.getRecipients().stream().map(r -> RecipientIds.describe(r.getRID()))
                .collect(Collectors.joining("; "));
    }

    private static String describe(List<RecipientKey> keys) {
        return keys.stream().map(k -> k.certificate().getSubjectX500Principal().getName())
                .collect(Collectors.joining("; "));
    }

}
