package org.evidencegateway.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.evidencegateway.crypto.SignedDataReader;
import org.evidencegateway.crypto.SignedDataWriter;
import org.evidencegateway.crypto.Signer;
import org.evidencegateway.crypto.VerifiedSignature;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.SignatureVerificationException;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.trust.SignerCertificateValidator;

/**
 * Signs and verifies small statements — canonical JSON in the package format's SignedData layer — the one form of
 * the gateway's evidences and of case systems' delivery acknowledgements (docs/evidence-format.md).
 */
public final class SignedStatements {
    private SignedStatements() {
    }

    /** The DER SignedData over {@code json} by {@code signer}, with {@code signingTime} as signed attribute. */
    public static byte[] sign(byte[] json, Signer signer, Instant signingTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 2048);
        try (OutputStream content = SignedDataWriter.open(out, List.of(signer), signingTime)) {
            content.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Checks every signature of {@code signed}, each signer's chain to the anchor {@code anchor} at its signing time,
     * and that the content is a {@code type} in canonical form.
     *
     * @param what names the statement in error messages, e.g. {@code the evidence}
     * @throws org.evidencegateway.error.CodedException with the code of the first check that failed
     */
    public static <T> Verified<T> verify(byte[] signed, Class<T> type, String what,
                                         SignerCertificateValidator validator, String anchor) {
        SignedDataReader reader = SignedDataReader.open(new ByteArrayInputStream(signed));
        byte[] json;
        try {
            json = reader.content().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<VerifiedSignature> signers = reader.signers();
        for (VerifiedSignature signer : signers) {
            validator.validate(signer.certificate(), signer.packageCertificates(), anchor, signer.signingTime());
        }
        T statement = read(json, type, what);
        if (!Arrays.equals(CanonicalJson.bytes(statement), json)) {
            throw new SignatureVerificationException(ErrorCode.SIG_INVALID, what, "its statement is not in canonical form");
        }
        return new Verified<>(statement, json, signers);
    }

    /** The statement in the encapsulated content of {@code signed}, without verifying anything. */
    public static <T> T readUnverified(byte[] signed, Class<T> type, String what) {
        try {
            return read(SignedDataReader.open(new ByteArrayInputStream(signed)).content().readAllBytes(), type, what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type, String what) {
        try {
            return CanonicalJson.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new SignatureVerificationException(ErrorCode.SIG_INVALID, e, what,
                    "its statement is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * A statement whose signatures and signers passed every check.
     *
     * @param json    the signed bytes
     * @param signers every signature, in SignedData order
     */
    public record Verified<T>(T statement, byte[] json, List<VerifiedSignature> signers) {
        public Verified {
            signers = List.copyOf(signers);
        }
    }
}
