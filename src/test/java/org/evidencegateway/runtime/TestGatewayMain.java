package org.evidencegateway.runtime;

import java.nio.file.Path;

/**
 * Runs a {@link TestGateway} in a JVM of its own, on a folder another JVM {@linkplain TestGateway#prepare prepared}:
 * {@code TestGatewayMain <folder> <port>}. Prints {@value #READY} once the gateway serves, then runs until killed.
 */
public final class TestGatewayMain {
    /** The line printed when the gateway is up. */
    public static final String READY = "TEST GATEWAY READY";

    private TestGatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        TestGateway gateway = TestGateway.existing(Path.of(args[0]), Integer.parseInt(args[1])).startAgain();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
