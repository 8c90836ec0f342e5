package org.evidencegateway.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.evidencegateway.config.GatewayConfig;

/**
 * Real databases for tests: an in-memory H2 per call, and one embedded PostgreSQL server (real binaries, started
 * once per JVM) with a fresh database per call. Tests that must hold on both take {@link #all()} as parameters.
 */
public final class TestDatabases {
    private static final String URL = GatewayConfig.DB_URL.name();
    private static final String USER = GatewayConfig.DB_USER.name();
    private static final String PASSWORD = GatewayConfig.DB_PASSWORD.name();
    private static EmbeddedPostgres postgres;

    /** The kinds of database the gateway supports. */
    public enum Kind { H2, POSTGRESQL }

    private TestDatabases() {
    }

    public static Stream<Kind> all() {
        return Stream.of(Kind.values());
    }

    /** A fresh, migrated, empty database of that kind; close it after the test. */
    public static HikariDataSource fresh(Kind kind) {
        if (kind == Kind.H2) {
            return Database.open("jdbc:h2:mem:" + freshName() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        Map<String, String> settings = freshPostgres();
        return Database.open(settings.get(URL), settings.get(USER), settings.get(PASSWORD));
    }

    /**
     * A fresh, empty database on the embedded PostgreSQL server, as the gateway's settings ({@code gateway.db.url},
     * {@code .user}, {@code .password}) for a gateway in another JVM; the server lives as long as this JVM.
     */
    public static Map<String, String> freshPostgres() {
        String name = freshName();
        EmbeddedPostgres server = postgres();
        try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(URL, server.getJdbcUrl("postgres", name), USER, "postgres", PASSWORD, "postgres");
    }

    private static String freshName() {
        return "evgw_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}
