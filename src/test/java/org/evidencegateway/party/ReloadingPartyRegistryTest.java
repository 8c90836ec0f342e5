package org.evidencegateway.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.PartyRegistryException;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingPartyRegistryTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    RegistryFixture fixture;
    Path file;
    final SettableClock clock = new SettableClock(TestPki.NOW);
    long modified = 1_000_000_000_000L;

    @BeforeEach
    void fixture() throws IOException {
        fixture = RegistryFixture.valid(dir);
        file = fixture.write();
        touch();
    }

    @Test
    void current_picksUpAChangedFileAfterTheCheckInterval() throws IOException {
        ReloadingPartyRegistry reloading = new ReloadingPartyRegistry(file, INTERVAL, clock);
        PartyRegistry first = reloading.current();
        fixture.parties().remove(fixture.party("operator"));
        fixture.write();
        touch();

        clock.advance(INTERVAL.minusMillis(1));
        assertThat(reloading.current()).isSameAs(first);
        clock.advance(Duration.ofMillis(1));
        assertThat(reloading.current()).isNotSameAs(first);
        assertThat(reloading.current().byId("operator")).isEmpty();
    }

    @Test
    void whenReloaded_runsAfterASuccessfulReload_notAfterABrokenFile_norWithoutChange() throws IOException {
        ReloadingPartyRegistry reloading = new ReloadingPartyRegistry(file, INTERVAL, clock);
        java.util.concurrent.atomic.AtomicInteger reloads = new java.util.concurrent.atomic.AtomicInteger();
        reloading.whenReloaded(reloads::incrementAndGet);

        clock.advance(INTERVAL);
        reloading.current();
        assertThat(reloads).hasValue(0);

        reloadWithKzGpoAddressing(reloading, "ua-sbu");
        assertThat(reloads).as("a broken file").hasValue(0);

        reloadWithKzGpoAddressing(reloading, "ua-pgo");
        assertThat(reloads).hasValue(1);
    }

    private void reloadWithKzGpoAddressing(ReloadingPartyRegistry reloading, String party) throws IOException {
        fixture.party("kz-gpo").put("mayAddress", List.of(party));
        fixture.write();
        touch();
        clock.advance(INTERVAL);
        reloading.current();
    }

    @Test
    void current_keepsTheSnapshotWhileTheFileIsUnchanged() {
        ReloadingPartyRegistry reloading = new ReloadingPartyRegistry(file, INTERVAL, clock);
        PartyRegistry first = reloading.current();

        clock.advance(INTERVAL.multipliedBy(3));
        assertThat(reloading.current()).isSameAs(first);
    }

    @Test
    void current_keepsThePreviousSnapshotWhenTheNewFileIsBroken() throws IOException {
        ReloadingPartyRegistry reloading = new ReloadingPartyRegistry(file, INTERVAL, clock);
        PartyRegistry first = reloading.current();
        fixture.party("kz-gpo").put("mayAddress", List.of("ua-sbu"));
        fixture.write();
        touch();

        clock.advance(INTERVAL);
        assertThat(reloading.current()).isSameAs(first);
        assertThat(reloading.lastError()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARTY_REGISTRY_INVALID);
            assertThat(e.getMessage()).contains("no party \"ua-sbu\"");
        });

        fixture.party("kz-gpo").put("mayAddress", List.of("ua-pgo"));
        fixture.write();
        touch();
        clock.advance(INTERVAL);
        assertThat(reloading.current()).isNotSameAs(first);
        assertThat(reloading.current().byId("kz-gpo").orElseThrow().mayAddress()).containsExactly("ua-pgo");
        assertThat(reloading.lastError()).isEmpty();
    }

    @Test
    void constructor_refusesABrokenFirstFile() throws IOException {
        Files.writeString(file, "parties: []\n");

        assertThatThrownBy(() -> new ReloadingPartyRegistry(file, INTERVAL, clock))
                .isInstanceOf(PartyRegistryException.class);
    }

    /** Moves the modification time on explicitly: file systems may keep it only to the second. */
    private void touch() throws IOException {
        modified += 2_000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
    }

    /** A clock tests move by hand. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
