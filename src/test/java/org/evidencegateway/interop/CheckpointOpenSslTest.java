package org.evidencegateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.evidencegateway.audit.CheckpointSigner;
import org.evidencegateway.audit.EmbeddedTsa;
import org.evidencegateway.audit.LedgerKeys;
import org.evidencegateway.audit.Timestamper;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.NoteSignature;
import org.evidencegateway.audit.format.SignedNote;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock OpenSSL verifies what the audit log publishes (docs/audit-log.md §4–5): a checkpoint's ECDSA signature
 * with {@code openssl dgst}, its RFC 3161 timestamp with {@code openssl ts -verify}.
 */
class CheckpointOpenSslTest {
    @TempDir
    Path dir;

    private final CheckpointSigner signer = LedgerKeys.shared().signer();
    private final SignedNote note = signer.sign(42, LogHashes.leaf("synthetic".getBytes(StandardCharsets.UTF_8)));

    @Test
    void checkpointSignature_verifiesWithOpensslDgst_andAChangedBodyDoesNot() throws Exception {
        NoteSignature signature = note.signatures().get(0);
        Path body = Files.writeString(dir.resolve("body.txt"), note.body(), StandardCharsets.UTF_8);
        Path forged = Files.writeString(dir.resolve("forged.txt"), note.body().replace("\n42\n", "\n41\n"));
        Path sig = Files.write(dir.resolve("sig.der"), signature.signature());
        Path pub = dir.resolve("pub.pem");
        Files.writeString(pub, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                signer.credential().certificate().getPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        assertThat(ExternalTool.openssl("dgst", "-sha256", "-verify", pub.toString(), "-signature", sig.toString(),
                body.toString()).requireSuccess().output()).contains("Verified OK");
        ExternalTool.Result changed = ExternalTool.openssl("dgst", "-sha256", "-verify", pub.toString(),
                "-signature", sig.toString(), forged.toString());
        assertThat(changed.exitCode()).isNotZero();
        assertThat(changed.output()).contains("Verification failure");
    }

    @Test
    void signatureLine_blobIsKeyIdThenTheDerSignature() {
        NoteSignature signature = note.signatures().get(0);
        byte[] blob = Base64.getDecoder().decode(note.text().lines().reduce((a, b) -> b).orElseThrow().split(" ")[2]);
        byte[] spkiHash = sha256(signer.credential().certificate().getPublicKey().getEncoded());

        assertThat(Arrays.copyOf(blob, 4)).isEqualTo(Arrays.copyOf(spkiHash, 4));
        assertThat(Arrays.copyOfRange(blob, 4, blob.length)).isEqualTo(signature.signature());
        assertThat(blob[4]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
    }

    @Test
    void checkpointTimestamp_verifiesWithOpensslTs_andNotForOtherData() throws Exception {
        byte[] response = new Timestamper(new EmbeddedTsa(LedgerKeys.shared().tsa(), TestPki.CLOCK))
                .timestamp(note.bytes());
        Path noteFile = Files.write(dir.resolve("42.note"), note.bytes());
        Path other = Files.writeString(dir.resolve("other.note"), note.text() + "x");
        Path tsr = Files.write(dir.resolve("42.tsr"), response);
        Path root = dir.resolve("root.pem");
        Pem.write(root, LedgerKeys.shared().root().certificate());

        ExternalTool.Result ok = ExternalTool.openssl("ts", "-verify", "-data", noteFile.toString(), "-in",
                tsr.toString(), "-CAfile", root.toString()).requireSuccess();
        assertThat(ok.output()).contains("Verification: OK");
        ExternalTool.Result wrong = ExternalTool.openssl("ts", "-verify", "-data", other.toString(), "-in",
                tsr.toString(), "-CAfile", root.toString());
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.output()).contains("message imprint mismatch");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
