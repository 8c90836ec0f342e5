package org.evidencegateway.casesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.party.PartyRegistry;
import org.junit.jupiter.api.Test;

/** How {@code evgw case-system --party} finds its case system in the development registry. */
class CaseSystemIdentityTest {
    static final PartyRegistry REGISTRY = PartyRegistry.load(Path.of("src/main/config/parties.yaml"));

    @Test
    void fromRegistry_findsTheCaseSystemOfAnAgencyItServes() {
        CaseSystemIdentity identity = CaseSystemIdentity.of(CaseSystemIdentity.fromRegistry(REGISTRY, "kz-gpo"));

        assertThat(identity.id()).isEqualTo("kz-case");
        assertThat(identity.country()).isEqualTo(Country.KZ);
        assertThat(identity.serves()).containsExactlyInAnyOrder("kz-gpo", "kz-mvd");
    }

    @Test
    void fromRegistry_findsACaseSystemByItsOwnId() {
        assertThat(CaseSystemIdentity.fromRegistry(REGISTRY, "ua-case").delivery().endpoint().getPort())
                .isEqualTo(9443);
    }

    @Test
    void fromRegistry_refusesAPartyThatIsNeitherACaseSystemNorServedByOne() {
        assertThatThrownBy(() -> CaseSystemIdentity.fromRegistry(REGISTRY, "auditor"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auditor");
    }
}
