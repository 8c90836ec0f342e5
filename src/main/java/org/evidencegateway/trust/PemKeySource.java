package org.evidencegateway.trust;

import static org.evidencegateway.error.ErrorCode.KEY_UNAVAILABLE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evidencegateway.error.KeyMaterialException;

/**
 * A {@link KeySource} over a directory of {@code <id>.crt.pem} / {@code <id>.key.pem} pairs (the layout of
 * {@code certs/}); each chain is completed from the CA certificates ({@code *.crt.pem}) in the same directory.
 */
public final class PemKeySource implements KeySource {
    static final String CERT_SUFFIX = ".crt.pem";
    static final String KEY_SUFFIX = ".key.pem";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path dir;

    public PemKeySource(Path dir) {
        this.dir = dir;
    }

    @Override
    public Credential credential(String id) {
        if (!ID.matcher(id).matches() || id.contains("..")) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, id, dir, "not a valid credential id");
        }
        Path certFile = dir.resolve(id + CERT_SUFFIX);
        Path keyFile = dir.resolve(id + KEY_SUFFIX);
        List<X509Certificate> certs = read(id, certFile, () -> Pem.readCertificates(certFile));
        PrivateKey key = read(id, keyFile, () -> Pem.readPrivateKey(keyFile));
        X509Certificate cert = certs.get(0);
        if (!KeyPairs.match(key, cert.getPublicKey())) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, id, keyFile,
                    "the private key does not belong to the certificate in " + certFile.getFileName());
        }
        List<X509Certificate> candidates = new ArrayList<>(certs.subList(1, certs.size()));
        candidates.addAll(caCertificates());
        return new Credential(id, key, cert, Certificates.chain(cert, candidates));
    }

    @Override
    public List<String> ids() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(KEY_SUFFIX))
                    .map(n -> n.substring(0, n.length() - KEY_SUFFIX.length()))
                    .filter(id -> Files.isRegularFile(dir.resolve(id + CERT_SUFFIX)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, e, "credential list", dir, describe(e));
        }
    }

    private List<X509Certificate> caCertificates() {
        try (Stream<Path> files = Files.list(dir)) {
            List<X509Certificate> cas = new ArrayList<>();
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(CERT_SUFFIX)).sorted().toList()) {
                Pem.readCertificates(p).stream().filter(c -> c.getBasicConstraints() >= 0).forEach(cas::add);
            }
            return cas;
        } catch (IOException e) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, e, "CA certificates", dir, describe(e));
        }
    }

    private static <T> T read(String id, Path file, IoSupplier<T> reader) {
        try {
            return reader.get();
        } catch (IOException e) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, e, id, file, describe(e));
        }
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }
}
