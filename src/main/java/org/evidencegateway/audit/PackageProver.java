package org.evidencegateway.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.PackageProof;
import org.evidencegateway.audit.format.ProofBuilder;

/**
 * Builds the self-contained proof file of one package (docs/audit-log.md §11): its entries, each with an
 * inclusion proof against the latest checkpoint, the checkpoint, its timestamp and the certificates.
 */
public final class PackageProver {
    private final CheckpointSigner signer;

    public PackageProver(CheckpointSigner signer) {
        this.signer = signer;
    }

    /**
     * The proof of every entry of {@code packageId} that the latest checkpoint covers.
     *
     * @throws IllegalStateException if there is no checkpoint yet, or none covering the package's entries
     */
    public PackageProof prove(Connection c, String packageId) throws SQLException, IOException {
        StoredCheckpoint checkpoint = LedgerReader.latestCheckpoint(c)
                .orElseThrow(() -> new IllegalStateException("the audit log has no checkpoint yet"));
        long size = checkpoint.treeSize();
        ProofBuilder proofs = LedgerReader.proofs(c);
        List<PackageProof.ProvenEntry> entries = new ArrayList<>();
        for (LedgerEntry entry : LedgerReader.entriesOf(c, packageId)) {
            if (entry.seq() < size) {
                entries.add(new PackageProof.ProvenEntry(entry.seq(), entry.json(),
                        proofs.inclusion(entry.seq(), size).stream().map(LogHashes::hex).toList()));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no entry of package " + packageId + " is covered by the latest checkpoint"
                    + " (tree size " + size + ")");
        }
        byte[] response = checkpoint.timeStampResponse().orElse(null);
        return new PackageProof(PackageProof.FORMAT, packageId, checkpoint.note(),
                response == null ? null : Base64.getEncoder().encodeToString(response),
                pem(signer.credential().chain()),
                response == null ? List.of() : pem(TimestampCertificates.of(response)), entries);
    }

    /** Each certificate as PEM text, in order. */
    static List<String> pem(List<X509Certificate> certificates) {
        return certificates.stream().map(cert -> {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(cert);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }).toList();
    }
}
