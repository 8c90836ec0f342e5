package org.evidencegateway.casesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryReceiverTest {
    @TempDir
    Path dir;
    DeliveryReceiver receiver;

    @BeforeEach
    void setUp() throws IOException {
        receiver = receiver(CaseSystemTestPki.IDENTITY);
    }

    DeliveryReceiver receiver(CaseSystemIdentity identity) throws IOException {
        return new DeliveryReceiver(identity, CaseSystemTestPki.CASE_KEY.signer(), CaseSystemTestPki.policy(),
                new DeliveryStore(dir));
    }

    static Delivered deliver(DeliveryReceiver receiver, TestPackages pkg, byte[] bytes) {
        Manifest manifest = pkg.manifest();
        DeliveryMetadata metadata = new DeliveryMetadata(manifest.packageId(), manifest.sender().agency(),
                manifest.recipient().agency(), manifest.kind().name(), manifest.caseReference());
        return receiver.receive(metadata, new ByteArrayInputStream(bytes));
    }

    static DeliveryAcknowledgement verified(Delivered delivered) {
        return new AcknowledgementVerifier(TestPackages.PKI.validator())
                .verify(delivered.acknowledgement().signed(), "ua-case", Country.UA);
    }

    @Test
    void receive_storesPackageItemsAndSignedAcknowledgement() throws IOException {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] bytes = pkg.build();

        Delivered delivered = deliver(receiver, pkg, bytes);

        UUID id = pkg.manifest().packageId();
        Path folder = dir.resolve(id.toString());
        assertThat(delivered.duplicate()).isFalse();
        assertThat(folder.resolve(DeliveryStore.PACKAGE_FILE)).hasBinaryContent(bytes);
        assertThat(folder.resolve("content/manifest.json")).hasBinaryContent(pkg.manifestBytes());
        assertThat(folder.resolve("content/evidence/subscribers.csv"))
                .hasContent("msisdn,imsi\n+7-700-000-0001,401010000000001\n");
        assertThat(folder.resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE))
                .hasBinaryContent(delivered.acknowledgement().signed());
        DeliveryAcknowledgement ack = verified(delivered);
        assertThat(ack.packageId()).isEqualTo(id);
        assertThat(ack.caseSystem()).isEqualTo("ua-case");
        assertThat(ack.receivedAt()).isEqualTo(TestPki.NOW);
        assertThat(ack.packageSize()).isEqualTo(bytes.length);
        assertThat(ack.manifestSha256()).isEqualTo(org.evidencegateway.digest.Sha256.hex(pkg.manifestBytes()));
        assertThat(ack.signers()).hasSize(1);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void receive_absorbsASecondDeliveryOfTheSameBytes_withTheSameAcknowledgement() throws IOException {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] bytes = pkg.build();
        Delivered first = deliver(receiver, pkg, bytes);
        List<Path> stored = files();

        Delivered second = deliver(receiver, pkg, bytes);

        assertThat(second.duplicate()).isTrue();
        assertThat(second.acknowledgement().signed()).isEqualTo(first.acknowledgement().signed());
        assertThat(files()).isEqualTo(stored);
    }

    @Test
    void receive_absorbsTheSamePackageEncryptedAgain_asTheGatewayDoesOnEveryAttempt() throws IOException {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] signed = pkg.signedData();
        Delivered first = deliver(receiver, pkg, pkg.encrypt(signed));
        byte[] again = pkg.encrypt(signed);
        List<Path> stored = files();

        Delivered second = deliver(receiver, pkg, again);

        assertThat(second.duplicate()).isTrue();
        assertThat(second.acknowledgement().signed()).isEqualTo(first.acknowledgement().signed());
        assertThat(files()).isEqualTo(stored);
    }

    @Test
    void receive_storesOnce_whenTheSamePackageArrivesConcurrently() throws Exception {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] signed = pkg.signedData();
        List<byte[]> attempts = List.of(pkg.encrypt(signed), pkg.encrypt(signed), pkg.encrypt(signed), pkg.encrypt(signed));
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Delivered>> results = new ArrayList<>();
        try {
            for (byte[] attempt : attempts) {
                results.add(pool.submit(() -> {
                    go.await();
                    return deliver(receiver, pkg, attempt);
                }));
            }
            go.countDown();
            List<Delivered> delivered = new ArrayList<>();
            for (Future<Delivered> result : results) {
                delivered.add(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(delivered).filteredOn(d -> !d.duplicate()).hasSize(1);
            assertThat(delivered).extracting(d -> d.acknowledgement().signed())
                    .allSatisfy(ack -> assertThat(ack).isEqualTo(delivered.get(0).acknowledgement().signed()));
            assertThat(files()).filteredOn(p -> p.endsWith(DeliveryStore.PACKAGE_FILE)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void receive_refusesAnotherPackageUnderAUsedId_asAConflict() throws IOException {
        TestPackages pkg = CaseSystemTestPki.delivery();
        deliver(receiver, pkg, pkg.build());
        List<Path> stored = files();
        TestPackages other = TestPackages.valid().encryptedTo(CaseSystemTestPki.CASE_KEY)
                .item("evidence/extra.txt", "another item".getBytes(StandardCharsets.UTF_8))
                .manifest(m -> m.toBuilder().packageId(pkg.manifest().packageId()).build());

        assertThatThrownBy(() -> deliver(receiver, other, other.build()))
                .isInstanceOfSatisfying(CodedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_CONFLICT));
        assertThat(files()).isEqualTo(stored);
    }

    @Test
    void receive_refusesATamperedCiphertext_andKeepsNothing() throws IOException {
        TestPackages pkg = CaseSystemTestPki.delivery();
        byte[] bytes = pkg.build();
        bytes[bytes.length * 3 / 4] ^= 0x01;

        assertThatThrownBy(() -> deliver(receiver, pkg, bytes))
                .isInstanceOfSatisfying(CodedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENC_INTEGRITY));
        assertThat(files()).isEmpty();
    }

    @Test
    void receive_refusesAnItemThatDoesNotMatchTheManifest_andKeepsNothing() throws IOException {
        UUID id = UUID.randomUUID();
        TestPackages pkg = CaseSystemTestPki.delivery().manifest(m -> m.toBuilder().packageId(id)
                .items(List.of(lyingAboutItsHash(m.items().get(0)), m.items().get(1))).build());

        assertThatThrownBy(() -> deliver(receiver, pkg, pkg.build()))
                .isInstanceOfSatisfying(CodedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ITEM_DIGEST));
        assertThat(files()).isEmpty();
    }

    @Test
    void receive_refusesMetadataTheSignedManifestContradicts() {
        TestPackages pkg = CaseSystemTestPki.delivery();
        DeliveryMetadata claimsOtherSender = new DeliveryMetadata(pkg.manifest().packageId(), "kz-mvd", null, null,
                null);

        assertThatThrownBy(() -> receiver.receive(claimsOtherSender, new ByteArrayInputStream(pkg.build())))
                .isInstanceOfSatisfying(CodedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DLV_METADATA))
                .hasMessageContaining("sender").hasMessageContaining("kz-gpo");
    }

    @Test
    void receive_refusesAPackageDeliveredUnderAnotherId() throws IOException {
        TestPackages pkg = CaseSystemTestPki.delivery();
        DeliveryMetadata otherId = new DeliveryMetadata(UUID.randomUUID(), null, null, null, null);

        assertThatThrownBy(() -> receiver.receive(otherId, new ByteArrayInputStream(pkg.build())))
                .isInstanceOfSatisfying(CodedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DLV_METADATA))
                .hasMessageContaining("Idempotency-Key");
        assertThat(files()).isEmpty();
    }

    @Test
    void receive_refusesAPackageForAnAgencyThisCaseSystemDoesNotServe() throws IOException {
        DeliveryReceiver npuOnly = receiver(new CaseSystemIdentity("ua-case", Country.UA, Set.of("ua-npu")));
        TestPackages pkg = CaseSystemTestPki.delivery();

        assertThatThrownBy(() -> deliver(npuOnly, pkg, pkg.build()))
                .isInstanceOfSatisfying(CodedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DLV_NOT_SERVED))
                .hasMessageContaining("ua-pgo");
        assertThat(files()).isEmpty();
    }

    @Test
    void metadata_refusesAMissingOrMalformedIdempotencyKey() {
        for (String key : new String[] {null, "", "not-a-uuid", "0-0-0-0-1"}) {
            assertThatThrownBy(() -> DeliveryMetadata.of(key, null, null, null, null))
                    .as(key).isInstanceOfSatisfying(CodedException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DLV_METADATA));
        }
    }

    @Test
    void acknowledgementVerifier_refusesAnAcknowledgementOfAnotherCaseSystem() {
        TestPackages pkg = CaseSystemTestPki.delivery();
        Delivered delivered = deliver(receiver, pkg, pkg.build());

        assertThatThrownBy(() -> new AcknowledgementVerifier(TestPackages.PKI.validator())
                .verify(delivered.acknowledgement().signed(), "ua-other", Country.UA))
                .isInstanceOfSatisfying(CodedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SIG_INVALID))
                .hasMessageContaining("ua-other");
        assertThatThrownBy(() -> new AcknowledgementVerifier(TestPackages.PKI.validator())
                .verify(delivered.acknowledgement().signed(), "ua-case", Country.KZ))
                .isInstanceOfSatisfying(CodedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRUST_UNTRUSTED));
    }

    private static Item lyingAboutItsHash(Item item) {
        return new Item(item.path(), "0".repeat(64), item.size(), item.mediaType(), item.description(),
                item.acquisition(), item.custody());
    }

    /** Every file of the store but the incoming area, sorted. */
    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith(".incoming"))
                    .sorted().toList();
        }
    }

    private List<Path> incoming() throws IOException {
        try (Stream<Path> list = Files.list(dir.resolve(".incoming"))) {
            return list.toList();
        }
    }
}
