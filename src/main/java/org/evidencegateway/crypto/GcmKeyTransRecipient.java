package org.evidencegateway.crypto;

import java.security.Key;
import java.security.PrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;

/**
 * A key-transport recipient of AuthEnvelopedData that decrypts AES-GCM content with {@link StreamingGcmDecryptor};
 * content it cannot handle goes to Bouncy Castle's decryptor under the configured content provider.
 */
final class GcmKeyTransRecipient extends JceKeyTransAuthEnvelopedRecipient {
    GcmKeyTransRecipient(PrivateKey recipientKey) {
        super(recipientKey);
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
                                                  AlgorithmIdentifier contentEncryptionAlgorithm,
                                                  byte[] encryptedContentEncryptionKey) throws CMSException {
        if (StreamingGcmDecryptor.supports(contentEncryptionAlgorithm).isEmpty()) {
            return super.getRecipientOperator(keyEncryptionAlgorithm, contentEncryptionAlgorithm,
                    encryptedContentEncryptionKey);
        }
        Key contentKey = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm,
                encryptedContentEncryptionKey);
        return new RecipientOperator(StreamingGcmDecryptor.create(contentEncryptionAlgorithm, contentKey));
    }
}
