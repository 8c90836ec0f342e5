package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
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
            // Then: recovery runs right after start-up, on its own thread; it queues first, then records acceptance.
            DataSource db = gateway.gateway().context().getRegistry().lookupByNameAndType("database", DataSource.class);
            PackageStatus status = awaitStatus(new Transactions(db), repository, packageId, PackageStatus.ACCEPTED);
            assertThat(status).isEqualTo(PackageStatus.ACCEPTED);
            assertThat(QueueProbe.texts("evgw.deliver.ua-case")).singleElement().asString()
                    .contains(packageId.toString());
        } finally {
            gateway.close();
        }
    }

    private static PackageStatus awaitStatus(Transactions tx, PackageRepository repository, UUID packageId,
                                             PackageStatus wanted) throws InterruptedException {
        PackageStatus status = null;
        for (int i = 0; i < 100 && status != wanted; i++) {
            Optional<PackageRecord> record = tx.inTransaction(c -> repository.find(c, packageId));
            status = record.map(PackageRecord::status).orElse(null);
            Thread.sleep(100);
        }
        return status;
    }
}
