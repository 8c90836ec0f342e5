package org.evidencegateway.crypto;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.evidencegateway.error.AlgorithmPolicyException;
import org.evidencegateway.error.ErrorCode;

/**
 * The allow-list of algorithms and key sizes a package may use; everything not named here is refused.
 *
 * <p>See docs/package-format.md for the tables this class implements.
 */
public final class AlgorithmPolicy {
    /** Smallest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** Smallest EC field size accepted, in bits (P-256). */
    public static final int MIN_EC_BITS = 256;

    private static final Map<ASN1ObjectIdentifier, DigestAlgorithm> RSA_WITH_DIGEST = Map.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, DigestAlgorithm.SHA256,
            PKCSObjectIdentifiers.sha384WithRSAEncryption, DigestAlgorithm.SHA384,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, DigestAlgorithm.SHA512);
    private static final Map<ASN1ObjectIdentifier, DigestAlgorithm> ECDSA_WITH_DIGEST = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, DigestAlgorithm.SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384, DigestAlgorithm.SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512, DigestAlgorithm.SHA512);
    private static final Set<ASN1ObjectIdentifier> KEY_AGREEMENT = Set.of(
            SECObjectIdentifiers.dhSinglePass_stdDH_sha256kdf_scheme,
            SECObjectIdentifiers.dhSinglePass_stdDH_sha384kdf_scheme,
            SECObjectIdentifiers.dhSinglePass_stdDH_sha512kdf_scheme,
            SECObjectIdentifiers.dhSinglePass_cofactorDH_sha256kdf_scheme,
            SECObjectIdentifiers.dhSinglePass_cofactorDH_sha384kdf_scheme,
            SECObjectIdentifiers.dhSinglePass_cofactorDH_sha512kdf_scheme);
    private static final Set<ASN1ObjectIdentifier> KEY_WRAP = Set.of(
            NISTObjectIdentifiers.id_aes128_wrap, NISTObjectIdentifiers.id_aes192_wrap,
            NISTObjectIdentifiers.id_aes256_wrap);
    private static final String ALLOWED_SIGNATURES =
            "rsaEncryption, sha256/384/512WithRSAEncryption, RSASSA-PSS, ecdsa-with-SHA256/384/512";
    private static final String ALLOWED_KEY_ENCRYPTION =
            "RSAES-OAEP with SHA-256/384/512, ECDH dhSinglePass SHA-256/384/512 KDF with AES key wrap";

    private AlgorithmPolicy() {
    }

    /** Returns the digest an identifier names, or refuses it (SHA-1, MD5, anything unknown). */
    public static DigestAlgorithm digest(AlgorithmIdentifier id) {
        return DigestAlgorithm.byOid(id.getAlgorithm()).orElseThrow(() -> new AlgorithmPolicyException(
                ErrorCode.ALG_DIGEST, Oids.name(id.getAlgorithm()), DigestAlgorithm.ids()));
    }

    /** Refuses a content-encryption algorithm off the list; returns the one it names. */
    public static ContentEncryption contentEncryption(AlgorithmIdentifier id) {
        return ContentEncryption.byOid(id.getAlgorithm()).orElseThrow(() -> new AlgorithmPolicyException(
                ErrorCode.ALG_CONTENT_ENCRYPTION, Oids.name(id.getAlgorithm()), ContentEncryption.ids()));
    }

    /**
     * Checks a SignerInfo's signature algorithm against its digest algorithm and the signer's key.
     *
     * @return the scheme the identifier names
     */
    public static SignatureScheme signature(AlgorithmIdentifier id, DigestAlgorithm digest, PublicKey key) {
        ASN1ObjectIdentifier oid = id.getAlgorithm();
        SignatureScheme scheme;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            scheme = SignatureScheme.RSA_PKCS1;
        } else if (RSA_WITH_DIGEST.containsKey(oid)) {
            requireSameDigest(oid, RSA_WITH_DIGEST.get(oid), digest);
            scheme = SignatureScheme.RSA_PKCS1;
        } else if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
            checkPss(RSASSAPSSparams.getInstance(id.getParameters()), digest);
            scheme = SignatureScheme.RSA_PSS;
        } else if (ECDSA_WITH_DIGEST.containsKey(oid)) {
            requireSameDigest(oid, ECDSA_WITH_DIGEST.get(oid), digest);
            scheme = SignatureScheme.ECDSA;
        } else {
            throw new AlgorithmPolicyException(ErrorCode.ALG_SIGNATURE, Oids.name(oid), ALLOWED_SIGNATURES);
        }
        publicKey(key);
        return scheme;
    }

    /** Refuses RSA keys under 2048 bits and EC keys under 256 bits. */
    public static void publicKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            requireBits("RSA", rsa.getModulus().bitLength(), MIN_RSA_BITS);
        } else if (key instanceof ECPublicKey ec) {
            requireBits("EC", ec.getParams().getCurve().getField().getFieldSize(), MIN_EC_BITS);
        } else {
            throw new AlgorithmPolicyException(ErrorCode.ALG_SIGNATURE, key.getAlgorithm() + " key", ALLOWED_SIGNATURES);
        }
    }

    /** Checks a RecipientInfo's key-encryption algorithm (key transport or key agreement). */
    public static void keyEncryption(AlgorithmIdentifier id) {
        ASN1ObjectIdentifier oid = id.getAlgorithm();
        if (PKCSObjectIdentifiers.id_RSAES_OAEP.equals(oid)) {
            RSAESOAEPparams params = RSAESOAEPparams.getInstance(id.getParameters());
            requireKeyEncryptionDigest(params.getHashAlgorithm());
            requireKeyEncryptionDigest(AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters()));
        } else if (KEY_AGREEMENT.contains(oid)) {
            AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(id.getParameters());
            if (wrap == null || !KEY_WRAP.contains(wrap.getAlgorithm())) {
                throw refusedKeyEncryption(oid.getId() + " with key wrap "
                        + (wrap == null ? "none" : Oids.name(wrap.getAlgorithm())));
            }
        } else {
            throw refusedKeyEncryption(Oids.name(oid));
        }
    }

    private static void requireKeyEncryptionDigest(AlgorithmIdentifier hash) {
        if (DigestAlgorithm.byOid(hash.getAlgorithm()).isEmpty()) {
            throw refusedKeyEncryption("RSAES-OAEP with " + Oids.name(hash.getAlgorithm()));
        }
    }

    private static AlgorithmPolicyException refusedKeyEncryption(String found) {
        return new AlgorithmPolicyException(ErrorCode.ALG_KEY_ENCRYPTION, found, ALLOWED_KEY_ENCRYPTION);
    }

    private static void checkPss(RSASSAPSSparams params, DigestAlgorithm digest) {
        DigestAlgorithm hash = digest(params.getHashAlgorithm());
        DigestAlgorithm mgfHash = digest(AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters()));
        if (hash != digest || mgfHash != digest) {
            throw new AlgorithmPolicyException(ErrorCode.ALG_SIGNATURE,
                    "RSASSA-PSS with " + hash.id() + "/MGF1-" + mgfHash.id() + " over a " + digest.id() + " digest",
                    ALLOWED_SIGNATURES);
        }
    }

    private static void requireSameDigest(ASN1ObjectIdentifier oid, DigestAlgorithm inOid, DigestAlgorithm digest) {
        if (inOid != digest) {
            throw new AlgorithmPolicyException(ErrorCode.ALG_SIGNATURE,
                    Oids.name(oid) + " over a " + digest.id() + " digest", ALLOWED_SIGNATURES);
        }
    }

    private static void requireBits(String kind, int bits, int min) {
        if (bits < min) {
            throw new AlgorithmPolicyException(ErrorCode.ALG_KEY_SIZE, kind, bits, min);
        }
    }

    /** The allowed key-agreement schemes, for tests and documentation. */
    static List<ASN1ObjectIdentifier> keyAgreementSchemes() {
        return List.copyOf(KEY_AGREEMENT);
    }
}
