package org.evidencegateway.config;

/** Renders the configuration reference (docs/configuration.md) from {@link GatewayConfig#KEYS}, so they cannot drift. */
public final class ConfigurationTable {
    private ConfigurationTable() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder()
                .append("# Configuration reference\n\n")
                .append("The gateway reads one properties file (`evgw run --config FILE`, default\n")
                .append("`src/main/config/gateway.properties`, the development gateway) plus `--set KEY=VALUE` overrides.\n")
                .append("`gateway.*` keys are the gateway's own, listed below with their defaults; every value is checked at\n")
                .append("start-up and an unknown or invalid key stops the start with `EGW-CFG-001` naming the key.\n")
                .append("`${other-key}` inside a value is replaced by that key's value. `camel.*` keys configure Camel Main.\n\n")
                .append("This file is generated from `org.evidencegateway.config.GatewayConfig` by `ConfigurationTableTest`.\n\n")
                .append("| key | default | meaning |\n|---|---|---|\n");
        for (ConfigKey<?> key : GatewayConfig.KEYS) {
            out.append("| `").append(key.name()).append("` | ")
                    .append(key.defaultValue().isEmpty() ? "*(empty)*" : "`" + key.defaultValue() + "`")
                    .append(" | ").append(key.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
