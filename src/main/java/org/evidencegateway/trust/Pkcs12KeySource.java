package org.evidencegateway.trust;

import static org.evidencegateway.error.ErrorCode.KEY_UNAVAILABLE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.crypto.spec.PBEParameterSpec;
import org.evidencegateway.error.KeyMaterialException;

/**
 * A {@link KeySource} over one PKCS#12 file; credential ids are the key entries' aliases.
 *
 * <p>Files written by {@link #write} protect keys with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), which OpenSSL 3
 * reads without the legacy provider.
 */
public final class Pkcs12KeySource implements KeySource {
    private static final String KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int ITERATIONS = 10_000;

    private final Path file;
    private final char[] password;

    public Pkcs12KeySource(Path file, char[] password) {
        this.file = file;
        this.password = password.clone();
    }

    @Override
    public Credential credential(String id) {
        KeyStore store = load();
        try {
            if (!store.isKeyEntry(id)) {
                throw new KeyMaterialException(KEY_UNAVAILABLE, id, file,
                        "no key entry with that alias (entries: " + ids(store) + ")");
            }
            PrivateKey key = (PrivateKey) store.getKey(id, password);
            List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(id))
                    .map(X509Certificate.class::cast)
                    .toList();
            return new Credential(id, key, chain.get(0), chain);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, e, id, file, e.getMessage());
        }
    }

    @Override
    public List<String> ids() {
        return ids(load());
    }

    /** Writes one credential (key and chain, alias = its id) to a new PKCS#12 file, replacing {@code target}. */
    public static void write(Path target, char[] password, Credential credential) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            var protection = new KeyStore.PasswordProtection(password, KEY_PROTECTION,
                    new PBEParameterSpec(salt, ITERATIONS));
            store.setEntry(credential.id(),
                    new KeyStore.PrivateKeyEntry(credential.privateKey(),
                            credential.chain().toArray(new Certificate[0])),
                    protection);
            store.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write PKCS#12 " + target + ": " + e.getMessage(), e);
        }
    }

    private KeyStore load() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, e, "PKCS#12 key store", file, "no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, e, "PKCS#12 key store", file,
                    "unreadable or wrong password: " + e.getMessage());
        }
    }

    private static List<String> ids(KeyStore store) {
        try {
            return Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).sorted().toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
