package org.evidencegateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.evidencegateway.pki.DistinguishedNames;
import org.evidencegateway.pki.KeyType;
import org.junit.jupiter.api.Test;

class AgencyIdentityTest {
    private final TestPki pki = TestPki.shared();

    @Test
    void of_readsOrganizationIdentifierAndCountry() {
        assertThat(AgencyIdentity.of(pki.uaPgo().certificate())).contains(new AgencyIdentity("ua-pgo", "UA"));
        assertThat(AgencyIdentity.of(pki.kzMvd().certificate())).contains(new AgencyIdentity("kz-mvd", "KZ"));
    }

    @Test
    void of_withoutOrganizationIdentifier_isNoAgency() {
        assertThat(AgencyIdentity.of(pki.uaNoAgency().certificate())).isEmpty();
        assertThat(AgencyIdentity.of(pki.uaRoot().certificate())).isEmpty();
    }

    @Test
    void of_withoutCountry_isNoAgency() {
        Credential noCountry = TestPki.issue(pki.uaRoot(), "x", DistinguishedNames.of(null, "Agency", "ua-pgo", "x"),
                KeyType.EC_P256.generate(), TestPki.NOW, TestPki.NOW.plusSeconds(60), TestPki.SIGNING);

        assertThat(AgencyIdentity.of(noCountry.certificate())).isEmpty();
    }
}
