package org.evidencegateway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.evidencegateway.casesystem.DeliveryStore;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.evidence.EvidenceVerifier;

/**
 * One package's way through the demo, checked the way its sender would check it: the receipt's signature and
 * content, the status API until the end of the way, every evidence's signature, and the case system's folder.
 */
final class Exchanges {
    /** Longest wait for a package to be delivered (retries included). */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Narrator narrator;
    private final DemoNetwork network;
    private final EvidenceVerifier verifier;

    Exchanges(Narrator narrator, DemoNetwork network, EvidenceVerifier verifier) {
        this.narrator = narrator;
        this.network = network;
        this.verifier = verifier;
    }

    /** Checks that {@code answer} accepted {@code pkg} with a SubmissionAcceptance signed by the gateway. */
    boolean accepted(DemoPackages.Built pkg, Answer answer) {
        if (!narrator.check(answer.isAccepted(), "accepted: " + (answer.isAccepted() ? answer.status()
                : answer.code() + " " + answer.detail()))) {
            return false;
        }
        Evidence receipt = verify(answer.signedEvidence(), "receipt");
        return receipt != null && narrator.check(receipt.evidenceType() == EvidenceType.SUBMISSION_ACCEPTANCE
                        && receipt.packageId().equals(pkg.packageId()) && receipt.packageSha256().equals(pkg.sha256()),
                "receipt verified: " + describe(receipt) + " for package " + receipt.packageId() + ", SHA-256 "
                        + receipt.packageSha256().substring(0, 16) + "... = what was sent");
    }

    /**
     * Follows an accepted package on the status API as {@code sender} until it is delivered, then checks its
     * evidences and that {@code caseSystem} stored it.
     */
    void delivered(RestParty sender, DemoPackages.Built pkg, String caseSystem) throws Exception {
        String id = pkg.packageId().toString();
        narrator.say("waiting on the status API: GET /api/v1/packages/%s (as %s)", id, sender.party());
        JsonNode status = sender.awaitFinalStatus(id, PATIENCE);
        List<String> timeline = new ArrayList<>();
        status.path("timeline").forEach(e -> timeline.add(e.path("status").asText()));
        narrator.check("DELIVERED".equals(status.path("status").asText()), "delivered to " + caseSystem
                + ": status " + status.path("status").asText() + ", timeline " + String.join(" > ", timeline));
        List<String> evidences = new ArrayList<>();
        boolean delivery = false;
        for (byte[] signed : sender.evidences(id)) {
            Evidence evidence = verify(signed, "evidence");
            if (evidence != null) {
                evidences.add(describe(evidence));
                delivery |= evidence.evidenceType() == EvidenceType.DELIVERY;
            }
        }
        narrator.check(delivery, "evidences, every signature verified: " + String.join(", ", evidences));
        Path folder = network.stored(caseSystem, id);
        narrator.check(Files.isRegularFile(folder.resolve(DeliveryStore.PACKAGE_FILE))
                        && Files.isRegularFile(folder.resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE)),
                caseSystem + " stored it, opened and acknowledged: " + folder);
    }

    /** Checks that {@code answer} refused the package with {@code code} and a verified SubmissionRejection. */
    void refused(Answer answer, String code) {
        narrator.check(!answer.isAccepted() && code.equals(answer.code()), "refused with " + code + ": "
                + (answer.isAccepted() ? "accepted instead" : answer.code() + " " + answer.detail()));
        Evidence rejection = verify(answer.signedEvidence(), "rejection");
        if (rejection != null) {
            narrator.check(rejection.evidenceType() == EvidenceType.SUBMISSION_REJECTION
                            && code.equals(rejection.reasonCode()),
                    "signed rejection verified: " + describe(rejection) + ", reason " + rejection.reasonCode()
                            + ", submitter " + rejection.submitter() + ", at " + rejection.eventTime());
        }
    }

    private Evidence verify(byte[] signed, String what) {
        if (signed == null) {
            narrator.check(false, "the gateway gave no signed " + what);
            return null;
        }
        try {
            return verifier.verify(signed);
        } catch (RuntimeException e) {
            narrator.check(false, what + " signature: " + e.getMessage());
            return null;
        }
    }

    private static String describe(Evidence evidence) {
        return evidence.evidenceType().id() + " " + evidence.evidenceId();
    }
}
