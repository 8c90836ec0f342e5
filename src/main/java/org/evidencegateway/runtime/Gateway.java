package org.evidencegateway.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.evidencegateway.config.GatewayConfig;

/**
 * The gateway process: Camel Main with the YAML routes of {@code routes/} and the beans of {@link GatewayBeans},
 * configured from one properties file ({@code gateway.*} keys for the gateway, {@code camel.*} keys for Camel)
 * plus overrides.
 */
public final class Gateway implements AutoCloseable {
    private final Main main;
    private final GatewayConfig config;

    private Gateway(Main main, GatewayConfig config) {
        this.main = main;
        this.config = config;
    }

    /** Builds a gateway without starting it. */
    public static Gateway create(Path configFile, Map<String, String> overrides, Clock clock) throws IOException {
        Map<String, String> settings = GatewayConfig.read(configFile);
        settings.putAll(overrides);
        GatewayConfig config = GatewayConfig.from(settings);
        Main main = new Main();
        settings.forEach((key, value) -> {
            if (key.startsWith("camel.")) {
                main.addInitialProperty(key, value);
            }
        });
        main.configure().addConfiguration(new GatewayBeans(config, clock));
        return new Gateway(main, config);
    }

    /** Starts and returns once every route is up (for tests and the demo). */
    public Gateway start() throws Exception {
        main.start();
        return this;
    }

    /** Starts and blocks until the process is told to stop (SIGTERM, Ctrl-C). */
    public void run() throws Exception {
        main.run();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public GatewayConfig config() {
        return config;
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
