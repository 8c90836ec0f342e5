package org.evidencegateway.auditor;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.evidencegateway.audit.format.EntryFields;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.PackageProof;
import org.evidencegateway.audit.format.ProofException;
import org.evidencegateway.audit.format.Proofs;

/**
 * Checks a package proof file offline (docs/audit-log.md §11): the checkpoint's signature and timestamp, that
 * every entry is about the package and sits at its sequence number, and every inclusion proof.
 */
public final class ProofFileVerifier {
    private final Optional<AuditorTrust> trust;

    /** @param trust the certificates to trust; empty to take them from the proof file (and say so) */
    public ProofFileVerifier(Optional<AuditorTrust> trust) {
        this.trust = trust;
    }

    public static PackageProof read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), PackageProof.class);
    }

    public VerificationReport verify(PackageProof proof) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!PackageProof.FORMAT.equals(proof.format())) {
            problems.add("format " + proof.format() + ", expected " + PackageProof.FORMAT);
        }
        AuditorTrust used = trust.isPresent() ? trust.get() : included(proof, notes);
        byte[] response = proof.timestamp() == null ? null : Base64.getDecoder().decode(proof.timestamp());
        Optional<CheckedCheckpoint> checkpoint = new CheckpointChecks(used)
                .check("checkpoint", proof.checkpoint(), response, problems, notes);
        OptionalLong firstBad = OptionalLong.empty();
        if (checkpoint.isPresent()) {
            firstBad = checkEntries(proof, checkpoint.get(), problems);
            checkpoint.get().timestampedAt().ifPresent(t -> notes.add("checkpoint timestamped at " + t));
        }
        return new VerificationReport(checkpoint.map(CheckedCheckpoint::treeSize).orElse(0L),
                checkpoint.isPresent() ? 1 : 0,
                checkpoint.flatMap(CheckedCheckpoint::timestampedAt).isPresent() ? 1 : 0, problems, firstBad, notes);
    }

    private static OptionalLong checkEntries(PackageProof proof, CheckedCheckpoint checkpoint, List<String> problems) {
        OptionalLong firstBad = OptionalLong.empty();
        if (proof.entries() == null || proof.entries().isEmpty()) {
            problems.add("the proof file holds no entry");
        }
        for (PackageProof.ProvenEntry e : proof.entries() == null ? List.<PackageProof.ProvenEntry>of() : proof.entries()) {
            String problem = entryProblem(proof.packageId(), checkpoint, e);
            if (problem != null) {
                problems.add("entry " + e.seq() + ": " + problem);
                if (firstBad.isEmpty()) {
                    firstBad = OptionalLong.of(e.seq());
                }
            }
        }
        return firstBad;
    }

    private static String entryProblem(String packageId, CheckedCheckpoint checkpoint, PackageProof.ProvenEntry e) {
        try {
            EntryFields fields = EntryFields.parse(e.entry());
            if (fields.seq() != e.seq()) {
                return "the entry says seq " + fields.seq();
            }
            if (!packageId.equals(fields.packageId())) {
                return "the entry is about package " + fields.packageId() + ", not " + packageId;
            }
            List<byte[]> path = e.inclusionProof().stream().map(LogHashes::fromHex).toList();
            Proofs.verifyInclusion(e.seq(), checkpoint.treeSize(),
                    LogHashes.leaf(e.entry().getBytes(StandardCharsets.UTF_8)), path, checkpoint.checkpoint().rootHash());
            return null;
        } catch (ProofException | IllegalArgumentException ex) {
            return ex.getMessage();
        }
    }

    private static AuditorTrust included(PackageProof proof, List<String> notes) throws IOException {
        notes.add("trusting the certificates inside the proof file; give --gateway-cert and --tsa-root from an"
                + " independent source to rule out a forged file");
        X509Certificate signer = AuditorTrust.parsePem(proof.checkpointSignerCertificates().get(0)).get(0);
        List<String> tsa = proof.tsaCertificates();
        List<X509Certificate> tsaChain = new java.util.ArrayList<>();
        for (String pem : tsa) {
            tsaChain.addAll(AuditorTrust.parsePem(pem));
        }
        X509Certificate tsaRoot = tsaChain.isEmpty() ? signer : AuditorTrust.root(tsaChain);
        return new AuditorTrust(signer, tsaRoot, true);
    }
}
