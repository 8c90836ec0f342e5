package org.evidencegateway.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evidencegateway.runtime.Gateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evgw run}: starts the gateway and serves until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the gateway: REST and SOAP ingest over mutual TLS, queues, delivery, audit.",
                "Configuration keys and defaults: docs/configuration.md. Stop with Ctrl-C or SIGTERM."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "src/main/config/gateway.properties",
            description = "Configuration file (default: ${DEFAULT-VALUE}, the development gateway).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key; repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Gateway.create(config, overrides, Clock.systemUTC()).run();
        return 0;
    }
}
