package org.evidencegateway.trust;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.Test;

class SigningDelegationsTest {
    private final TestPki pki = TestPki.shared();

    @Test
    void requireMaySignFor_acceptsAgencySigningForItself() {
        assertThatCode(() -> SigningDelegations.selfOnly().requireMaySignFor(pki.uaPgo().certificate(), "ua-pgo"))
                .doesNotThrowAnyException();
    }

    @Test
    void requireMaySignFor_rejectsAgencySigningForAnotherByDefault() {
        assertThatThrownBy(() -> SigningDelegations.selfOnly().requireMaySignFor(pki.uaPgo().certificate(), "ua-npu"))
                .isInstanceOfSatisfying(AuthorizationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_SIGNER_NOT_SENDER))
                .hasMessageContaining("(agency ua-pgo)").hasMessageContaining("sender ua-npu");
    }

    @Test
    void requireMaySignFor_acceptsConfiguredDelegationOnlyInItsDirection() {
        SigningDelegations delegations = SigningDelegations.of(Map.of("ua-pgo", Set.of("ua-npu")));

        assertThatCode(() -> delegations.requireMaySignFor(pki.uaPgo().certificate(), "ua-npu"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> delegations.requireMaySignFor(pki.uaNpu().certificate(), "ua-pgo"))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void requireMaySignFor_rejectsCertificateWithoutAgency() {
        assertThatThrownBy(() -> SigningDelegations.selfOnly().requireMaySignFor(pki.uaNoAgency().certificate(),
                "ua-anonymous"))
                .isInstanceOfSatisfying(AuthorizationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_SIGNER_NOT_SENDER))
                .hasMessageContaining("no organizationIdentifier");
    }
}
