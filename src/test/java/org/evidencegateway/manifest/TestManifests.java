package org.evidencegateway.manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Valid manifests with synthetic values, for tests that need a manifest or build packages.
 *
 * <p>Ids, times and references are fixed, so the same call always gives the same manifest; derive variants with
 * {@link Manifest#toBuilder()}. Requests go from {@link #UA_PGO} to {@link #KZ_GPO}, answers come back.
 */
public final class TestManifests {
    public static final UUID REQUEST_ID = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    public static final UUID RESPONSE_ID = UUID.fromString("00000000-0000-4000-8000-00000000b001");
    public static final UUID NOTICE_ID = UUID.fromString("00000000-0000-4000-8000-00000000c001");
    public static final UUID EVIDENCE_ID = UUID.fromString("00000000-0000-4000-8000-00000000e001");
    public static final Instant CREATED_AT = Instant.parse("2030-01-15T09:30:00Z");
    public static final Party UA_PGO = new Party(Country.UA, "ua-pgo");
    public static final Party KZ_GPO = new Party(Country.KZ, "kz-gpo");

    private TestManifests() {
    }

    /** A Ukrainian request to Kazakhstan under the bilateral treaty, with one requested measure and no items. */
    public static Manifest request() {
        return base(Kind.MLA_REQUEST, REQUEST_ID, UA_PGO, KZ_GPO)
                .caseReference("TEST-UA-0000-0001")
                .subject("Запит про надання правової допомоги (тест)")
                .requestedMeasures(List.of("Provide copies of synthetic test records"))
                .languages(List.of("uk", "en"))
                .build();
    }

    /** Kazakhstan's response to {@code requestId}, without items. */
    public static Manifest response(UUID requestId) {
        return answer(Kind.MLA_RESPONSE, RESPONSE_ID, requestId).build();
    }

    /** Kazakhstan's evidence in execution of {@link #REQUEST_ID}, listing the given items. */
    public static Manifest evidence(List<Item> items) {
        return answer(Kind.EVIDENCE, EVIDENCE_ID, REQUEST_ID).items(items).build();
    }

    /** A notice from Ukraine to Kazakhstan, referring to no package. */
    public static Manifest notice() {
        return base(Kind.NOTICE, NOTICE_ID, UA_PGO, KZ_GPO)
                .caseReference("TEST-UA-0000-0001")
                .subject("Тестове повідомлення")
                .languages(List.of("uk"))
                .build();
    }

    /** Evidence using every optional member, with Ukrainian, Kazakh and Russian text and two items. */
    public static Manifest full() {
        Acquisition acquisition = new Acquisition("test-imager 0.0", Instant.parse("2030-01-10T08:00:00Z"),
                "TEST-OFFICER-01", "TEST-SEAL-0001");
        List<CustodyEvent> custody = List.of(
                new CustodyEvent(Instant.parse("2030-01-10T08:00:00Z"), "TEST-OFFICER-01", "TEST-LAB-01", "imaged"),
                new CustodyEvent(Instant.parse("2030-01-11T12:15:30.250Z"), "TEST-LAB-01", "kz-gpo", "transferred"));
        Item first = item("evidence/протокол-тест.txt", "Тестовий протокол огляду".getBytes(StandardCharsets.UTF_8));
        Item second = new Item("evidence/scans/test-scan.pdf", sha256Hex(new byte[0]), 0, "application/pdf",
                "Сынақ құжаты; тестовый документ", acquisition, custody);
        return evidence(List.of(first, second)).toBuilder()
                .relatedPackageId(REQUEST_ID)
                .legalBasis(new LegalBasis(Instrument.OTHER, "Ст. 1-5 (тест)", "Synthetic test instrument"))
                .urgency(Urgency.urgent("Тестова причина терміновості", LocalDate.parse("2030-02-01")))
                .subject("Құқықтық көмек көрсету туралы сұрау / Запрос о правовой помощи")
                .requestedMeasures(List.of("Запрос о правовой помощи (тест)", "Тестовий захід"))
                .languages(List.of("uk", "kk", "ru"))
                .build();
    }

    /** An item for the given content, with its real SHA-256 and size, media type text/plain and no custody. */
    public static Item item(String path, byte[] content) {
        return new Item(path, sha256Hex(content), content.length, "text/plain", "Synthetic test file " + path,
                null, List.of());
    }

    /** Lower-case hex SHA-256 of {@code content}. */
    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Manifest.Builder answer(Kind kind, UUID id, UUID requestId) {
        return base(kind, id, KZ_GPO, UA_PGO)
                .relatedPackageId(requestId)
                .caseReference("TEST-KZ-0000-0001")
                .subject("Запрос о правовой помощи: ответ (тест)")
                .languages(List.of("kk", "ru"));
    }

    private static Manifest.Builder base(Kind kind, UUID id, Party sender, Party recipient) {
        return Manifest.builder()
                .kind(kind)
                .packageId(id)
                .createdAt(CREATED_AT)
                .sender(sender)
                .recipient(recipient)
                .legalBasis(LegalBasis.of(Instrument.KZ_UA_TREATY_2018));
    }
}
