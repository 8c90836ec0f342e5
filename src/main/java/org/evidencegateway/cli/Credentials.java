package org.evidencegateway.cli;

import java.nio.file.Path;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.PemKeySource;
import org.evidencegateway.trust.Pkcs12KeySource;

/** Resolves a key reference given on the command line: a {@code .p12} file, or a PEM pair prefix. */
final class Credentials {
    private Credentials() {
    }

    /** {@code certs/kz-gpo} → certs/kz-gpo.crt.pem + certs/kz-gpo.key.pem; {@code x.p12} → its first alias. */
    static Credential load(String reference, String p12Password) {
        Path path = Path.of(reference);
        if (reference.endsWith(".p12") || reference.endsWith(".pfx")) {
            Pkcs12KeySource source = new Pkcs12KeySource(path, p12Password.toCharArray());
            return source.credential(source.ids().get(0));
        }
        Path dir = path.toAbsolutePath().getParent();
        return new PemKeySource(dir).credential(path.getFileName().toString());
    }
}
