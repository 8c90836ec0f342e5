package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.store.Database;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.store.PackageStore;
import org.evidencegateway.store.Transactions;
import org.evidencegateway.manifest.TestManifests;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package stored and recorded before a crash, but never queued, is queued and accepted at the next start. */
class RecoveryIT {
    @TempDir
    Path dir;

    @Test
    void start_queuesAndAcceptsAPackageRecordedButNeverQueued() throws Exception {
        TestGateway gateway = TestGateway.start(dir);
        gateway.stop();
        UUID packageId = TestManifests.EVIDENCE_ID;
        byte[] pkg = TestPackages.valid().build();
        // Given: the state a crash between recording and queueing leaves behind.
        Path data = gateway.dataDir();
        PackageStore store = new PackageStore(data.resolve("store"));
        Path spooled = Files.write(store.newSpoolFile(), pkg);
        String storeRef = store.commit(spooled, packageId);
        PackageRepository repository = new PackageRepository();
        try (HikariDataSource db = Database.open("jdbc:h2:file:" + data.resolve("db/gateway"), "evgw", "")) {
            new Transactions(db).inTransaction(c -> repository.insert(c, new PackageRecord(packageId,
                    Sha256.hex(pkg), pkg.length, "cd".repeat(32), "EVIDENCE", "KZ-TEST-0001", "kz-gpo", "kz-gpo",
                    "ua-pgo", PackageStatus.RECEIVED, TestPki.NOW, storeRef), "received before the crash"));
        }

        // When
        gateway.startAgain();
        try {
            // Then
            List<String> queued = awaitQueued("evgw.deliver.ua-case");
            assertThat(queued).singleElement().asString().contains(packageId.toString());
            try (HikariDataSource db = Database.open("jdbc:h2:file:" + data.resolve("db/gateway") + ";AUTO_SERVER=TRUE",
                    "evgw", "")) {
                Optional<PackageRecord> record = new Transactions(db).inTransaction(c -> repository.find(c, packageId));
                assertThat(record).get().extracting(PackageRecord::status).isEqualTo(PackageStatus.ACCEPTED);
            }
        } finally {
            gateway.close();
        }
    }

    private static List<String> awaitQueued(String queue) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            List<String> texts = QueueProbe.texts(queue);
            if (!texts.isEmpty()) {
                return texts;
            }
            Thread.sleep(100);
        }
        return QueueProbe.texts(queue);
    }
}
