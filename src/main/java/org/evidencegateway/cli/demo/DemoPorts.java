package org.evidencegateway.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The loopback ports of the demo: the gateway's HTTPS listener (REST and SOAP), its management server (health,
 * metrics), and the two reference case systems.
 */
public record DemoPorts(int gateway, int management, int uaCase, int kzCase) {
    /** The ports of the development configuration: gateway.properties and parties.yaml. */
    public static DemoPorts development() {
        return new DemoPorts(8443, 9876, 9443, 9444);
    }

    /** {@code base} for the gateway and the next three for the others; 0 picks four free ports. */
    public static DemoPorts from(int base) {
        if (base == 0) {
            return new DemoPorts(free(), free(), free(), free());
        }
        if (base < 1 || base > 65532) {
            throw new IllegalArgumentException("--port-base must be 0 or between 1 and 65532, not " + base);
        }
        return new DemoPorts(base, base + 1, base + 2, base + 3);
    }

    /** The port of a case system's delivery endpoint. */
    public int caseSystem(String id) {
        return switch (id) {
            case DemoParties.UA_CASE -> uaCase;
            case DemoParties.KZ_CASE -> kzCase;
            default -> throw new IllegalArgumentException("the demo runs no case system " + id);
        };
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
