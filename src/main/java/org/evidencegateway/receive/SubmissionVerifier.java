package org.evidencegateway.receive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.open.ItemSink;
import org.evidencegateway.open.PackageOpener;
import org.evidencegateway.open.SignerReport;
import org.evidencegateway.open.VerificationReport;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.party.SubmissionAuthorizer;

/**
 * Second stage of ingest: opens the spooled package with every check of the package format, then applies the
 * gateway's own rules — who may submit what for whom, a case system to deliver to, and the replay window.
 */
public final class SubmissionVerifier {
    private final Supplier<PackageOpener> opener;
    private final Supplier<PartyRegistry> parties;
    private final SubmissionAuthorizer authorizer;
    private final Duration maxAge;
    private final Duration maxFutureSkew;
    private final Clock clock;

    public SubmissionVerifier(Supplier<PackageOpener> opener, Supplier<PartyRegistry> parties, Duration maxAge,
                              Duration maxFutureSkew, Clock clock) {
        this.opener = opener;
        this.parties = parties;
        this.authorizer = new SubmissionAuthorizer(parties);
        this.maxAge = maxAge;
        this.maxFutureSkew = maxFutureSkew;
        this.clock = clock;
    }

    public Submission verify(Submission submission) {
        VerificationReport report;
        try (InputStream in = Files.newInputStream(submission.spooled())) {
            report = opener.get().open(in, ItemSink.discarding());
        } catch (IOException e) {
            throw new CodedException(ErrorCode.IO_STORAGE, e, e.getMessage());
        }
        Instant now = clock.instant();
        report.signers().forEach(signer -> requireFresh(signer, now));
        RegisteredParty submitter = parties.get().byId(submission.submitter()).orElseThrow();
        authorizer.authorize(submitter, report, now);
        requireCaseSystem(report.manifest().recipient().agency());
        return submission.verified(report);
    }

    private void requireFresh(SignerReport signer, Instant now) {
        Instant earliest = now.minus(maxAge);
        Instant latest = now.plus(maxFutureSkew);
        if (signer.signingTime().isBefore(earliest) || signer.signingTime().isAfter(latest)) {
            throw new CodedException(ErrorCode.REQ_REPLAY, signer.signingTime(), earliest, latest);
        }
    }

    private void requireCaseSystem(String recipient) {
        if (parties.get().caseSystemFor(recipient).isEmpty()) {
            throw new AuthorizationException(ErrorCode.AUTH_RECIPIENT, "this gateway", recipient,
                    "agencies served by a registered case system");
        }
    }
}
