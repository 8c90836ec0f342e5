package org.evidencegateway.auditor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.evidencegateway.audit.format.Checkpoint;
import org.evidencegateway.audit.format.CheckpointSignatureException;
import org.evidencegateway.audit.format.CheckpointVerifier;
import org.evidencegateway.audit.format.NoteSignatureType;
import org.evidencegateway.audit.format.TimestampException;
import org.evidencegateway.audit.format.TimestampVerifier;

/** Checks one signed checkpoint and its timestamp against the auditor's trust; collects what fails. */
final class CheckpointChecks {
    private final AuditorTrust trust;

    CheckpointChecks(AuditorTrust trust) {
        this.trust = trust;
    }

    /**
     * The verified checkpoint, or empty (with the reason added to {@code problems}) if its signature fails.
     *
     * @param response the DER TimeStampResp, or null if none was exported
     */
    Optional<CheckedCheckpoint> check(String label, String note, byte[] response, List<String> problems,
                                      List<String> notes) {
        Checkpoint checkpoint;
        try {
            String keyName = note.lines().findFirst().orElse("");
            checkpoint = new CheckpointVerifier(keyName, trust.checkpointSigner().getPublicKey(),
                    NoteSignatureType.DEFAULT).verify(note);
        } catch (CheckpointSignatureException | IllegalArgumentException e) {
            problems.add(label + ": " + e.getMessage());
            return Optional.empty();
        }
        if (response == null) {
            notes.add(label + ": no timestamp yet (pending at the gateway)");
            return Optional.of(new CheckedCheckpoint(checkpoint, Optional.empty()));
        }
        try {
            Instant at = new TimestampVerifier(trust.tsaRoot()).verify(response, note.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new CheckedCheckpoint(checkpoint, Optional.of(at)));
        } catch (TimestampException e) {
            problems.add(label + ": timestamp: " + e.getMessage());
            return Optional.of(new CheckedCheckpoint(checkpoint, Optional.empty()));
        }
    }

}
