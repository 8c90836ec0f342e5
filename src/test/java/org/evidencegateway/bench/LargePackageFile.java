package org.evidencegateway.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.TestManifests;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.pack.PackageWriter;
import org.evidencegateway.trust.TestPki;

/**
 * A package around one large generated evidence file, the way the gateway's tests and benchmarks submit one: an
 * EVIDENCE package from kz-gpo to ua-pgo signed at {@link TestPki#NOW}, encrypted to the gateway's RSA key, packed at
 * deflate level 0 (the synthetic payload does not compress, and level 0 keeps packing fast).
 *
 * @param file   the package
 * @param size   its length in bytes
 * @param sha256 its SHA-256, hex, taken as it was written (no extra pass over the file)
 * @param item   the evidence item as the manifest lists it (its SHA-256 from the generator, independent of the code
 *               under test)
 */
public record LargePackageFile(Path file, long size, String sha256, Item item) {
    /**
     * Writes the package with id {@code id} to {@code pkg}; the generator's own digest and size describe the item,
     * so the evidence file is read once.
     */
    public static LargePackageFile write(SyntheticPayload.Written evidence, UUID id, Path pkg) throws IOException {
        Item item = new Item("evidence/" + evidence.file().getFileName(), evidence.sha256(), evidence.size(),
                "application/octet-stream", "Synthetic evidence (test)", null, List.of());
        MessageDigest packageSha256 = SyntheticPayload.sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(pkg), 1 << 16),
                packageSha256)) {
            new PackageWriter(new PackageWriter.PackOptions(ContentEncryption.DEFAULT, TestPki.NOW, 0)).write(out,
                    TestManifests.evidence(List.of(item)).toBuilder().packageId(id).build(),
                    Map.of(item.path(), evidence.file()), List.of(TestPackages.PKI.kzGpo().signer()),
                    List.of(TestPackages.GATEWAY_RSA.certificate()));
        }
        return new LargePackageFile(pkg, Files.size(pkg), HexFormat.of().formatHex(packageSha256.digest()), item);
    }
}
