package org.evidencegateway.store;

import com.zaxxer.hikari.HikariConfig;
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
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }
}
