package org.evidencegateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-gateway benchmark in its smoke mode (a 1 MiB package, then 1 KiB packages for two seconds at the maximum
 * rate and two at half of it), so that the harness cannot rot: it asserts that every phase ran and produced
 * consistent figures, never how fast anything was.
 */
class GatewayBenchmarkIT {
    @Test
    void smokeRun_measuresBaselinesLargeAndSmallPackages_withConsistentFigures(@TempDir Path dir) throws Exception {
        // Given the smoke settings in a folder of our own
        GatewayBenchSettings settings = GatewayBenchSettings.smoke(dir);

        // When the benchmark runs
        GatewayBenchmark.Report report = new GatewayBenchmark(settings).run();

        // Then the baselines were measured
        assertThat(report.crypto().sha256()).isPositive();
        assertThat(report.crypto().aesGcm()).isPositive();
        assertThat(report.publicKeys().ops()).hasSize(5).allSatisfy(op -> assertThat(op.millis()).isPositive());
        assertThat(report.publicKeys().ceilingPerSecond()).isPositive();
        assertThat(report.fsyncedFiles()).hasSize(1).allSatisfy(rate -> assertThat(rate).isPositive());

        // And the large package was verified by OpenSSL, accepted with a receipt, then stored at the case system,
        // within the gateway's heap limit
        assertThat(report.large()).singleElement().satisfies(large -> {
            assertThat(large.skipped()).isNull();
            assertThat(large.packageBytes()).isGreaterThan(large.payload());
            assertThat(large.diskSeconds()).isPositive();
            assertThat(large.openssl().failure()).isNull();
            assertThat(large.openssl().seconds()).isPositive();
            assertThat(large.ingestSeconds()).isPositive();
            assertThat(large.endToEndSeconds()).isGreaterThanOrEqualTo(large.ingestSeconds());
            assertThat(large.memory().peakHeap()).isPositive().isLessThanOrEqualTo(large.memory().maxHeap());
            assertThat(large.memory().peakRss()).isPositive();
        });

        // And both small-package runs accepted and delivered every package, the second at half the first one's rate
        assertThat(report.small()).hasSize(2).allSatisfy(small -> {
            assertThat(small.accepted()).isPositive();
            assertThat(small.refused()).isZero();
            assertThat(small.drained()).isTrue();
            assertThat(small.delivery().count()).isEqualTo(small.accepted());
            assertThat(small.accept().percentileMillis(50)).isPositive()
                    .isLessThanOrEqualTo(small.accept().percentileMillis(99));
            assertThat(small.accept().percentileMillis(99)).isLessThanOrEqualTo(small.accept().percentileMillis(99.9));
            assertThat(small.delivery().percentileMillis(50)).isPositive();
            assertThat(small.cost().packages()).isGreaterThanOrEqualTo(small.accepted());
            assertThat(small.cost().use().gatewaySeconds()).isPositive();
            assertThat(small.cost().use().benchSeconds()).isPositive();
            assertThat(small.cost().use().machineBusyShare()).isBetween(0.0, 1.0);
        });
        assertThat(report.small().get(1).offeredRate()).isEqualTo(report.small().get(0).acceptedPerSecond() / 2);

        // And the report was written with its three tables
        assertThat(dir.resolve("results.md")).content().contains("### Baselines", "### Large packages",
                "### Small packages", "SMOKE MODE");
    }
}
