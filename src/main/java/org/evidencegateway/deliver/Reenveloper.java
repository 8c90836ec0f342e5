package org.evidencegateway.deliver;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.crypto.EnvelopeReader;
import org.evidencegateway.crypto.EnvelopeWriter;
import org.evidencegateway.crypto.OpenedEnvelope;
import org.evidencegateway.crypto.RecipientKey;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.store.PackageStore;

/**
 * Re-encrypts a stored package for its case system: opens the outer layer with the gateway's keys and streams the
 * plaintext — the sender's original SignedData, byte for byte — into a fresh AuthEnvelopedData (AES-256-GCM) for
 * the case system's encryption certificate, in a temporary file. Nothing is held in memory; the stored package's
 * GCM tag and SHA-256 are checked on the way.
 */
public final class Reenveloper {
    private final PackageStore store;
    private final List<RecipientKey> keys;
    private final Path work;

    /** @param work folder for the temporary files, created if missing */
    public Reenveloper(PackageStore store, List<RecipientKey> keys, Path work) throws IOException {
        this.store = store;
        this.keys = List.copyOf(keys);
        this.work = Files.createDirectories(work);
    }

    /** The attempt's package enveloped for its case system; the caller deletes the file. */
    public Reenveloped reenvelope(DeliveryAttempt attempt) {
        Path file = null;
        try {
            file = Files.createTempFile(work, attempt.check().packageId() + "-", ".p7m");
            write(attempt, file);
            return new Reenveloped(attempt, file);
        } catch (IOException e) {
            delete(file);
            throw new CodedException(ErrorCode.IO_STORAGE, e, "re-enveloping " + attempt.check().packageId()
                    + ": " + e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** Removes a temporary file of {@link #reenvelope}; never fails. */
    public static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // A leftover file holds nothing that counts; the work folder is emptied at start-up.
        }
    }

    /** Deletes temporary files left by a run that stopped mid-delivery. */
    public void clearWork() throws IOException {
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void write(DeliveryAttempt attempt, Path file) throws IOException {
        String ref = attempt.check().storeRef();
        try (Sha256.HashingInputStream stored = Sha256.hashing(store.open(ref));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            OpenedEnvelope opened = EnvelopeReader.open(stored, keys);
            try (InputStream plaintext = opened.plaintext();
                 OutputStream envelope = EnvelopeWriter.open(out, List.of(attempt.caseSystem().delivery()
                         .encryptionCertificate()), ContentEncryption.AES_256_GCM)) {
                // Reading the plaintext to its end is what checks the stored package's GCM tag.
                plaintext.transferTo(envelope);
            }
            stored.transferTo(OutputStream.nullOutputStream());
            if (!stored.hex().equals(attempt.check().packageSha256())) {
                throw new CodedException(ErrorCode.IO_STORAGE, "stored package " + ref + " has SHA-256 "
                        + stored.hex() + ", recorded at ingest as " + attempt.check().packageSha256());
            }
        }
    }
}
