package org.evidencegateway.open;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.evidencegateway.archive.ArchiveEntry;
import org.evidencegateway.archive.ArchiveReader;
import org.evidencegateway.archive.ArchiveWriter;
import org.evidencegateway.crypto.EnvelopeReader;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.crypto.OpenedEnvelope;
import org.evidencegateway.crypto.SignedDataReader;
import org.evidencegateway.crypto.VerifiedSignature;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.DecryptionException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.ManifestException;
import org.evidencegateway.error.PackageFormatException;
import org.evidencegateway.error.SignatureVerificationException;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.ManifestCodec;
import org.evidencegateway.trust.SignerCertificateValidator;

/**
 * Opens an evidence package in one streaming pass — decrypt, verify every signature and signer, check the
 * manifest and every item — and hands the items to an {@link ItemSink} that keeps them only if all checks pass.
 *
 * <p>When several layers are broken, the error reported is that of the outermost one (ciphertext, then signature,
 * then archive and items): a flipped bit in the ciphertext is reported as such, not as the corrupt ZIP it decrypts
 * to. Memory use does not depend on the package size.
 */
public final class PackageOpener {
    private final OpeningPolicy policy;
    private final ManifestCodec manifests = new ManifestCodec();
    private final SignerCertificateValidator validator;

    public PackageOpener(OpeningPolicy policy) {
        this.policy = policy;
        this.validator = new SignerCertificateValidator(policy.anchors(), policy.clock());
    }

    /**
     * Opens the package read from {@code in} (not closed here) into {@code sink}.
     *
     * @throws CodedException with the code of the first (outermost) check that failed; the sink has been aborted
     */
    public VerificationReport open(InputStream in, ItemSink sink) {
        Sha256.HashingInputStream raw = Sha256.hashing(in);
        try {
            return openVerified(raw, sink);
        } catch (IOException | RuntimeException e) {
            sink.abort();
            throw asCoded(e);
        }
    }

    private VerificationReport openVerified(Sha256.HashingInputStream raw, ItemSink sink) throws IOException {
        OpenedEnvelope envelope = EnvelopeReader.open(raw, policy.keys());
        SignedDataReader signed = SignedDataReader.open(envelope.plaintext());
        ArchiveContents contents;
        try {
            contents = readArchive(signed.content(), sink);
        } catch (CodedException | IOException e) {
            throw outermostFailure(e, signed, envelope);
        }
        List<VerifiedSignature> signatures = signed.signers();
        drain(envelope.plaintext());
        drain(raw);
        List<SignerReport> signers = new ArrayList<>();
        for (VerifiedSignature signature : signatures) {
            signers.add(SignerChecks.check(signature, contents.manifest(), validator, policy.delegations()));
        }
        VerificationReport report = new VerificationReport(raw.hex(), raw.count(), envelope.encryption().id(),
                envelope.recipient().getSubjectX500Principal().getName(), signers, contents.manifestSha256(),
                contents.manifest(), contents.itemBytes());
        sink.commit(contents.manifest(), contents.manifestBytes(), report);
        return report;
    }

    private ArchiveContents readArchive(InputStream content, ItemSink sink) throws IOException {
        try (ArchiveReader archive = new ArchiveReader(content, policy.limits())) {
            ArchiveEntry first = archive.next();
            if (first == null || !ArchiveWriter.MANIFEST_NAME.equals(first.name())) {
                throw new ManifestException(ErrorCode.MAN_MISSING, first == null ? "an empty archive" : first.name());
            }
            byte[] manifestBytes = first.content().readNBytes(ManifestCodec.MAX_BYTES + 1);
            Manifest manifest = manifests.read(new ByteArrayInputStream(manifestBytes));
            ItemCollector items = new ItemCollector(manifest, sink);
            for (ArchiveEntry entry = archive.next(); entry != null; entry = archive.next()) {
                items.accept(entry);
            }
            archive.finish();
            items.requireAllPresent();
            return new ArchiveContents(manifest, manifestBytes, Sha256.hex(manifestBytes), items.totalBytes());
        }
    }

    /**
     * An inner layer failed: read on to the end so the outer layers can be judged, and report theirs if they fail —
     * an altered ciphertext or signed content is the cause, the broken archive only its symptom.
     */
    private static RuntimeException outermostFailure(Exception inner, SignedDataReader signed, OpenedEnvelope envelope) {
        try {
            signed.signers();
            drain(envelope.plaintext());
        } catch (DecryptionException | PackageFormatException | SignatureVerificationException outer) {
            outer.addSuppressed(inner);
            return outer;
        } catch (RuntimeException | IOException ignored) {
            // The outer layers cannot be judged either; the inner failure stands.
        }
        return asCoded(inner);
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    private static RuntimeException asCoded(Exception e) {
        if (e instanceof CodedException coded) {
            return coded;
        }
        if (e instanceof IOException io) {
            return new CodedException(ErrorCode.IO_STORAGE, io, io.getMessage());
        }
        if (e instanceof UncheckedIOException io) {
            return new CodedException(ErrorCode.IO_STORAGE, io, io.getCause().getMessage());
        }
        return (RuntimeException) e;
    }

    private record ArchiveContents(Manifest manifest, byte[] manifestBytes, String manifestSha256, long itemBytes) {
    }

}
