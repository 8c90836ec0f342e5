package org.evidencegateway.receive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
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
 * to a spool file, hashing it on the way and stopping at the size limit or the upload deadline. Nothing is held
 * in memory.
 */
public final class SubmissionReceiver {
    private static final int BUFFER_SIZE = 256 * 1024;

    private final Supplier<PartyRegistry> parties;
    private final PackageStore store;
    private final long maxPackageSize;
    private final Duration uploadTimeout;
    private final Clock clock;

    /**
     * @param uploadTimeout longest an upload may take, measured on the monotonic clock (not {@code clock}, which
     *                      stamps receipts and may stand still in tests)
     */
    public SubmissionReceiver(Supplier<PartyRegistry> parties, PackageStore store, long maxPackageSize,
                              Duration uploadTimeout, Clock clock) {
        this.parties = parties;
        this.store = store;
        this.maxPackageSize = maxPackageSize;
        this.uploadTimeout = uploadTimeout;
        this.clock = clock;
    }

    /** The registered party a TLS client certificate belongs to. */
    public RegisteredParty submitter(X509Certificate clientCertificate) {
        return parties.get().requireTlsClient(clientCertificate);
    }

    /**
     * Spools the body; the caller closes {@code body}.
     *
     * @throws CodedException {@code EGW-PKG-005} over the size limit, {@code EGW-REQ-004} past the upload timeout,
     *                        {@code EGW-REQ-005} if the client's stream fails; the spool file is removed in every case
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
        long deadline = System.nanoTime() + uploadTimeout.toNanos();
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        for (int n = read(in, buffer, total, deadline); n >= 0; n = read(in, buffer, total, deadline)) {
            total += n;
            if (total > maxPackageSize) {
                throw new PackageFormatException(ErrorCode.PKG_TOO_LARGE, maxPackageSize);
            }
            out.write(buffer, 0, n);
        }
    }

    /** One read from the client, told apart from the spool's own failures, and the deadline checked after it. */
    private int read(InputStream in, byte[] buffer, long sofar, long deadline) {
        int n;
        try {
            n = in.read(buffer);
        } catch (IOException e) {
            // A connection the transport closed for idleness fails here too; past the deadline, that is the reason.
            throw pastDeadline(deadline) ? new CodedException(ErrorCode.REQ_TIMEOUT, e, uploadTimeout)
                    : new CodedException(ErrorCode.REQ_UPLOAD_BROKEN, e, sofar, e.getMessage());
        }
        if (pastDeadline(deadline)) {
            throw new CodedException(ErrorCode.REQ_TIMEOUT, uploadTimeout);
        }
        return n;
    }

    private static boolean pastDeadline(long deadline) {
        return System.nanoTime() - deadline > 0;
    }
}
