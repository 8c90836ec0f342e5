package org.evidencegateway.receive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.function.Supplier;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.PackageFormatException;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.store.PackageStore;

/**
 * First stage of ingest: identifies the submitting party from its TLS client certificate and streams the upload
 * to a spool file, hashing it on the way and stopping at the size limit. Nothing is held in memory.
 */
public final class SubmissionReceiver {
    private static final int BUFFER_SIZE = 256 * 1024;

    private final Supplier<PartyRegistry> parties;
    private final PackageStore store;
    private final long maxPackageSize;
    private final Clock clock;

    public SubmissionReceiver(Supplier<PartyRegistry> parties, PackageStore store, long maxPackageSize, Clock clock) {
        this.parties = parties;
        this.store = store;
        this.maxPackageSize = maxPackageSize;
        this.clock = clock;
    }

    /** The registered party a TLS client certificate belongs to. */
    public RegisteredParty submitter(X509Certificate clientCertificate) {
        return parties.get().requireTlsClient(clientCertificate);
    }

    /**
     * Spools the body; the caller closes {@code body}.
     *
     * @throws CodedException {@code EGW-PKG-005} over the size limit (the spool file is removed)
     */
    public Submission receive(RegisteredParty submitter, InputStream body) {
        Path spooled = null;
        try {
            spooled = store.newSpoolFile();
            Sha256.HashingOutputStream hashing;
            try (OutputStream out = Files.newOutputStream(spooled)) {
                hashing = Sha256.hashing(out);
                copyAtMost(body, hashing);
            }
            if (hashing.count() == 0) {
                throw new PackageFormatException(ErrorCode.PKG_EMPTY);
            }
            return Submission.received(submitter.id(), spooled, hashing.hex(), hashing.count(), clock.instant());
        } catch (IOException | RuntimeException e) {
            if (spooled != null) {
                store.discard(spooled);
            }
            throw e instanceof IOException io ? new CodedException(ErrorCode.IO_STORAGE, io, io.getMessage())
                    : (RuntimeException) e;
        }
    }

    private void copyAtMost(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > maxPackageSize) {
                throw new PackageFormatException(ErrorCode.PKG_TOO_LARGE, maxPackageSize);
            }
            out.write(buffer, 0, n);
        }
    }
}
