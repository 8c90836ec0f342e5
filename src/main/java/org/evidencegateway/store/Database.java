package org.evidencegateway.store;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** Opens the gateway database (H2 or PostgreSQL, by URL) with a connection pool and brings its schema up to date. */
public final class Database {
    private Database() {
    }

    /** A pooled data source, migrated by Flyway; close it on shutdown. */
    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("evgw-db");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations(locations(dataSource)).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /**
     * Portable migrations ({@code db/migration/common}) plus those of the connected product ({@code db/migration/postgresql} or
     * {@code db/migration/h2}): Flyway itself has no {@code {vendor}} placeholder.
     */
    private static String[] locations(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
        }
        String vendor = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : null;
        if (vendor == null) {
            throw new IllegalStateException("unsupported database " + product + ": H2 or PostgreSQL");
        }
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
    }
}
