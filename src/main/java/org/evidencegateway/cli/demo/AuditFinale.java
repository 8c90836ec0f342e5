package org.evidencegateway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evidencegateway.audit.format.ExportLayout;
import org.evidencegateway.cli.EvgwCommand;

/**
 * The end of the demo, as an auditor would do it with {@code evgw audit}: export the log once the gateway's latest
 * checkpoint covers all of it, verify the export independently (trusting only the gateway's certificate and the
 * TSA's root, given apart from the export), print that checkpoint, and prove and verify one package's trail.
 */
final class AuditFinale {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest wait for the gateway's own checkpoint to cover the log (it issues one every two seconds). */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Narrator narrator;
    private final DemoSetup setup;
    private final Path export;

    AuditFinale(Narrator narrator, DemoSetup setup) {
        this.narrator = narrator;
        this.setup = setup;
        this.export = setup.dir().resolve("audit-export");
    }

    void play(UUID packageId) throws Exception {
        narrator.step("6. the audit log: exported, verified independently, one package's trail proved");
        long treeSize = exportCovered();
        List<String> trust = List.of("--gateway-cert", setup.key("gateway.crt.pem").toString(),
                "--tsa-root", setup.key("gw-root-ca.crt.pem").toString());
        narrator.check(evgw(concat(List.of("audit", "verify", export.toString()), trust)) == 0,
                "the independent verifier recomputed the tree of " + treeSize + " entries and checked every "
                        + "checkpoint's signature, timestamp and consistency");
        narrator.say("latest checkpoint (C2SP signed note, %s):", ExportLayout.note(export, treeSize));
        Files.readString(ExportLayout.note(export, treeSize), StandardCharsets.UTF_8).lines()
                .forEach(line -> narrator.say("  | %s", line));
        Path proof = setup.dir().resolve("proof-" + packageId + ".json");
        narrator.check(evgw(concat(List.of("audit", "prove", packageId.toString(), "--out", proof.toString()),
                setup.configArguments())) == 0, "proof of package " + packageId + "'s trail written to " + proof);
        if (Files.exists(proof)) {
            for (JsonNode entry : JSON.readTree(proof.toFile()).path("entries")) {
                JsonNode logged = JSON.readTree(entry.path("entry").asText());
                narrator.say("  entry %d  %s  %s", entry.path("seq").asLong(), logged.path("time").asText(),
                        logged.path("type").asText());
            }
            narrator.check(evgw(concat(List.of("audit", "verify-proof", proof.toString()), trust)) == 0,
                    "the proof verified offline: every entry is in the signed, timestamped checkpoint");
        }
    }

    /** Exports until the export's latest checkpoint covers every entry and is timestamped; returns the size. */
    private long exportCovered() throws Exception {
        narrator.command("evgw audit export --out " + export + " --config " + setup.config() + " --set ...");
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            if (quietly(concat(List.of("audit", "export", "--out", export.toString()), setup.configArguments())) != 0) {
                narrator.check(false, "audit export");
                return 0;
            }
            long size = JSON.readTree(export.resolve(ExportLayout.LOG).toFile()).path("treeSize").asLong();
            boolean covered = Files.exists(ExportLayout.timestamp(export, size));
            if (covered || Instant.now().isAfter(deadline)) {
                narrator.check(covered, "exported " + size + " entries, the latest checkpoint covering all of them "
                        + "and timestamped, to " + export);
                return size;
            }
            Thread.sleep(500);
        }
    }

    /** Runs an {@code evgw} command in this process, its output indented under the step. */
    private int evgw(List<String> args) {
        narrator.command("evgw " + String.join(" ", shown(args)));
        StringWriter said = new StringWriter();
        int exit = run(args, new PrintWriter(said, true));
        said.toString().lines().forEach(line -> narrator.say("  %s", line));
        return exit;
    }

    private static int quietly(List<String> args) {
        StringWriter ignored = new StringWriter();
        return run(args, new PrintWriter(ignored, true));
    }

    private static int run(List<String> args, PrintWriter out) {
        return EvgwCommand.commandLine().setOut(out).setErr(out).execute(args.toArray(String[]::new));
    }

    /** The arguments as shown: the demo's many {@code --set} options folded into one "--set ...". */
    private static List<String> shown(List<String> args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--set")) {
                i++;
                if (!shown.contains("--set ...")) {
                    shown.add("--set ...");
                }
            } else {
                shown.add(args.get(i));
            }
        }
        return shown;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
