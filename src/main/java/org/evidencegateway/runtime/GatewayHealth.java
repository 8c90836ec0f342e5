package org.evidencegateway.runtime;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.evidencegateway.config.GatewayConfig;
import org.evidencegateway.party.ReloadingPartyRegistry;
import org.evidencegateway.queue.EmbeddedBroker;
import org.evidencegateway.store.PackageStore;

/**
 * The gateway's readiness checks, shown by the management server's {@code /observe/health}: the broker, the
 * package store, the database and the party registry. Each is DOWN with a message naming what is wrong. Liveness
 * is Camel's own context check: the process is up.
 */
final class GatewayHealth {
    /** Group of every gateway check; ids are {@code evgw-<id>} in the health output. */
    static final String GROUP = "evgw";

    private GatewayHealth() {
    }

    /** The checks, to bind in the Camel registry (the health-check registry finds them there). */
    static List<HealthCheck> checks(EmbeddedBroker embeddedBroker, ConnectionFactory connections, String brokerUrl,
                                    PackageStore store, Path storeRoot, long minFreeSpace, DataSource database,
                                    ReloadingPartyRegistry parties) {
        return List.of(
                new Probe("broker", () -> broker(embeddedBroker, connections, brokerUrl)),
                new Probe("package-store", () -> store(store, storeRoot, minFreeSpace)),
                new Probe("database", () -> database(database)),
                new Probe("party-registry", () -> parties.lastError()
                        .map(e -> "the party registry was not reloaded, the previous one stays in force: "
                                + e.getMessage())
                        .orElse(null)));
    }

    private static String broker(EmbeddedBroker embedded, ConnectionFactory connections, String url) {
        if (embedded != null && !embedded.isActive()) {
            return "the embedded broker is not running";
        }
        try (Connection ignored = connections.createConnection()) {
            return null;
        } catch (Exception e) {
            return "no connection to the broker at " + url + ": " + e.getMessage();
        }
    }

    private static String store(PackageStore store, Path root, long minFreeSpace) throws Exception {
        try {
            store.probeWritable();
        } catch (Exception e) {
            return "the package store " + root + " is not writable: " + e;
        }
        long free = store.usableSpace();
        if (free < minFreeSpace) {
            return "the package store " + root + " has " + free + " bytes free, less than "
                    + GatewayConfig.STORE_MIN_FREE_SPACE.name() + " = " + minFreeSpace;
        }
        return null;
    }

    private static String database(DataSource database) {
        try (java.sql.Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            s.execute("SELECT 1");
            return null;
        } catch (Exception e) {
            return "the database does not answer SELECT 1: " + e.getMessage();
        }
    }

    /** A readiness check around a probe that returns null when all is well, or what is wrong. */
    private static final class Probe extends AbstractHealthCheck {
        private final Callable<String> problem;

        Probe(String id, Callable<String> problem) {
            super(GROUP, GROUP + "-" + id, Map.of());
            this.problem = problem;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            String wrong;
            try {
                wrong = problem.call();
            } catch (Exception e) {
                wrong = getId() + " failed: " + e;
                builder.error(e);
            }
            if (wrong == null) {
                builder.up();
            } else {
                builder.down().message(wrong);
            }
        }
    }
}
