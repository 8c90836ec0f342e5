package org.evidencegateway.trust;

import java.nio.file.Path;

/** Resolves a key reference from the command line or the configuration: a {@code .p12} file, or a PEM pair prefix. */
public final class KeyReferences {
    private KeyReferences() {
    }

    /** {@code certs/kz-gpo} → certs/kz-gpo.crt.pem + certs/kz-gpo.key.pem; {@code x.p12} → its first alias. */
    public static Credential load(String reference, String p12Password) {
        Path path = Path.of(reference);
        if (reference.endsWith(".p12") || reference.endsWith(".pfx")) {
            Pkcs12KeySource source = new Pkcs12KeySource(path, p12Password.toCharArray());
            return source.credential(source.ids().get(0));
        }
        Path dir = path.toAbsolutePath().getParent();
        return new PemKeySource(dir).credential(path.getFileName().toString());
    }
}
