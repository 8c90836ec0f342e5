package org.evidencegateway.audit.format;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * How a checkpoint is signed: the C2SP signed-note signature type byte, the signature algorithm OID, and the
 * key ID rule. Only ECDSA P-256 with SHA-256 (C2SP type 0x02: key ID = SHA-256(DER SubjectPublicKeyInfo)[0:4],
 * signature = DER ECDSA-Sig-Value over the note text) is defined; it is the gateway key's algorithm.
 */
public enum NoteSignatureType {
    ECDSA_P256_SHA256("ecdsa-p256-sha256", (byte) 0x02, X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA");

    /** What the gateway signs checkpoints with. */
    public static final NoteSignatureType DEFAULT = ECDSA_P256_SHA256;

    private final String id;
    private final byte typeByte;
    private final ASN1ObjectIdentifier oid;
    private final String jcaName;

    NoteSignatureType(String id, byte typeByte, ASN1ObjectIdentifier oid, String jcaName) {
        this.id = id;
        this.typeByte = typeByte;
        this.oid = oid;
        this.jcaName = jcaName;
    }

    /** Stable lower-case name. */
    public String id() {
        return id;
    }

    /** The C2SP signed-note signature type identifier byte. */
    public byte typeByte() {
        return typeByte;
    }

    /** The signature algorithm's object identifier. */
    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public static NoteSignatureType byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown note signature type " + id));
    }

    public static NoteSignatureType byOid(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(t -> t.oid.equals(oid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown note signature algorithm " + oid));
    }

    /** The key ID of {@code key}: SHA-256 of its DER SubjectPublicKeyInfo, first 4 bytes, big-endian. */
    public int keyId(PublicKey key) {
        requireKey(key);
        byte[] digest = LogHashes.sha256().digest(key.getEncoded());
        return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    }

    /** Signs a note text. */
    public NoteSignature sign(String keyName, PrivateKey privateKey, PublicKey publicKey, byte[] body) {
        try {
            Signature s = Signature.getInstance(jcaName);
            s.initSign(privateKey);
            s.update(body);
            return new NoteSignature(keyName, keyId(publicKey), s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the checkpoint key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is {@code key}'s signature over {@code body} (key ID and signature both checked). */
    public boolean verify(NoteSignature signature, PublicKey key, byte[] body) {
        if (signature.keyId() != keyId(key)) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(jcaName);
            s.initVerify(key);
            s.update(body);
            return s.verify(signature.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void requireKey(PublicKey key) {
        if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException(id + " needs an EC P-256 key, found " + key.getAlgorithm());
        }
    }
}
