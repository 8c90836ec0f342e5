package org.evidencegateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.evidencegateway.archive.ArchiveWriter;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.TestManifests;
import org.evidencegateway.open.DirectoryItemSink;
import org.evidencegateway.open.ItemSink;
import org.evidencegateway.open.PackageOpener;
import org.evidencegateway.open.VerificationReport;
import org.evidencegateway.pack.EvidenceFolder;
import org.evidencegateway.pack.PackageWriter;

/**
 * One measured operation on a large package, run in a child JVM so that its heap is its own; prints one
 * {@code RESULT <op>.seconds=… <op>.bytes=… <op>.peak-heap=…} line per operation.
 *
 * <pre>
 * PackageCase --keys=&lt;generated|certs dir&gt; [--deflate-level=0..9] pack &lt;evidence file&gt; &lt;package file&gt;
 * PackageCase --keys=…                      verify     &lt;package file&gt;
 * PackageCase --keys=…                      extract    &lt;package file&gt; &lt;output folder&gt;
 * PackageCase --keys=…                      round-trip &lt;evidence file&gt; &lt;package file&gt; &lt;output folder&gt;
 * PackageCase sha-256|aes-256-gcm &lt;bytes&gt;      (JDK primitives over a 64 KiB in-memory buffer, warmed up)
 * </pre>
 *
 * <p>Packing hashes the evidence file (as {@code evgw pack} must, for the manifest) and writes the package;
 * {@code extract} then hashes the extracted file with the JDK alone, outside the timing, and prints it.
 */
public final class PackageCase {
    private static final String DESCRIPTION = "Synthetic evidence (benchmark)";
    /** Buffer of the in-memory context figures: the 64 KiB the CMS layers stream in. */
    static final int CONTEXT_CHUNK = 64 * 1024;
    private static final int WARM_UP_CHUNK = 4096;
    private static final int WARM_UP_CALLS = 30_000;

