package org.evidencegateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evgw demo}: packs synthetic evidence as Kazakhstan's MVD for Ukraine's prosecutors and opens it as the
 * gateway, then shows two refusals (a tampered copy, a revoked signer) — all through the real commands and the
 * development PKI in certs/.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Walk through pack → verify → open with synthetic data and the development PKI,",
                "then show a tampered package and a revoked signer being refused. Exit code 0 if every step",
                "turned out as expected."})
final class DemoCommand implements Callable<Integer> {
    private static final String REQUEST_ID = "00000000-0000-4000-8000-00000000a001";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "target/demo", paramLabel = "DIR",
            description = "Work folder (default: ${DEFAULT-VALUE}); emptied first.")
    Path dir;

    @Option(names = "--certs", defaultValue = "certs", paramLabel = "DIR",
            description = "The development PKI (default: ${DEFAULT-VALUE}).")
    Path certs;

    private final List<String> failures = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path evidence = syntheticEvidence();
        step(out, "1. kz-mvd packs synthetic subscriber records and a disk-image stand-in for ua-pgo",
                0, pack(evidence, "kz-mvd", "evidence.p7m"));
        step(out, "2. the gateway verifies it (decrypt, signatures, KZ trust anchor, CRL, manifest, items)",
                0, "verify", file("evidence.p7m"), "--key", key("gateway-enc-rsa"), "--trust", certs.toString());
        step(out, "3. the gateway opens it into " + dir.resolve("opened"),
                0, "open", file("evidence.p7m"), "--out", file("opened"), "--key", key("gateway-enc-rsa"),
                "--trust", certs.toString());
        Path tampered = Files.copy(dir.resolve("evidence.p7m"), dir.resolve("tampered.p7m"));
        flipOneBit(tampered);
        step(out, "4. one bit flipped in transit: refused (EGW-ENC-003), nothing extracted",
                EvgwCommand.REFUSED, "open", tampered.toString(), "--out", file("opened"),
                "--key", key("gateway-enc-rsa"), "--trust", certs.toString());
        step(out, "5. ua-npu signs with its revoked certificate: refused (EGW-TRUST-003)",
                0, packFrom(evidence, "ua-npu", "ua-npu-revoked", "revoked.p7m"));
        step(out, "   the gateway verifies it",
                EvgwCommand.REFUSED, "verify", file("revoked.p7m"), "--key", key("gateway-enc-rsa"),
                "--trust", certs.toString());
        out.println(failures.isEmpty() ? "Demo complete: every step turned out as expected. Files are in " + dir
                : "Demo FAILED at: " + failures);
        return failures.isEmpty() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    private void step(PrintWriter out, String title, int expectedExit, String... args) {
        out.println();
        out.println("== " + title);
        out.println("$ evgw " + String.join(" ", args));
        out.flush();
        CommandLine cli = EvgwCommand.commandLine();
        cli.setOut(spec.commandLine().getOut()).setErr(spec.commandLine().getOut());
        int exit = cli.execute(args);
        if (exit != expectedExit) {
            failures.add(title + " (exit " + exit + ", expected " + expectedExit + ")");
        }
    }

    private String[] pack(Path evidence, String signer, String name) {
        return packFrom(evidence, signer, signer, name);
    }

    private String[] packFrom(Path evidence, String from, String signer, String name) {
        return new String[] {"pack", "--evidence", evidence.toString(), "--kind", "EVIDENCE", "--from", from,
                "--to", "ua-pgo", "--case-reference", "KZ-DEMO-0001", "--related", REQUEST_ID,
                "--legal-basis", "KZ_UA_TREATY_2018", "--subject", "Subscriber data for numbers found at the call centre",
                "--language", "ru,en", "--signer", key(signer), "--recipient", key("gateway-enc-rsa") + ".crt.pem",
                "--out", file(name)};
    }

    private Path syntheticEvidence() throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(evidence.resolve("subscribers.csv"), "msisdn,imsi,registered\n"
                + "+7-700-000-0001,401010000000001,2024-01-15\n+7-700-000-0002,401010000000002,2024-02-03\n",
                StandardCharsets.UTF_8);
        Files.writeString(evidence.resolve("report.txt"), "Synthetic report: subscriber lookup for the MLA request "
                + REQUEST_ID + ".\nВсе данные вымышлены. Барлық деректер ойдан шығарылған.\n", StandardCharsets.UTF_8);
        byte[] image = new byte[4 << 20];
        new Random(2025).nextBytes(image);
        Files.write(evidence.resolve("disk-image-standin.img"), image);
        return evidence;
    }

    private static void flipOneBit(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 1);
        }
    }

    private String key(String name) {
        return certs.resolve(name).toString();
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }
}
