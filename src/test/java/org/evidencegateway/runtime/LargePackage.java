package org.evidencegateway.runtime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.bench.SyntheticPayload;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.TestManifests;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.pack.PackageWriter;
import org.evidencegateway.trust.TestPki;

/**
 * A package from kz-gpo to ua-pgo, encrypted to the gateway, around one generated evidence file of any size: built on
 * disk as it streams (deflate level 0: the payload does not compress, and level 0 keeps the tests fast), the
 * evidence file removed once packed. The generator's own digest and size describe the item, and the package is
 * hashed as it is written: no extra pass over the bytes.
 *
 * @param file   the package
 * @param sha256 the package's SHA-256 (hex)
 * @param item   the evidence item as the manifest lists it (its SHA-256 computed independently of the code under test)
 */
record LargePackage(Path file, String sha256, Item item) {
    /** Builds package {@code id} around {@code payload} bytes of evidence, as {@code dir/large.p7m}. */
    static LargePackage build(Path dir, long payload, UUID id) throws IOException, GeneralSecurityException {
        SyntheticPayload.Written evidence = SyntheticPayload.standard().write(dir.resolve("large.bin"), payload);
        Path pkg = dir.resolve("large.p7m");
        Item item = new Item("evidence/large.bin", evidence.sha256(), evidence.size(), "application/octet-stream",
                "Synthetic evidence (test)", null, List.of());
        MessageDigest packageSha256 = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(pkg), 1 << 16),
                packageSha256)) {
            new PackageWriter(new PackageWriter.PackOptions(ContentEncryption.DEFAULT, TestPki.NOW, 0)).write(out,
                    TestManifests.evidence(List.of(item)).toBuilder().packageId(id).build(),
                    Map.of(item.path(), evidence.file()), List.of(TestPackages.PKI.kzGpo().signer()),
                    List.of(TestPackages.GATEWAY_RSA.certificate()));
        }
        Files.delete(evidence.file());
        return new LargePackage(pkg, HexFormat.of().formatHex(packageSha256.digest()), item);
    }

    long size() throws IOException {
        return Files.size(file);
    }
}
