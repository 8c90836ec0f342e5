package org.evidencegateway.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ManifestSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ManifestSchema.class.getResourceAsStream(ManifestSchema.RESOURCE)) {
            schema = JSON.readTree(in);
        }
    }

    @Test
    void schema_isDraft202012WithId() {
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).endsWith("/manifest-v1.schema.json");
    }

    @Test
    void schema_refusesUnknownMembersInEveryObject() {
        List<JsonNode> objects = new ArrayList<>();
        collectObjectSchemas(schema, objects);

        assertThat(objects).hasSizeGreaterThanOrEqualTo(7);
        assertThat(objects).allSatisfy(object ->
                assertThat(object.path("additionalProperties").isBoolean()
                        && !object.path("additionalProperties").booleanValue()).as(object.toString()).isTrue());
    }

    @Test
    void schema_enumsMatchTheJavaEnums() {
        assertThat(enumOf(schema.at("/properties/kind"))).isEqualTo(names(Kind.values(), Kind::name));
        assertThat(enumOf(schema.at("/$defs/party/properties/country"))).isEqualTo(names(Country.values(), Country::name));
        assertThat(enumOf(schema.at("/properties/urgency/properties/level")))
                .isEqualTo(names(UrgencyLevel.values(), UrgencyLevel::name));
        assertThat(enumOf(schema.at("/properties/legalBasis/properties/instrument")))
                .isEqualTo(names(Instrument.values(), Instrument::id));
    }

    @Test
    void write_emitsMembersInSchemaOrder() throws IOException {
        JsonNode written = JSON.readTree(new ManifestCodec().write(TestManifests.full()));
        JsonNode item = written.at("/items/1");

        assertSameOrder(written, schema);
        assertSameOrder(written.get("sender"), schema.at("/$defs/party"));
        assertSameOrder(written.get("legalBasis"), schema.at("/properties/legalBasis"));
        assertSameOrder(written.get("urgency"), schema.at("/properties/urgency"));
        assertSameOrder(item, schema.at("/$defs/item"));
        assertSameOrder(item.get("acquisition"), schema.at("/$defs/item/properties/acquisition"));
        assertSameOrder(item.at("/custody/0"), schema.at("/$defs/item/properties/custody/items"));
    }

    @Test
    void read_acceptsTheExampleInTheSpecification() throws IOException {
        String spec = Files.readString(Path.of("docs/manifest.md"), StandardCharsets.UTF_8);
        int start = spec.indexOf("```json\n") + "```json\n".length();
        byte[] example = spec.substring(start, spec.indexOf("```", start)).getBytes(StandardCharsets.UTF_8);

        Manifest manifest = new ManifestCodec().read(new ByteArrayInputStream(example));

        assertThat(manifest.kind()).isEqualTo(Kind.EVIDENCE);
        assertThat(new ManifestCodec().write(manifest)).isEqualTo(example);
    }

    private static void assertSameOrder(JsonNode written, JsonNode objectSchema) {
        assertThat(fieldNames(written)).isEqualTo(fieldNames(objectSchema.get("properties")));
    }

    private static void collectObjectSchemas(JsonNode node, List<JsonNode> into) {
        if (node.isObject() && "object".equals(node.path("type").asText())) {
            into.add(node);
        }
        node.forEach(child -> collectObjectSchemas(child, into));
    }

    private static List<String> fieldNames(JsonNode object) {
        return StreamSupport.stream(((Iterable<String>) object::fieldNames).spliterator(), false).toList();
    }

    private static List<String> enumOf(JsonNode property) {
        return StreamSupport.stream(property.get("enum").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
