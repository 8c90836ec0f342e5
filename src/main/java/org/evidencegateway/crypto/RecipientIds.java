package org.evidencegateway.crypto;

import org.bouncycastle.cms.KeyAgreeRecipientId;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.util.encoders.Hex;

/** Describes a CMS recipient identifier for error messages: issuer and serial, or subject key identifier. */
final class RecipientIds {
    private RecipientIds() {
    }

    static String describe(RecipientId id) {
        if (id instanceof KeyTransRecipientId kt) {
            return describe(kt.getIssuer(), kt.getSerialNumber(), kt.getSubjectKeyIdentifier());
        }
        if (id instanceof KeyAgreeRecipientId ka) {
            return describe(ka.getIssuer(), ka.getSerialNumber(), ka.getSubjectKeyIdentifier());
        }
        return id.getClass().getSimpleName();
    }

    private static String describe(Object issuer, java.math.BigInteger serial, byte[] ski) {
        if (issuer != null) {
            return "issuer " + issuer + " serial " + serial.toString(16);
        }
        return "key id " + (ski == null ? "?" : Hex.toHexString(ski));
    }
}
