package org.evidencegateway.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.evidencegateway.error.PartyRegistryException;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code callback} block of the registry, and who is notified of a package's evidences by it. */
class CallbackRegistrationTest {
    @TempDir
    Path dir;
    RegistryFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = RegistryFixture.valid(dir);
    }

    @Test
    void load_readsTheCallbackUrl_andPartiesWithoutOneHaveNone() {
        fixture.party("kz-gpo").put("callback", Map.of("url", "https://agency.example.kz/evidences"));

        PartyRegistry registry = PartyRegistry.load(fixture.write(), TestPki.CLOCK);

        assertThat(registry.byId("kz-gpo").orElseThrow().callback())
                .isEqualTo(new Callback(URI.create("https://agency.example.kz/evidences")));
        assertThat(registry.byId("ua-pgo").orElseThrow().callback()).isNull();
    }

    @Test
    void load_rejectsPlainHttpCallback() {
        fixture.party("kz-gpo").put("callback", Map.of("url", "http://agency.example.kz/evidences"));

        assertInvalid("party kz-gpo, callback.url: expected an absolute https:// URL with a host");
    }

    @Test
    void load_rejectsCallbackWithoutUrl() {
        fixture.party("kz-gpo").put("callback", Map.of());

        assertInvalid("party kz-gpo, callback.url: required");
    }

    @Test
    void load_rejectsUnknownKeyInCallback() {
        fixture.party("kz-gpo").put("callback", Map.of("url", "https://agency.example.kz/e", "secret", "x"));

        assertInvalid("unknown key \"secret\"");
    }

    @Test
    void load_rejectsCallbackOfAnOperator_whoReadsNoPackage() {
        fixture.party("operator").put("callback", Map.of("url", "https://ops.example/evidences"));

        assertInvalid("party operator, callback: only AGENCY and CASE_SYSTEM and AUDITOR parties may have callback");
    }

    @Test
    void notifiedOf_isEveryPartyWithACallbackThatMayReadThePackage() {
        // Given callbacks for the sender, the recipient's case system, the auditor and an unrelated agency
        for (String id : new String[] {"kz-gpo", "ua-case", "auditor", "ua-npu"}) {
            fixture.party(id).put("callback", Map.of("url", "https://" + id + ".example/evidences"));
        }
        PartyRegistry registry = PartyRegistry.load(fixture.write(), TestPki.CLOCK);

        // When a package of kz-gpo to ua-pgo (no callback) has an evidence
        // Then its sender, the case system serving its recipient and the auditor are notified; ua-npu is not
        assertThat(registry.notifiedOf("kz-gpo", "ua-pgo")).extracting(RegisteredParty::id)
                .containsExactly("kz-gpo", "ua-case", "auditor");
    }

    private void assertInvalid(String fragment) {
        Path file = fixture.write();
        assertThatThrownBy(() -> PartyRegistry.load(file, TestPki.CLOCK))
                .isInstanceOf(PartyRegistryException.class).hasMessageContaining(fragment);
    }
}
