package org.evidencegateway.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoPortsTest {
    @Test
    void development_usesThePortsOfTheDevelopmentConfiguration() {
        DemoPorts ports = DemoPorts.development();

        assertThat(ports).isEqualTo(new DemoPorts(8443, 9876, 9443, 9444));
        assertThat(ports.caseSystem("ua-case")).isEqualTo(9443);
        assertThat(ports.caseSystem("kz-case")).isEqualTo(9444);
    }

    @Test
    void from_aBase_givesTheGatewayTheBase_andTheOthersTheNextThree() {
        assertThat(DemoPorts.from(20000)).isEqualTo(new DemoPorts(20000, 20001, 20002, 20003));
    }

    @Test
    void from_zero_picksFourDifferentFreePorts() {
        DemoPorts ports = DemoPorts.from(0);

        assertThat(Set.of(ports.gateway(), ports.management(), ports.uaCase(), ports.kzCase())).hasSize(4)
                .allMatch(p -> p > 0);
    }

    @Test
    void from_refusesABaseWhoseLastPortWouldNotExist() {
        assertThatThrownBy(() -> DemoPorts.from(65533)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port-base");
        assertThatThrownBy(() -> DemoPorts.from(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void caseSystem_refusesAPartyTheDemoDoesNotRun() {
        assertThatThrownBy(() -> DemoPorts.development().caseSystem("ua-pgo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ua-pgo");
    }
}
