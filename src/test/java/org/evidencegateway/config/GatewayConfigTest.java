package org.evidencegateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.evidencegateway.error.CodedException;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void byteSizes_readEveryBinarySuffix() {
        GatewayConfig config = GatewayConfig.from(Map.of(
                "gateway.limits.max-package-size", "64GiB",
                "gateway.store.min-free-space", "512 MiB"));

        assertThat(config.get(GatewayConfig.MAX_PACKAGE_SIZE)).isEqualTo(64L << 30);
        assertThat(config.get(GatewayConfig.STORE_MIN_FREE_SPACE)).isEqualTo(512L << 20);
        assertThat(GatewayConfig.from(Map.of()).get(GatewayConfig.STORE_MIN_FREE_SPACE)).isEqualTo(1L << 30);
        assertThat(GatewayConfig.from(Map.of("gateway.limits.max-package-size", "3KiB"))
                .get(GatewayConfig.MAX_PACKAGE_SIZE)).isEqualTo(3072);
        assertThat(GatewayConfig.from(Map.of("gateway.limits.max-package-size", "1TiB"))
                .get(GatewayConfig.MAX_PACKAGE_SIZE)).isEqualTo(1L << 40);
    }

    @Test
    void invalidValue_isRefused_namingTheKey() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("gateway.limits.idle-timeout", "60 seconds")))
                .isInstanceOf(CodedException.class).hasMessageContaining("gateway.limits.idle-timeout");
    }
}
