package org.evidencegateway.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.evidencegateway.archive.ArchiveWriter;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.crypto.EnvelopeWriter;
import org.evidencegateway.crypto.SignedDataWriter;
import org.evidencegateway.crypto.Signer;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.ManifestCodec;

/**
 * Writes an evidence package in one streaming pass: ZIP (manifest first, then the items) inside SignedData inside
 * AuthEnvelopedData or EnvelopedData. Every item is hashed again as it is written, so a file that changed since its
 * manifest entry was made is caught here rather than refused by the recipient.
 */
public final class PackageWriter {
    private final ManifestCodec manifests = new ManifestCodec();
    private final PackOptions options;

    public PackageWriter(PackOptions options) {
        this.options = options;
    }

    /**
     * Writes the package to {@code out} (not closed here).
     *
     * @param manifest the complete manifest, items included with their sizes and SHA-256
     * @param sources  the file holding each item, by item path
     */
    public void write(OutputStream out, Manifest manifest, Map<String, Path> sources, List<Signer> signers,
                      List<X509Certificate> recipients) throws IOException {
        byte[] manifestBytes = manifests.write(manifest);
        try (OutputStream envelope = EnvelopeWriter.open(out, recipients, options.encryption());
             OutputStream signed = SignedDataWriter.open(envelope, signers, options.signingTime());
             ArchiveWriter archive = new ArchiveWriter(signed, options.deflateLevel())) {
            archive.putManifest(manifestBytes);
            for (Item item : manifest.items()) {
                writeItem(archive, item, source(sources, item));
            }
        }
    }

    private static void writeItem(ArchiveWriter archive, Item item, Path source) throws IOException {
        Sha256.HashingOutputStream hashing;
        try (InputStream in = Files.newInputStream(source); OutputStream entry = archive.openEntry(item.path())) {
            hashing = Sha256.hashing(entry);
            in.transferTo(hashing);
        }
        String actual = hashing.hex();
        if (hashing.count() != item.size() || !actual.equals(item.sha256())) {
            throw new IllegalStateException("evidence file " + source + " changed while packing: the manifest says "
                    + item.size() + " bytes with SHA-256 " + item.sha256() + ", the file now has " + hashing.count()
                    + " bytes with SHA-256 " + actual);
        }
    }

    private static Path source(Map<String, Path> sources, Item item) {
        Path source = sources.get(item.path());
        if (source == null) {
            throw new IllegalArgumentException("no file given for manifest item " + item.path());
        }
        return source;
    }

    /**
     * How a package is written.
     *
     * @param encryption   content encryption (default AES-256-GCM)
     * @param signingTime  the signingTime every signer claims
     * @param deflateLevel ZIP deflate level, 0–9
     */
    public record PackOptions(ContentEncryption encryption, Instant signingTime, int deflateLevel) {
        public static PackOptions defaults(Instant signingTime) {
            return new PackOptions(ContentEncryption.DEFAULT, signingTime, ArchiveWriter.DEFAULT_LEVEL);
        }
    }
}
