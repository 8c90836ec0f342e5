package org.evidencegateway.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.ManifestException;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManifestCodec codec = new ManifestCodec();

    // --- accepted ------------------------------------------------------------------------------------------------

    @Test
    void write_read_write_isByteIdenticalWithUkrainianKazakhAndRussianText() throws IOException {
        Manifest manifest = TestManifests.full();

        byte[] written = codec.write(manifest);
        Manifest read = read(written);

        assertThat(read).isEqualTo(manifest);
        assertThat(codec.write(read)).isEqualTo(written);
        assertThat(new String(written, StandardCharsets.UTF_8))
                .contains("Құқықтық көмек көрсету туралы сұрау", "Запрос о правовой помощи", "Тестова причина");
    }

    @Test
    void write_isPrettyPrintedWithTwoSpacesAndFinalNewline() {
        String text = new String(codec.write(TestManifests.request()), StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"formatVersion\": 1,\n  \"packageId\": \"" + TestManifests.REQUEST_ID + "\",\n")
                .contains("\n  \"items\": []\n")
                .contains("\n  \"languages\": [\n    \"uk\",\n    \"en\"\n  ],\n")
                .endsWith("}\n")
                .doesNotContain("\r", "relatedPackageId", "\"urgency\": {\n    \"level\": \"NORMAL\",");
    }

    @Test
    void write_givesTheSameBytesForEqualManifests() {
        assertThat(codec.write(TestManifests.full())).isEqualTo(codec.write(TestManifests.full()));
    }

    @Test
    void read_acceptsEveryTestManifest() throws IOException {
        for (Manifest manifest : new Manifest[] {TestManifests.request(), TestManifests.notice(),
                TestManifests.response(TestManifests.REQUEST_ID),
                TestManifests.evidence(List.of(TestManifests.item("evidence/a.txt", new byte[] {1})))}) {
            assertThat(read(codec.write(manifest))).isEqualTo(manifest);
        }
    }

    @Test
    void read_acceptsTimestampWithOffsetAsTheSameInstant() throws IOException {
        Manifest read = read(mutated(tree -> tree.put("createdAt", "2030-01-15T14:30:00+05:00")));

        assertThat(read.createdAt()).isEqualTo(Instant.parse("2030-01-15T09:30:00Z"));
    }

    @Test
    void read_acceptsManifestOfExactlyTheLimit() throws IOException {
        byte[] valid = codec.write(TestManifests.request());
        byte[] padded = Arrays.copyOf(valid, ManifestCodec.MAX_BYTES);
        Arrays.fill(padded, valid.length, padded.length, (byte) ' ');

        assertThat(read(padded)).isEqualTo(TestManifests.request());
    }

    // --- bytes and JSON ------------------------------------------------------------------------------------------

    @Test
    void read_rejectsOversizeManifest() {
        byte[] valid = codec.write(TestManifests.request());
        byte[] padded = Arrays.copyOf(valid, ManifestCodec.MAX_BYTES + 1);
        Arrays.fill(padded, valid.length, padded.length, (byte) ' ');

        assertRejected(padded, ErrorCode.MAN_MALFORMED, "larger than the limit of " + ManifestCodec.MAX_BYTES);
    }

    @Test
    void read_rejectsInvalidUtf8() {
        byte[] bytes = codec.write(TestManifests.request());
        int offset = indexOf(bytes, "Запит".getBytes(StandardCharsets.UTF_8));
        bytes[offset] = (byte) 0xff;

        assertRejected(bytes, ErrorCode.MAN_MALFORMED, "byte " + offset + " (0xFF)");
    }

    @Test
    void read_rejectsByteOrderMark() {
        byte[] valid = codec.write(TestManifests.request());
        byte[] bytes = new byte[valid.length + 3];
        bytes[0] = (byte) 0xef;
        bytes[1] = (byte) 0xbb;
        bytes[2] = (byte) 0xbf;
        System.arraycopy(valid, 0, bytes, 3, valid.length);

        assertRejected(bytes, ErrorCode.MAN_MALFORMED, "byte order mark");
    }

    @Test
    void read_rejectsNotJson() {
        assertRejected("manifest: not json".getBytes(StandardCharsets.UTF_8), ErrorCode.MAN_MALFORMED, "line 1");
    }

    @Test
    void read_rejectsEmptyInput() {
        assertRejected(new byte[0], ErrorCode.MAN_MALFORMED, "no JSON value");
    }

    @Test
    void read_rejectsTrailingContent() {
        byte[] valid = codec.write(TestManifests.request());
        byte[] twice = Arrays.copyOf(valid, valid.length * 2);
        System.arraycopy(valid, 0, twice, valid.length, valid.length);

        assertRejected(twice, ErrorCode.MAN_MALFORMED, "Trailing token");
    }

    @Test
    void read_rejectsDuplicateJsonKey() throws IOException {
        assertRejected(withDuplicateMember(tree(TestManifests.request()), "packageId"),
                ErrorCode.MAN_MALFORMED, "'packageId'");
    }

    @Test
    void read_rejectsFormatVersion2BeforeTheSchema() {
        ManifestException e = rejected(mutated(tree -> {
            tree.put("formatVersion", 2);
            tree.put("futureMember", true);
        }), ErrorCode.MAN_VERSION);

        assertThat(e.getMessage()).isEqualTo("manifest format version 2 is not supported (supported: 1)");
    }

    // --- schema --------------------------------------------------------------------------------------------------

    @Test
    void read_rejectsMissingPackageId() {
        assertSchemaViolation(tree -> tree.remove("packageId"), "packageId");
    }

    @Test
    void read_rejectsBadUuid() {
        assertSchemaViolation(tree -> tree.put("packageId", "00000000-0000-4000-8000-00000000A001"), "/packageId");
    }

    @Test
    void read_rejectsUnknownCountry() {
        assertSchemaViolation(tree -> ((ObjectNode) tree.get("sender")).put("country", "PL"), "/sender/country");
    }

    @Test
    void read_rejectsAgencyOfAnotherCountry() {
        assertSchemaViolation(tree -> ((ObjectNode) tree.get("recipient")).put("agency", "kz-mvd"), "/recipient/agency");
    }

    @Test
    void read_rejectsUrgentWithoutReason() {
        assertSchemaViolation(tree -> ((ObjectNode) tree.get("urgency")).remove("reason"), "reason");
    }

    @Test
    void read_rejectsResponseWithoutRelatedPackageId() {
        Manifest response = TestManifests.response(TestManifests.REQUEST_ID);

        assertSchemaViolation(response, tree -> tree.remove("relatedPackageId"), "relatedPackageId");
    }

    @Test
    void read_rejectsOtherInstrumentWithoutText() {
        assertSchemaViolation(tree -> ((ObjectNode) tree.get("legalBasis")).remove("text"), "text");
    }

    @Test
    void read_rejectsRequestWithoutMeasures() {
        assertSchemaViolation(TestManifests.request(), tree -> tree.remove("requestedMeasures"), "requestedMeasures");
    }

    @Test
    void read_rejectsEvidenceWithoutItems() {
        assertSchemaViolation(tree -> tree.putArray("items"), "/items");
    }

    @Test
    void read_rejectsBadSha256() {
        assertSchemaViolation(tree -> item(tree, 0).put("sha256", "ABC"), "/items/0/sha256");
    }

    @Test
    void read_rejectsItemPathOutsideEvidence() {
        assertSchemaViolation(tree -> item(tree, 0).put("path", "documents/test.txt"), "/items/0/path");
    }

    @Test
    void read_rejectsItemPathWithDotDot() {
        assertSchemaViolation(tree -> item(tree, 1).put("path", "evidence/../manifest.json"), "/items/1/path");
    }

    @Test
    void read_rejectsItemPathWithBackslashOrLeadingSlash() {
        assertSchemaViolation(tree -> item(tree, 0).put("path", "evidence\\test.txt"), "/items/0/path");
        assertSchemaViolation(tree -> item(tree, 0).put("path", "/evidence/test.txt"), "/items/0/path");
    }

    @Test
    void read_rejectsUnknownField() {
        assertSchemaViolation(tree -> ((ObjectNode) item(tree, 1).get("acquisition")).put("operator", "TEST"), "operator");
    }

    @Test
    void read_rejectsTimestampWithoutOffset() {
        assertSchemaViolation(tree -> tree.put("createdAt", "2030-01-15T09:30:00"), "/createdAt");
    }

    @Test
    void read_listsViolationsInPointerOrder() {
        ManifestException e = rejected(mutated(tree -> {
            tree.remove("subject");
            tree.put("packageId", "not-a-uuid");
            item(tree, 0).put("size", -1);
        }), ErrorCode.MAN_SCHEMA);

        String message = e.getMessage();
        assertThat(message.indexOf("/: ")).isLessThan(message.indexOf("/items/0/size"));
        assertThat(message.indexOf("/items/0/size")).isLessThan(message.indexOf("/packageId"));
    }

    // --- rules checked in code -----------------------------------------------------------------------------------

    @Test
    void read_rejectsDuplicateItemPaths() {
        String path = TestManifests.full().items().get(0).path();

        ManifestException e = schemaViolation(TestManifests.full(), tree -> item(tree, 1).put("path", path));

        assertThat(e.getMessage()).contains("/items/1/path \"" + path + "\" duplicates /items/0/path");
    }

    @Test
    void read_rejectsItemPathsEqualAfterCaseFolding() {
        assertSchemaViolation(tree -> {
            item(tree, 0).put("path", "evidence/Photo.JPG");
            item(tree, 1).put("path", "evidence/photo.jpg");
        }, "/items/1/path \"evidence/photo.jpg\" duplicates /items/0/path \"evidence/Photo.JPG\"");
    }

    @Test
    void read_rejectsItemPathsEqualAfterNfc() {
        assertSchemaViolation(tree -> {
            item(tree, 0).put("path", "evidence/caf\u00e9.txt");
            item(tree, 1).put("path", "evidence/cafe\u0301.txt");
        }, "/items/1/path");
    }

    // --- writing -------------------------------------------------------------------------------------------------

    @Test
    void write_rejectsManifestThatBreaksARule() {
        Manifest noId = TestManifests.request().toBuilder().packageId(null).build();

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> codec.write(noId));

        assertThat(e.code()).isEqualTo(ErrorCode.MAN_SCHEMA);
        assertThat(e.getMessage()).contains("packageId");
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    private Manifest read(byte[] bytes) throws IOException {
        return codec.read(new ByteArrayInputStream(bytes));
    }

    private ObjectNode tree(Manifest manifest) throws IOException {
        return (ObjectNode) JSON.readTree(codec.write(manifest));
    }

    /** The full manifest's JSON with one mutation applied. */
    private byte[] mutated(Consumer<ObjectNode> mutation) {
        return mutated(TestManifests.full(), mutation);
    }

    private byte[] mutated(Manifest manifest, Consumer<ObjectNode> mutation) {
        try {
            ObjectNode tree = tree(manifest);
            mutation.accept(tree);
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode item(ObjectNode tree, int index) {
        return (ObjectNode) ((ArrayNode) tree.get("items")).get(index);
    }

    /** The object's members in order, then {@code name} a second time, written with a plain generator. */
    private static byte[] withDuplicateMember(ObjectNode tree, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> member : tree.properties()) {
                generator.writeFieldName(member.getKey());
                JSON.writeTree(generator, member.getValue());
            }
            generator.writeFieldName(name);
            JSON.writeTree(generator, tree.get(name));
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    private void assertSchemaViolation(Consumer<ObjectNode> mutation, String expectedInMessage) {
        assertSchemaViolation(TestManifests.full(), mutation, expectedInMessage);
    }

    private void assertSchemaViolation(Manifest manifest, Consumer<ObjectNode> mutation, String expectedInMessage) {
        assertThat(schemaViolation(manifest, mutation).getMessage()).contains(expectedInMessage);
    }

    private ManifestException schemaViolation(Manifest manifest, Consumer<ObjectNode> mutation) {
        return rejected(mutated(manifest, mutation), ErrorCode.MAN_SCHEMA);
    }

    private void assertRejected(byte[] bytes, ErrorCode code, String expectedInMessage) {
        assertThat(rejected(bytes, code).getMessage()).contains(expectedInMessage);
    }

    private ManifestException rejected(byte[] bytes, ErrorCode code) {
        ManifestException e = catchThrowableOfType(ManifestException.class,
                () -> read(bytes));
        assertThat(e).as("read must refuse the manifest").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
