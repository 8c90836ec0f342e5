package org.evidencegateway.cli;

import org.evidencegateway.trust.KeyReferences;
import java.nio.file.Path;
import java.util.List;
import org.evidencegateway.crypto.RecipientKey;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.trust.TrustAnchors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that opens a package shares: our decryption keys and the trust anchors. */
final class KeyOptions {
    @Option(names = "--key", paramLabel = "KEY", split = ",",
            defaultValue = "certs/gateway-enc-rsa,certs/gateway-enc-ec",
            description = "Decryption key: PEM pair prefix (KEY.crt.pem + KEY.key.pem) or a .p12 file; "
                    + "repeatable (default: ${DEFAULT-VALUE}).")
    List<String> keys;

    @Mixin
    P12Password p12Password;

    @Option(names = "--trust", paramLabel = "DIR", defaultValue = "certs",
            description = "Folder of trust anchors (<country>-root-ca.crt.pem) and CRLs (default: ${DEFAULT-VALUE}).")
    Path trust;

    OpeningPolicy policy() {
        List<RecipientKey> recipientKeys = keys.stream()
                .map(k -> KeyReferences.load(k, p12Password.value).recipientKey()).toList();
        return OpeningPolicy.of(recipientKeys, TrustAnchors.load(trust));
    }

}
