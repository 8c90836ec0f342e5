package org.evidencegateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
    @Test
    void from_givesEveryDefault_whenNothingIsSet() {
        GatewayConfig config = GatewayConfig.from(Map.of());

        assertThat(config.get(GatewayConfig.REST_PORT)).isEqualTo(8443);
        assertThat(config.get(GatewayConfig.MAX_PACKAGE_SIZE)).isEqualTo(64L << 30);
        assertThat(config.get(GatewayConfig.REPLAY_MAX_AGE)).isEqualTo(Duration.ofDays(7));
        assertThat(config.get(GatewayConfig.DB_URL)).isEqualTo("jdbc:h2:file:data/db/gateway;WRITE_DELAY=0");
    }

    @Test
    void from_resolvesReferencesToOtherKeys_afterOverrides() {
        GatewayConfig config = GatewayConfig.from(Map.of("gateway.data-dir", "/var/lib/evgw"));

        assertThat(config.get(GatewayConfig.DATA_DIR)).isEqualTo(Path.of("/var/lib/evgw"));
        assertThat(config.get(GatewayConfig.DB_URL)).isEqualTo("jdbc:h2:file:/var/lib/evgw/db/gateway;WRITE_DELAY=0");
    }

    @Test
    void from_refusesAnUnknownGatewayKey_namingIt() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("gateway.rest.prot", "8443")))
                .isInstanceOf(CodedException.class).hasMessageContaining("gateway.rest.prot")
                .extracting(e -> ((CodedException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
    }

    @Test
    void from_refusesAnInvalidValue_namingTheKeyAndTheValue() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("gateway.limits.max-package-size", "lots")))
                .isInstanceOf(CodedException.class)
                .hasMessageContaining("gateway.limits.max-package-size").hasMessageContaining("lots");
    }

    @Test
    void from_leavesCamelKeysToCamel() {
        assertThat(GatewayConfig.from(Map.of("camel.main.name", "x")).get(GatewayConfig.ID)).isEqualTo("evgw-dev");
    }

    @Test
    void from_readsEveryBinarySuffixOfByteSizes() {
        GatewayConfig config = GatewayConfig.from(Map.of(
                "gateway.limits.max-package-size", "64GiB",
                "gateway.store.min-free-space", "512 MiB"));

        assertThat(config.get(GatewayConfig.MAX_PACKAGE_SIZE)).isEqualTo(64L << 30);
        assertThat(config.get(GatewayConfig.STORE_MIN_FREE_SPACE)).isEqualTo(512L << 20);
        assertThat(GatewayConfig.from(Map.of("gateway.limits.max-package-size", "3KiB"))
                .get(GatewayConfig.MAX_PACKAGE_SIZE)).isEqualTo(3072);
        assertThat(GatewayConfig.from(Map.of("gateway.limits.max-package-size", "1TiB"))
                .get(GatewayConfig.MAX_PACKAGE_SIZE)).isEqualTo(1L << 40);
    }
}
