package org.evidencegateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.store.Transactions;

/**
 * Records which party registry and which trust anchors the gateway decides with: one entry
 * ({@code PARTY_REGISTRY_CHANGED}, {@code TRUST_ANCHORS_CHANGED}) whenever their content differs from what the log
 * last recorded — at start-up and whenever the registry is reloaded. An entry holds the content's SHA-256 and the
 * previous one (docs/audit-log.md, "Configuration entries"), never the content, so an auditor can match the files an
 * operator hands over against the log.
 */
public final class ConfigurationAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;
    private final AuditLog audit;
    private final String gatewayId;
    private final Clock clock;

    public ConfigurationAudit(Transactions transactions, AuditLog audit, String gatewayId, Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        this.gatewayId = gatewayId;
        this.clock = clock;
    }

    /** Records the party registry file if its content is not the one recorded last. */
    public void partyRegistry(Path file) {
        Path absolute = file.toAbsolutePath();
        record(AuditEventType.PARTY_REGISTRY_CHANGED, file, digestOf(List.of(absolute), absolute.getParent()));
    }

    /** Records the trust anchors folder (every regular file in it: roots and CRLs) if it changed. */
    public void trustAnchors(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            record(AuditEventType.TRUST_ANCHORS_CHANGED, dir,
                    digestOf(files.filter(Files::isRegularFile).sorted().toList(), dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(AuditEventType type, Path source, String sha256) {
        transactions.inTransaction(c -> {
            String previous = lastDigest(c, type);
            if (!sha256.equals(previous)) {
                audit.append(c, new AuditEvent(type, clock.instant(), null, gatewayId, Map.of(
                        "sha256", sha256, "previousSha256", previous == null ? "none" : previous,
                        "source", source.toString())));
            }
            return null;
        });
    }

    private static String lastDigest(Connection c, AuditEventType type) throws SQLException {
        return LedgerReader.lastOf(c, type).map(entry -> {
            try {
                return JSON.readTree(entry.json()).path("details").path("sha256").asText(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }

    /**
     * SHA-256 over, for each file in order: its name relative to {@code base} (UTF-8), a 0x00 byte, the lower-case
     * hex SHA-256 of its content, a 0x0A byte. One file or a folder, digested the same way.
     */
    static String digestOf(List<Path> files, Path base) {
        MessageDigest digest = Sha256.newDigest();
        for (Path file : files) {
            digest.update(base.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(contentDigest(file).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static String contentDigest(Path file) {
        try (Sha256.HashingInputStream in = Sha256.hashing(Files.newInputStream(file))) {
            in.transferTo(OutputStream.nullOutputStream());
            return in.hex();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
