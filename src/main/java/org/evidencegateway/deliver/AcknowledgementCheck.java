package org.evidencegateway.deliver;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.evidencegateway.casesystem.AcknowledgementVerifier;
import org.evidencegateway.casesystem.DeliveryAcknowledgement;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.party.RegisteredCertificate;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.store.PackageRecord;

/**
 * Takes a case system's signed acknowledgement as proof of delivery only if it holds: it verifies
 * ({@link AcknowledgementVerifier}: signature, chain to the case system's country anchor and CRL at its signing
 * time, the case system named by signer and statement), its signer certificate is one the party registry lists for
 * the case system (a signing certificate or its delivery encryption certificate), and it names the package delivered
 * and its manifest. An acknowledgement that does not hold leaves the outcome of the attempt unknown, as a timeout
 * does: the attempt is retried ({@code EGW-DLV-006}), and the retry is absorbed by the case system's idempotency.
 */
public final class AcknowledgementCheck {
    private final AcknowledgementVerifier verifier;

    public AcknowledgementCheck(AcknowledgementVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Returns {@code outcome} if it carries no acknowledgement or one that holds.
     *
     * @throws TransientDeliveryException {@code EGW-DLV-006} if the acknowledgement does not hold
     */
    public DeliveryOutcome require(DeliveryOutcome outcome) {
        if (outcome.result() != DeliveryOutcome.Result.DELIVERED || outcome.acknowledgement() == null) {
            return outcome;
        }
        DeliveryAttempt attempt = outcome.attempt();
        RegisteredParty caseSystem = attempt.caseSystem();
        DeliveryAcknowledgement statement;
        try {
            statement = verifier.verify(outcome.acknowledgement(), caseSystem.id(), caseSystem.country(),
                    registered(caseSystem));
        } catch (CodedException e) {
            throw invalid(attempt, e.toString(), e);
        }
        PackageRecord record = attempt.record();
        if (!statement.packageId().equals(record.packageId())) {
            throw invalid(attempt, "it names package " + statement.packageId(), null);
        }
        if (!statement.manifestSha256().equals(record.manifestSha256())) {
            throw invalid(attempt, "it names manifest SHA-256 " + statement.manifestSha256() + ", the package's is "
                    + record.manifestSha256(), null);
        }
        return outcome;
    }

    /** An acknowledgement present but unreadable (not base64, say) is one that does not hold. */
    public static TransientDeliveryException unreadable(DeliveryAttempt attempt, String why) {
        return invalid(attempt, why, null);
    }

    private static TransientDeliveryException invalid(DeliveryAttempt attempt, String why, Throwable cause) {
        return new TransientDeliveryException(ErrorCode.DLV_ACKNOWLEDGEMENT_INVALID, cause,
                attempt.caseSystem().id(), attempt.check().packageId(), why);
    }

    private static List<X509Certificate> registered(RegisteredParty caseSystem) {
        List<X509Certificate> certificates = new ArrayList<>(caseSystem.signingCertificates().stream()
                .map(RegisteredCertificate::certificate).toList());
        certificates.add(caseSystem.delivery().encryptionCertificate());
        return certificates;
    }
}
