package org.evidencegateway.audit;

import org.evidencegateway.audit.format.Checkpoint;
import org.evidencegateway.audit.format.NoteSignatureType;
import org.evidencegateway.audit.format.SignedNote;
import org.evidencegateway.trust.Credential;
import java.util.List;

/** Signs checkpoints with the gateway's key as C2SP signed notes; the key name is the log's origin. */
public final class CheckpointSigner {
    private final String origin;
    private final Credential key;
    private final NoteSignatureType type;

    public CheckpointSigner(String origin, Credential key) {
        this.origin = origin;
        this.key = key;
        this.type = NoteSignatureType.DEFAULT;
    }

    public String origin() {
        return origin;
    }

    /** The certificate (then its chain) that verifies the signatures. */
    public Credential credential() {
        return key;
    }

    /** The signed note of the tree of {@code treeSize} with {@code rootHash}. */
    public SignedNote sign(long treeSize, byte[] rootHash) {
        Checkpoint checkpoint = new Checkpoint(origin, treeSize, rootHash);
        return new SignedNote(checkpoint.body(), List.of(type.sign(origin, key.privateKey(),
                key.certificate().getPublicKey(), checkpoint.bodyBytes())));
    }
}
