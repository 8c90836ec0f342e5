package org.evidencegateway.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and self-signed certificates generated in memory once per test run, and packages built with them. */
final class CryptoTestKeys {
    static final Instant SIGNING_TIME = Instant.parse("2026-03-01T10:00:00Z");

    /** An RSA-2048 recipient (key transport, RSAES-OAEP). */
    static final RecipientKey RSA_RECIPIENT = recipient(rsaKeyPair(), "CN=kz-recipient-rsa", "SHA256withRSA");
    /** A P-256 recipient (key agreement, ECDH). */
    static final RecipientKey EC_RECIPIENT = recipient(ecKeyPair(), "CN=kz-recipient-ec", "SHA256withECDSA");
    /** A P-256 signer. */
    static final Signer SIGNER = signer(ecKeyPair(), "CN=ua-pgo signing");

    /** The two kinds of recipient, for tests that run over both. */
    enum RecipientKind {
        RSA(RSA_RECIPIENT), EC(EC_RECIPIENT);

        final RecipientKey key;

        RecipientKind(RecipientKey key) {
            this.key = key;
        }
    }

    private CryptoTestKeys() {
    }

    /** A whole package: {@code content} signed by {@link #SIGNER}, encrypted for {@code recipient}. */
    static byte[] seal(byte[] content, RecipientKey recipient, ContentEncryption encryption) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputStream envelope = EnvelopeWriter.open(out, List.of(recipient.certificate()), encryption);
            OutputStream signed = SignedDataWriter.open(envelope, List.of(SIGNER), SIGNING_TIME);
            signed.write(content);
            signed.close();
            envelope.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate selfSigned(KeyPair keys, String subject, String signatureAlgorithm) {
        try {
            X500Name name = new X500Name(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(1),
                    Date.from(Instant.parse("2025-01-01T00:00:00Z")), Date.from(Instant.parse("2035-01-01T00:00:00Z")),
                    name, keys.getPublic());
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecipientKey recipient(KeyPair keys, String subject, String signatureAlgorithm) {
        return new RecipientKey(keys.getPrivate(), selfSigned(keys, subject, signatureAlgorithm));
    }

    private static Signer signer(KeyPair keys, String subject) {
        return Signer.of(keys.getPrivate(), selfSigned(keys, subject, "SHA256withECDSA"), List.of());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
