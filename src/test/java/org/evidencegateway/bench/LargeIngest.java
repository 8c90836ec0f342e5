package org.evidencegateway.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.evidencegateway.runtime.GatewayTestPki;
import org.evidencegateway.trust.TestPki;

/**
 * One large package through the whole gateway: generated on the fly, decrypted and verified by OpenSSL, submitted
 * over mutual TLS (timed from the first byte sent to the signed receipt), and delivered to the case system (timed to
 * the moment it is stored there), beside an fsync'ed write of as many bytes to the gateway's disk.
 */
final class LargeIngest {
    /** Copies of the payload on disk at once: package, gateway store, case system's spool, package and content. */
    static final int DISK_COPIES = 6;

    private final BenchGateway gateway;
    private final GatewayBenchSettings settings;
    private final HttpClient client;

    LargeIngest(BenchGateway gateway, GatewayBenchSettings settings) {
        this.gateway = gateway;
        this.settings = settings;
        this.client = gateway.newClient();
    }

    /** Measures one payload size; a size the disk cannot hold is skipped (the result says so). */
    Result measure(long payload) throws Exception {
        Path work = settings.dir().resolve("large-" + Sizes.format(payload));
        Disk.deleteTree(work);
        Files.createDirectories(work);
        long usable = Files.getFileStore(work).getUsableSpace();
        long needed = DISK_COPIES * payload + Sizes.GIB;
        if (usable < needed) {
            return Result.skipped(payload, "skipped: " + Sizes.mib(usable) + " free, " + Sizes.mib(needed)
                    + " needed (" + DISK_COPIES + " copies + 1 GiB)");
        }
        System.out.println("== large " + Sizes.format(payload) + ": generating the package");
        SyntheticPayload.Written evidence = SyntheticPayload.standard().write(work.resolve("evidence.bin"), payload);
        UUID id = UUID.randomUUID();
        LargePackageFile pkg = LargePackageFile.write(evidence, id, work.resolve("package.p7m"));
        Files.delete(evidence.file());

        double disk = Disk.fsyncedWriteSeconds(gateway.dataDir().resolve("fsync-baseline.bin"), pkg.size(),
                GatewayBenchSettings.DISK_CHUNK);
        OpenSslTimes openssl = openssl(pkg, work);

        System.out.println("== large " + Sizes.format(payload) + ": submitting " + Sizes.mib(pkg.size()));
        gateway.startPhase();
        long start = System.nanoTime();
        Upload upload = "curl".equals(settings.largeClient()) && onPath("curl") ? withCurl(pkg, work) : withJava(pkg);
        long receipt = System.nanoTime();
        if (upload.status() != 202 || !upload.body().contains(id.toString())
                || !upload.body().contains("signedEvidence")) {
            throw new IllegalStateException("the gateway did not accept the " + Sizes.format(payload)
                    + " package: HTTP " + upload.status() + " " + upload.body());
        }
        if (!gateway.arrivals().await(List.of(id), timeout(pkg.size()).toNanos())) {
            throw new IllegalStateException("the " + Sizes.format(payload) + " package was not stored at the case"
                    + " system within " + timeout(pkg.size()));
        }
        long stored = gateway.arrivals().storedAt(id);
        BenchGateway.PhaseMemory memory = gateway.endPhase();
        gateway.requireAlive();
        Disk.deleteTree(work);
        Result result = new Result(payload, pkg.size(), disk, openssl, (receipt - start) / 1e9,
                (stored - start) / 1e9, memory, null);
        System.out.println("== large " + Sizes.format(payload) + ": " + result.summary());
        return result;
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** The answer to an upload. */
    private record Upload(int status, String body) {
    }

    private Upload withJava(LargePackageFile pkg) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(gateway.submission(timeout(pkg.size()))
                .POST(HttpRequest.BodyPublishers.ofFile(pkg.file())).build(), HttpResponse.BodyHandlers.ofString());
        return new Upload(response.statusCode(), response.body());
    }

