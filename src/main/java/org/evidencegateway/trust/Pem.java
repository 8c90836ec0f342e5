package org.evidencegateway.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Reads and writes the PEM files of the development PKI: certificates, unencrypted PKCS#8 private keys, CRLs.
 *
 * <p>Failures are {@link IOException}s naming the file; callers translate them into their own error.
 */
public final class Pem {
    private Pem() {
    }

    /** All certificates in the file, in file order. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return certs;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    /** The CRL in the file (PEM or DER). */
    public static X509CRL readCrl(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not a CRL: " + e.getMessage(), e);
        }
    }

    /** The unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) in the file. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (!(object instanceof PrivateKeyInfo info)) {
                throw new IOException(file + " holds no unencrypted PKCS#8 private key (found "
                        + (object == null ? "nothing" : object.getClass().getSimpleName()) + ")");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        }
    }

    /** Writes certificates and CRLs as PEM blocks, replacing the file. */
    public static void write(Path file, Object... certificatesOrCrls) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object o : certificatesOrCrls) {
                pem.writeObject(o);
            }
        }
    }

    /** Writes the private key as unencrypted PKCS#8 PEM, replacing the file. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
    }
}
