package org.evidencegateway.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.evidencegateway.bench.LargePackageFile;
import org.evidencegateway.bench.SyntheticPayload;

/**
 * The large package the gateway's tests submit: {@link LargePackageFile} around one generated evidence file of any
 * size, the evidence file removed once packed (only the package needs the disk space from then on).
 */
final class LargePackage {
    private LargePackage() {
    }

    /** Builds package {@code id} around {@code payload} bytes of evidence, as {@code dir/large.p7m}. */
    static LargePackageFile build(Path dir, long payload, UUID id) throws IOException {
        SyntheticPayload.Written evidence = SyntheticPayload.standard().write(dir.resolve("large.bin"), payload);
        LargePackageFile pkg = LargePackageFile.write(evidence, id, dir.resolve("large.p7m"));
        Files.delete(evidence.file());
        return pkg;
    }
}
