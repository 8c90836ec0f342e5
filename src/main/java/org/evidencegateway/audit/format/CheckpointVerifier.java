package org.evidencegateway.audit.format;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Checks a signed checkpoint against the one key trusted for it (C2SP signed-note rules: the signature whose key
 * name and key ID both match must verify) and returns the checkpoint it vouches for.
 */
public final class CheckpointVerifier {
    private final String keyName;
    private final PublicKey key;
    private final NoteSignatureType type;

    public CheckpointVerifier(String keyName, PublicKey key, NoteSignatureType type) {
        this.keyName = keyName;
        this.key = key;
        this.type = type;
    }

    /** The checkpoint of {@code noteText} if it carries a valid signature of the trusted key. */
    public Checkpoint verify(String noteText) throws CheckpointSignatureException {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(noteText);
            checkpoint = Checkpoint.parse(note.body());
        } catch (IllegalArgumentException e) {
            throw new CheckpointSignatureException("not a signed checkpoint: " + e.getMessage());
        }
        int keyId = type.keyId(key);
        Optional<NoteSignature> ours = note.signatures().stream()
                .filter(s -> s.keyName().equals(keyName) && s.keyId() == keyId).findFirst();
        if (ours.isEmpty()) {
            throw new CheckpointSignatureException(String.format("checkpoint of tree size %d carries no signature by %s"
                    + " with key ID %08x (found: %s)", checkpoint.treeSize(), keyName, keyId,
                    note.signatures().stream().map(s -> s.keyName() + String.format("/%08x", s.keyId())).toList()));
        }
        if (!type.verify(ours.get(), key, note.body().getBytes(StandardCharsets.UTF_8))) {
            throw new CheckpointSignatureException(String.format("the %s signature of %s (key ID %08x) over the "
                    + "checkpoint of tree size %d does not verify", type.id(), keyName, keyId, checkpoint.treeSize()));
        }
        return checkpoint;
    }
}
