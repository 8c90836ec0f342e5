package org.evidencegateway.cli.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo runs on: its work folder (emptied first), the development PKI, the gateway's configuration file,
 * the ports, the size of the disk-image stand-in, and configuration overrides from the command line.
 *
 * @param overrides {@code gateway.*} / {@code camel.*} settings given with {@code --set}; they win over the demo's
 */
public record DemoSetup(Path dir, Path certs, Path config, DemoPorts ports, long imageBytes,
                        Map<String, String> overrides) {
    /** The password of every .p12 file of the development PKI (certs/README.md). */
    static final String PASSWORD = "changeit";

    public DemoSetup {
        overrides = Map.copyOf(overrides);
    }

    /** The party registry the demo writes: the development one with the demo's ports. */
    Path parties() {
        return dir.resolve("parties.yaml");
    }

    /** The folder where case system {@code id} stores what it receives. */
    Path store(String caseSystem) {
        return dir.resolve(caseSystem);
    }

    /** A key or certificate of the development PKI, by name (a PEM pair prefix, or a file with its extension). */
    Path key(String name) {
        return certs.resolve(name);
    }

    /**
     * The gateway's settings on top of its configuration file: a fresh data folder and registry under the demo
     * folder, the demo's ports, keys from {@link #certs}, delivery retried within a second or two and a checkpoint
     * every two seconds (so the story need not wait), then the command line's overrides.
     */
    Map<String, String> gatewaySettings() {
        Map<String, String> s = new LinkedHashMap<>();
        // Absolute: H2 refuses a database path implicitly relative to the working folder.
        s.put("gateway.data-dir", dir.resolve("gateway").toAbsolutePath().toString());
        s.put("gateway.parties-file", parties().toString());
        s.put("gateway.rest.port", Integer.toString(ports.gateway()));
        s.put("camel.management.port", Integer.toString(ports.management()));
        s.put("gateway.trust-dir", certs.toString());
        s.put("gateway.decryption-keys", key("gateway-enc-rsa") + "," + key("gateway-enc-ec"));
        s.put("gateway.evidence-key", key("gateway").toString());
        s.put("gateway.tls.key", key("gateway-tls.p12").toString());
        s.put("gateway.tls.client-key", key("gateway-tls.p12").toString());
        s.put("gateway.audit.tsa.key", key("tsa").toString());
        s.put("gateway.delivery.initial-retry-delay", "PT1S");
        s.put("gateway.delivery.max-retry-delay", "PT2S");
        s.put("gateway.audit.checkpoint.interval-seconds", "2");
        s.putAll(overrides);
        return s;
    }

    /** {@code --config FILE --set K=V ...}: how {@code evgw audit} finds the demo gateway's database and keys. */
    List<String> configArguments() {
        List<String> args = new ArrayList<>(List.of("--config", config.toString()));
        gatewaySettings().forEach((key, value) -> {
            if (key.startsWith("gateway.")) {
                args.add("--set");
                args.add(key + "=" + value);
            }
        });
        return args;
    }

    /** The options of {@code evgw case-system} for case system {@code id} of the demo's registry. */
    String[] caseSystemArguments(String id) {
        return new String[] {"--party", id, "--parties", parties().toString(), "--store", store(id).toString(),
                "--key", key(id).toString(), "--tls-key", key(id + "-tls.p12").toString(),
                "--trust", certs.toString(), "--client-cert", key("gateway-tls.crt.pem").toString()};
    }
}
