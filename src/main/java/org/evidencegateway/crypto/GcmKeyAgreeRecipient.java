package org.evidencegateway.crypto;

import java.security.Key;
import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;

/**
 * A key-agreement recipient of AuthEnvelopedData that decrypts AES-GCM content with {@link StreamingGcmDecryptor};
 * content it cannot handle goes to Bouncy Castle's decryptor under the configured content provider.
 */
final class GcmKeyAgreeRecipient extends JceKeyAgreeAuthEnvelopedRecipient {
    GcmKeyAgreeRecipient(PrivateKey recipientKey) {
        super(recipientKey);
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
                                                  AlgorithmIdentifier contentEncryptionAlgorithm,
                                                  SubjectPublicKeyInfo senderPublicKey,
                                                  ASN1OctetString userKeyingMaterial,
                                                  byte[] encryptedContentKey) throws CMSException {
        if (StreamingGcmDecryptor.supports(contentEncryptionAlgorithm).isEmpty()) {
            return super.getRecipientOperator(keyEncryptionAlgorithm, contentEncryptionAlgorithm, senderPublicKey,
                    userKeyingMaterial, encryptedContentKey);
        }
        Key contentKey = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, senderPublicKey,
                userKeyingMaterial, encryptedContentKey);
        return new RecipientOperator(StreamingGcmDecryptor.create(contentEncryptionAlgorithm, contentKey));
    }
}
