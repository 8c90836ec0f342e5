package org.evidencegateway.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.evidencegateway.crypto.SignedDataWriter;
import org.evidencegateway.crypto.Signer;
import org.evidencegateway.json.CanonicalJson;

/** Signs evidence statements with the gateway's evidence key, in the package format's SignedData layer. */
public final class EvidenceSigner {
    private final Signer gatewayKey;

    public EvidenceSigner(Signer gatewayKey) {
        this.gatewayKey = gatewayKey;
    }

    public SignedEvidence sign(Evidence statement) {
        byte[] json = CanonicalJson.bytes(statement);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 2048);
        try (OutputStream content = SignedDataWriter.open(out, List.of(gatewayKey), statement.eventTime())) {
            content.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SignedEvidence(statement, json, out.toByteArray());
    }
}