    /** {@code curl -T}: streams the file (no {@code Expect: 100-continue} pause), presenting kz-gpo's certificate. */
    private Upload withCurl(LargePackageFile pkg, Path work) throws IOException, InterruptedException {
        GatewayTestPki.PemClient tls = GatewayTestPki.writePemClient(GatewayTestPki.TLS_CLIENTS.get("kz-gpo"),
                work.resolve("tls"));
        Path body = work.resolve("receipt.json");
        ChildProcess.Result curl = ChildProcess.run(List.of("curl", "--silent", "--show-error",
                "--max-time", Long.toString(timeout(pkg.size()).toSeconds()), "--cert", tls.certificate().toString(),
                "--key", tls.privateKey().toString(), "--cacert", gateway.pki().resolve("gw-root-ca.crt.pem").toString(),
                "-H", "Content-Type: application/pkcs7-mime", "-H", "Expect:", "-X", "POST", "-T", pkg.file().toString(),
                "-o", body.toString(), "-w", "%{http_code}", gateway.submissionUri().toString()),
                timeout(pkg.size()).plusMinutes(1));
        String status = curl.output().isEmpty() ? "" : curl.output().get(curl.output().size() - 1).trim();
        if (curl.exitCode() != 0 || !status.matches("[0-9]{3}")) {
            throw new IllegalStateException("curl failed: " + curl.transcript());
        }
        return new Upload(Integer.parseInt(status), Files.readString(body));
    }

    private OpenSslTimes openssl(LargePackageFile pkg, Path work) throws IOException, InterruptedException {
        Path signed = work.resolve("signed.der");
        Path content = work.resolve("content.zip");
        Duration limit = Duration.ofHours(2);
        ChildProcess.Result decrypt = ChildProcess.run(OpenSslCms.decrypt(settings.openssl(), pkg.file(),
                gateway.pki().resolve("gateway-enc-rsa"), signed), limit);
        if (decrypt.exitCode() != 0) {
            return OpenSslTimes.failed("decrypt", decrypt);
        }
        // The test PKI's CRLs are current at its fixed time, which the gateway's clock stands at too.
        ChildProcess.Result verify = ChildProcess.run(OpenSslCms.verify(settings.openssl(), signed,
                OpenSslCms.rootWithCrl(gateway.pki(), "kz", work), TestPki.NOW, content), limit);
        Files.deleteIfExists(signed);
        Files.deleteIfExists(content);
        if (verify.exitCode() != 0) {
            return OpenSslTimes.failed("verify", verify);
        }
        return new OpenSslTimes(decrypt.seconds(), verify.seconds(), Math.max(decrypt.maxRssBytes(),
                verify.maxRssBytes()), null);
    }

    /** Generous: 2 MiB/s plus ten minutes. */
    private static Duration timeout(long bytes) {
        return Duration.ofSeconds(bytes / (2 * Sizes.MIB) + 600);
    }

    /**
     * {@code openssl cms -decrypt} then {@code -verify} on the very same package file.
     *
     * @param failure the step that failed and its first line of output, or null
     */
    record OpenSslTimes(double decryptSeconds, double verifySeconds, long peakRss, String failure) {
        static OpenSslTimes failed(String step, ChildProcess.Result result) {
            String reason = result.output().stream().filter(l -> !l.isBlank()).findFirst().orElse("no output");
            return new OpenSslTimes(Double.NaN, Double.NaN, result.maxRssBytes(), step + " failed: " + reason.trim());
        }

        double seconds() {
            return decryptSeconds + verifySeconds;
        }
    }

    /**
     * One large package's figures.
     *
     * @param payload            the evidence file's size
     * @param packageBytes       the package's size (what is sent)
     * @param diskSeconds        fsync'ed sequential write of {@code packageBytes} in 8 MiB chunks
     * @param ingestSeconds      first byte sent to the signed receipt
     * @param endToEndSeconds    first byte sent to stored at the case system
     * @param skipped            why the size was not measured, or null
     */
    record Result(long payload, long packageBytes, double diskSeconds, OpenSslTimes openssl, double ingestSeconds,
                  double endToEndSeconds, BenchGateway.PhaseMemory memory, String skipped) {
        static Result skipped(long payload, String why) {
            return new Result(payload, -1, Double.NaN, null, Double.NaN, Double.NaN, null, why);
        }

        double diskMibPerSecond() {
            return Sizes.mibPerSecond(packageBytes, diskSeconds);
        }

        double ingestMibPerSecond() {
            return Sizes.mibPerSecond(packageBytes, ingestSeconds);
        }

        double endToEndMibPerSecond() {
            return Sizes.mibPerSecond(packageBytes, endToEndSeconds);
        }

        String summary() {
            return String.format(Locale.ROOT, "ingest %.1f s (%.0f MiB/s, %.2f× disk), end to end %.1f s, disk"
                            + " %.0f MiB/s, OpenSSL decrypt+verify %s, heap %s, RSS %s", ingestSeconds,
                    ingestMibPerSecond(), ingestMibPerSecond() / diskMibPerSecond(), endToEndSeconds,
                    diskMibPerSecond(), openssl.failure() != null ? openssl.failure()
                            : String.format(Locale.ROOT, "%.1f s", openssl.seconds()),
                    memory.heapCell(), memory.rssCell());
        }
    }
}
