package org.evidencegateway.bench;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The public-key operations one small package costs from the partner's upload to the case system's acknowledgement,
 * each timed alone on one thread, in memory, with the providers the gateway uses — so the most packages a second
 * the machine's cores could carry if the gateway, the case system and the senders did nothing else. A baseline of the
 * same run, like the disk's fsync rate: the small-package rate is set beside it.
 *
 * <p>Counted per package: the content key unwrapped twice by the gateway (on ingest, and again to re-envelope for the
 * case system; RSA-3072 OAEP or ECDH P-384 by the partner's choice); ECDH P-256 twice (the gateway's new envelope for
 * the case system, with an ephemeral key pair, and the case system opening it); the sender's signature checked by the
 * gateway and by the case system, the acknowledgement by the gateway; four ECDSA P-256 signatures
 * (SubmissionAcceptance, RelayAcceptance, Delivery, the acknowledgement). Certificate chains and CRLs, whose signatures are checked too, are left out: a floor, not a model.
 */
final class PublicKeyFloor {
    private static final Provider BC = new BouncyCastleProvider();
    private static final byte[] DIGEST_INPUT = new byte[64];

    private PublicKeyFloor() {
    }

    /** One operation: how many a package needs and what one costs here. */
    record Op(String name, int perPackage, double millis) {
    }

    /** The operations of one package, and the cores they may share. */
    record Result(List<Op> ops, int cores) {
        double millisPerPackage() {
            return ops.stream().mapToDouble(op -> op.perPackage() * op.millis()).sum();
        }

        /** Packages a second all cores could carry doing nothing but these operations. */
        double ceilingPerSecond() {
            return cores * 1000 / millisPerPackage();
        }

        String describe() {
            StringBuilder s = new StringBuilder();
            for (Op op : ops) {
                s.append(String.format(Locale.ROOT, "%d × %s %.2f ms; ", op.perPackage(), op.name(), op.millis()));
            }
            return s.append(String.format(Locale.ROOT, "%.1f ms per package → at most %.0f packages/s on %d cores",
                    millisPerPackage(), ceilingPerSecond(), cores)).toString();
        }
    }

    /** Times each operation for {@code each} after a warm-up as long. */
    static Result measure(String encryptTo, Duration each) throws GeneralSecurityException {
        KeyPair p256 = generate("secp256r1");
        Op unwrap = "ec".equals(encryptTo)
                ? new Op("ECDH P-384 key agreement (Bouncy Castle)", 2, agreement(generate("secp384r1"), each))
                : new Op("RSA-3072 OAEP decryption (JDK)", 2, rsaDecryption(each));
        return new Result(List.of(unwrap,
                new Op("ECDH P-256 key agreement (Bouncy Castle)", 2, agreement(p256, each)),
                new Op("EC P-256 key pair generation (Bouncy Castle)", 1, keyPair(each)),
                new Op("ECDSA P-256 signature check (Bouncy Castle)", 3, verification(p256, each)),
                new Op("ECDSA P-256 signature (Bouncy Castle)", 4, signature(p256, each))),
                Runtime.getRuntime().availableProcessors());
    }

    private interface Operation {
        void run() throws GeneralSecurityException;
    }

    /** Milliseconds per run of {@code op}: warmed up for {@code each}, then timed for as long. */
    private static double time(Duration each, Operation op) throws GeneralSecurityException {
        loop(each, op);
        long start = System.nanoTime();
        long runs = loop(each, op);
        return (System.nanoTime() - start) / 1e6 / runs;
    }

    private static long loop(Duration each, Operation op) throws GeneralSecurityException {
        long end = System.nanoTime() + each.toNanos();
        long runs = 0;
        do {
            op.run();
            runs++;
        } while (System.nanoTime() < end);
        return runs;
    }

    private static KeyPair generate(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static double rsaDecryption(Duration each) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair rsa = generator.generateKeyPair();
        OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT);
        Cipher encrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, rsa.getPublic(), oaep);
        byte[] wrapped = encrypt.doFinal(new byte[32]);
        Cipher decrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        return time(each, () -> {
            decrypt.init(Cipher.DECRYPT_MODE, rsa.getPrivate(), oaep);
            decrypt.doFinal(wrapped);
        });
    }

    /** The other side's public key arrives in every package: decoded each time, so no precomputation is reused. */
    private static double agreement(KeyPair recipient, Duration each) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(((java.security.interfaces.ECKey) recipient.getPublic()).getParams());
        byte[] ephemeral = generator.generateKeyPair().getPublic().getEncoded();
        KeyFactory keys = KeyFactory.getInstance("EC", BC);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", BC);
        return time(each, () -> {
            agreement.init(recipient.getPrivate());
            agreement.doPhase(keys.generatePublic(new X509EncodedKeySpec(ephemeral)), true);
            agreement.generateSecret();
        });
    }

    private static double keyPair(Duration each) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return time(each, generator::generateKeyPair);
    }

    private static double signature(KeyPair keys, Duration each) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA", BC);
        return time(each, () -> {
            signer.initSign(keys.getPrivate());
            signer.update(DIGEST_INPUT);
            signer.sign();
        });
    }

    /** The signer's certificate arrives in every package: its key decoded each time, as {@link #agreement}'s. */
    private static double verification(KeyPair keys, Duration each) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA", BC);
        signer.initSign(keys.getPrivate());
        signer.update(DIGEST_INPUT);
        byte[] signature = signer.sign();
        byte[] publicKey = keys.getPublic().getEncoded();
        KeyFactory factory = KeyFactory.getInstance("EC", BC);
        Signature verifier = Signature.getInstance("SHA256withECDSA", BC);
        return time(each, () -> {
            verifier.initVerify(factory.generatePublic(new X509EncodedKeySpec(publicKey)));
            verifier.update(DIGEST_INPUT);
            if (!verifier.verify(signature)) {
                throw new GeneralSecurityException("the signature just made does not verify");
            }
        });
    }
}