    private PackageCase() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args);
        PackageKeys keys = null;
        int level = ArchiveWriter.DEFAULT_LEVEL;
        for (; !rest.isEmpty() && rest.get(0).startsWith("--"); rest = rest.subList(1, rest.size())) {
            String option = rest.get(0);
            if (option.startsWith("--keys=")) {
                keys = PackageKeys.of(option.substring("--keys=".length()));
            } else if (option.startsWith("--deflate-level=")) {
                level = Integer.parseInt(option.substring("--deflate-level=".length()));
            } else {
                throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("usage: see the Javadoc of " + PackageCase.class.getName());
        }
        String op = rest.get(0);
        switch (op) {
            case "pack" -> pack(keys, level, Path.of(rest.get(1)), Path.of(rest.get(2)));
            case "verify" -> verify(keys, Path.of(rest.get(1)));
            case "extract" -> extract(keys, Path.of(rest.get(1)), Path.of(rest.get(2)));
            case "round-trip" -> {
                pack(keys, level, Path.of(rest.get(1)), Path.of(rest.get(2)));
                extract(keys, Path.of(rest.get(2)), Path.of(rest.get(3)));
            }
            case "sha-256" -> sha256(Sizes.parse(rest.get(1)));
            case "aes-256-gcm" -> aesGcm(Sizes.parse(rest.get(1)));
            default -> throw new IllegalArgumentException("unknown operation " + op);
        }
    }

    static void pack(PackageKeys keys, int deflateLevel, Path evidence, Path packageFile) throws IOException {
        try (HeapWatch heap = HeapWatch.start()) {
            long start = System.nanoTime();
            Item item = EvidenceFolder.describe(evidence, "evidence/" + evidence.getFileName(), DESCRIPTION);
            PackageWriter writer = new PackageWriter(new PackageWriter.PackOptions(ContentEncryption.DEFAULT,
                    keys.signingTime(), deflateLevel));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(packageFile), 1 << 16)) {
                writer.write(out, TestManifests.evidence(List.of(item)), Map.of(item.path(), evidence),
                        List.of(keys.signer()), List.of(keys.recipient()));
            }
            result("pack", item.size(), start, heap, "pack.package-bytes=" + Files.size(packageFile)
                    + " pack.deflate-level=" + deflateLevel);
        }
    }

    static void verify(PackageKeys keys, Path packageFile) throws IOException {
        try (HeapWatch heap = HeapWatch.start(); InputStream in = Files.newInputStream(packageFile)) {
            long start = System.nanoTime();
            VerificationReport report = new PackageOpener(keys.policy()).open(in, ItemSink.discarding());
            result("verify", report.itemBytes(), start, heap, "");
        }
    }

    static void extract(PackageKeys keys, Path packageFile, Path folder) throws IOException {
        Files.createDirectories(folder);
        DirectoryItemSink sink = new DirectoryItemSink(folder, new ObjectMapper().registerModule(new JavaTimeModule()));
        VerificationReport report;
        try (HeapWatch heap = HeapWatch.start(); InputStream in = Files.newInputStream(packageFile)) {
            long start = System.nanoTime();
            report = new PackageOpener(keys.policy()).open(in, sink);
            result("extract", report.itemBytes(), start, heap, "");
        }
        Item item = report.manifest().items().get(0);
        Path extracted = sink.committedFolder().resolve(item.path());
        System.out.println(ChildProcess.RESULT_PREFIX + "extract.file=" + extracted
                + " extract.file-bytes=" + Files.size(extracted)
                + " extract.sha256=" + SyntheticPayload.sha256(extracted));
    }

    static void sha256(long bytes) throws GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = chunk();
        warmUp(buffer, (b, length) -> digest.update(b, 0, length));
        digest.reset();
        try (HeapWatch heap = HeapWatch.start()) {
            long start = System.nanoTime();
            long done = run(bytes, buffer, (b, length) -> digest.update(b, 0, length));
            digest.digest();
            result("sha-256", done, start, heap, "sha-256.provider=" + digest.getProvider().getName());
        }
    }

    static void aesGcm(long bytes) throws GeneralSecurityException {
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        byte[] buffer = chunk();
        byte[] out = new byte[buffer.length + 16];
        Cipher warm = gcm(key, random);
        warmUp(buffer, (b, length) -> warm.update(b, 0, length, out, 0));
        Cipher cipher = gcm(key, random);
        try (HeapWatch heap = HeapWatch.start()) {
            long start = System.nanoTime();
            long done = run(bytes, buffer, (b, length) -> cipher.update(b, 0, length, out, 0));
            cipher.doFinal(out, 0);
            result("aes-256-gcm", done, start, heap, "aes-256-gcm.provider=" + cipher.getProvider().getName());
        }
    }

    private static Cipher gcm(byte[] key, SecureRandom random) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        return cipher;
    }

    private static byte[] chunk() {
        byte[] buffer = new byte[SyntheticPayload.BLOCK_BYTES];
        SyntheticPayload.standard().fill(0, buffer);
        return Arrays.copyOf(buffer, CONTEXT_CHUNK);
    }

    /**
     * Many small calls first: the JDK swaps in its AES, GHASH and SHA intrinsics only once the calling methods are
     * compiled, and a few large calls never get there (1 MiB updates of a cold SunJCE GCM run at ~40 MiB/s).
     */
    private static void warmUp(byte[] buffer, Step step) throws GeneralSecurityException {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            step.accept(buffer, WARM_UP_CHUNK);
        }
    }

    /** Feeds {@code buffer} to {@code step} until at least {@code bytes} went through; returns how many did. */
    private static long run(long bytes, byte[] buffer, Step step) throws GeneralSecurityException {
        long done = 0;
        for (; done < bytes; done += buffer.length) {
            step.accept(buffer, buffer.length);
        }
        return done;
    }

    private static void result(String op, long bytes, long startNanos, HeapWatch heap, String extra) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.println(ChildProcess.RESULT_PREFIX + String.format(Locale.ROOT, "%s.seconds=%.3f", op, seconds)
                + " " + op + ".bytes=" + bytes + " " + heap.resultFields().replaceAll("(^| )", "$1" + op + ".")
                + (extra.isEmpty() ? "" : " " + extra));
    }

    private interface Step {
        void accept(byte[] buffer, int length) throws GeneralSecurityException;
    }
}
