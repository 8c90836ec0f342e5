package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evidencegateway.open.TestPackages;

/**
 * Small packages built before a run, so that building them does not bound the rate: valid EVIDENCE packages from
 * kz-gpo to ua-pgo, each with its own id, one evidence item of the payload size (random, incompressible) and one of
 * 64 case references (so that delivery, which keeps the packages of one case in order, is not serialised on one
 * case). Kept in one file (the page cache holds them), read back per request.
 */
final class PackagePool implements AutoCloseable {
    private static final int CASES = 64;

    private final FileChannel file;
    private final long[] offsets;
    private final int[] lengths;
    private final UUID[] ids;

    private PackagePool(FileChannel file, long[] offsets, int[] lengths, UUID[] ids) {
        this.file = file;
        this.offsets = offsets;
        this.lengths = lengths;
        this.ids = ids;
    }

    /** Builds {@code count} packages of {@code payload} evidence bytes, encrypted to {@code encryptTo} (rsa|ec). */
    static PackagePool build(Path path, int count, int payload, String encryptTo) throws Exception {
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        long[] offsets = new long[count];
        int[] lengths = new int[count];
        UUID[] ids = new UUID[count];
        byte[] evidence = new byte[payload];
        new SplittableRandom(payload).nextBytes(evidence);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService builders = Executors.newFixedThreadPool(threads);
        try {
            int batch = 256;
            long position = 0;
            for (int first = 0; first < count; first += batch) {
                List<Future<byte[]>> built = new ArrayList<>();
                for (int i = first; i < Math.min(count, first + batch); i++) {
                    UUID id = UUID.randomUUID();
                    ids[i] = id;
                    String caseReference = "BENCH-" + (i % CASES);
                    built.add(builders.submit(() -> build(id, caseReference, evidence, encryptTo)));
                }
                for (int i = first, k = 0; k < built.size(); i++, k++) {
                    byte[] pkg = built.get(k).get();
                    offsets[i] = position;
                    lengths[i] = pkg.length;
                    ByteBuffer buffer = ByteBuffer.wrap(pkg);
                    while (buffer.hasRemaining()) {
                        position += file.write(buffer, position);
                    }
                }
            }
        } finally {
            builders.shutdownNow();
        }
        return new PackagePool(file, offsets, lengths, ids);
    }

    private static byte[] build(UUID id, String caseReference, byte[] evidence, String encryptTo) {
        return TestPackages.valid().packageId(id).item("evidence/payload.bin", evidence)
                .encryptedTo("ec".equals(encryptTo) ? TestPackages.GATEWAY_EC : TestPackages.GATEWAY_RSA)
                .manifest(m -> m.toBuilder().caseReference(caseReference).build()).build();
    }

    int size() {
        return ids.length;
    }

    UUID id(int index) {
        return ids[index];
    }

    int length(int index) {
        return lengths[index];
    }

    /** Package {@code index}'s bytes. */
    byte[] read(int index) throws IOException {
        byte[] pkg = new byte[lengths[index]];
        ByteBuffer buffer = ByteBuffer.wrap(pkg);
        long position = offsets[index];
        while (buffer.hasRemaining()) {
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new IOException("the package pool ends before package " + index);
            }
            position += n;
        }
        return pkg;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
