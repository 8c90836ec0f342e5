package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.ManifestException;

/** The Jackson side of the manifest: strict parsing to a tree, binding to the model, canonical pretty printing. */
final class ManifestJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private ManifestJson() {
    }

    /** Parses exactly one JSON value, refusing duplicate member names and trailing content. */
    static JsonNode parse(String text) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ManifestException(ErrorCode.MAN_MALFORMED, e, e.getOriginalMessage() + at(e.getLocation()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ManifestException(ErrorCode.MAN_MALFORMED, "it holds no JSON value");
        }
        return tree;
    }

    /** Binds a tree that already satisfies the schema. */
    static Manifest bind(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, Manifest.class);
        } catch (JsonMappingException e) {
            throw new ManifestException(ErrorCode.MAN_SCHEMA, e, pointer(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ManifestException(ErrorCode.MAN_SCHEMA, e, e.getOriginalMessage());
        }
    }

    /** UTF-8 JSON, members in declared order, two-space indentation, {@code []} for empty arrays, final LF. */
    static byte[] serialize(Manifest manifest) {
        try {
            String text = WRITER.writeValueAsString(manifest) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize manifest " + manifest.packageId(), e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> "/" + (ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex())))
                .collect(Collectors.joining());
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
