package org.evidencegateway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The demo's party registry: the development registry (src/main/config/parties.yaml) with its certificate folder
 * made absolute and each case system's delivery endpoint moved to the demo's port for it.
 */
final class DemoParties {
    static final String UA_CASE = "ua-case";
    static final String KZ_CASE = "kz-case";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DemoParties() {
    }

    /** Reads {@code development}, writes the demo's copy to {@code target} and returns it. */
    static Path write(Path development, Path certs, DemoPorts ports, Path target) throws IOException {
        ObjectNode registry = (ObjectNode) YAML.readTree(development.toFile());
        registry.put("certificateDir", certs.toAbsolutePath().normalize().toString());
        for (JsonNode party : registry.path("parties")) {
            JsonNode delivery = party.path("delivery");
            if (delivery instanceof ObjectNode endpoint && delivery.has("endpoint")) {
                URI registered = URI.create(delivery.get("endpoint").asText());
                int port = ports.caseSystem(party.get("id").asText());
                endpoint.put("endpoint", registered.getScheme() + "://" + registered.getHost() + ":" + port
                        + registered.getRawPath());
            }
        }
        YAML.writeValue(target.toFile(), registry);
        return target;
    }
}
