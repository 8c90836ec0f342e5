package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.config.GatewayConfig;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway on PostgreSQL, the production database (every other gateway IT runs on the embedded H2): a
 * package submitted over mutual TLS is recorded, queued, delivered to the reference case system and audited, and a
 * refused upload is audited — read back from the PostgreSQL server itself (real binaries, {@link TestDatabases}).
 */
class PostgresGatewayIT {
    @TempDir
    static Path dir;
    static TestCaseSystem uaCase;
    static TestGateway gateway;
    static Map<String, String> database;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.freshPostgres();
        uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case")).start();
        gateway = TestGateway.delivering(dir.resolve("gateway"), Map.of("ua-case", uaCase.endpoint()), database);
    }

    @AfterAll
    static void stop() throws Exception {
        TestGateway.close(gateway, uaCase);
    }

    @Test
    void delivers_andRecordsEveryStepWithItsAuditEntry_inPostgreSql() throws Exception {
        // Given a valid package from kz-gpo to ua-pgo
        UUID id = UUID.randomUUID();
        TestPackages pkg = TestPackages.valid().packageId(id);

        // When kz-gpo submits it, Then it is delivered end to end
        DeliveryIT.assertSubmittedAndDelivered(gateway, uaCase, "kz-gpo", id, pkg);

        // And PostgreSQL holds its record and an audit entry for each step
        assertThat(strings("SELECT status FROM packages WHERE package_id = ?", id.toString()))
                .containsExactly("DELIVERED");
        assertThat(strings("SELECT event_type FROM audit_entries WHERE package_id = ? ORDER BY seq", id.toString()))
                .containsSubsequence("PACKAGE_RECEIVED", "DELIVERY_ATTEMPTED", "PACKAGE_DELIVERED")
                .contains("PACKAGE_QUEUED");
    }

    @Test
    void refusal_isAuditedInPostgreSql() throws Exception {
        // Given bytes that are no package
        byte[] notAPackage = "not a CMS structure".getBytes(StandardCharsets.UTF_8);
        long before = strings("SELECT seq FROM audit_entries WHERE event_type = ?", "PACKAGE_REJECTED").size();

        // When kz-gpo submits them, Then they are refused and the refusal is an entry of the ledger in PostgreSQL
        assertThat(gateway.submit("kz-gpo", notAPackage).statusCode()).isBetween(400, 499);
        assertThat(strings("SELECT seq FROM audit_entries WHERE event_type = ?", "PACKAGE_REJECTED"))
                .hasSize((int) before + 1);
    }

    private static List<String> strings(String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.get(GatewayConfig.DB_URL.name()),
                database.get(GatewayConfig.DB_USER.name()), database.get(GatewayConfig.DB_PASSWORD.name()));
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
