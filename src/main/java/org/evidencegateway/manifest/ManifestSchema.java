package org.evidencegateway.manifest;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.ManifestException;

/** The manifest JSON Schema (Draft 2020-12), loaded once from the classpath, with format assertions on. */
final class ManifestSchema {
    /** Classpath resource beside this class. */
    static final String RESOURCE = "manifest-v1.schema.json";
    /** How many violations a MAN_SCHEMA message lists. */
    static final int REPORTED_VIOLATIONS = 5;

    private static final Comparator<Violation> ORDER =
            Comparator.comparing(Violation::pointer).thenComparing(Violation::message);

    private final Schema schema;

    private ManifestSchema() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + RESOURCE + " is missing from the classpath");
            }
            schema = registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ManifestSchema instance() {
        return Holder.INSTANCE;
    }

    /** Throws MAN_SCHEMA listing the first violations, in pointer order, unless the JSON text satisfies the schema. */
    void requireValid(String json) {
        List<Violation> violations = violations(json);
        if (violations.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        violations.stream().limit(REPORTED_VIOLATIONS).forEach(v ->
                message.append(message.length() == 0 ? "" : "; ").append(v.pointer()).append(": ").append(v.message()));
        if (violations.size() > REPORTED_VIOLATIONS) {
            message.append(" (and ").append(violations.size() - REPORTED_VIOLATIONS).append(" more)");
        }
        throw new ManifestException(ErrorCode.MAN_SCHEMA, message.toString());
    }

    /** Every violation of the schema, sorted by JSON pointer and then message. */
    List<Violation> violations(String json) {
        return schema.validate(json, InputFormat.JSON).stream()
                .map(ManifestSchema::violation)
                .distinct()
                .sorted(ORDER)
                .toList();
    }

    private static Violation violation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        return new Violation(pointer.isEmpty() ? "/" : pointer, error.getMessage());
    }

    /** One schema violation: where in the document, and what is wrong. */
    record Violation(String pointer, String message) {
    }

    private static final class Holder {
        private static final ManifestSchema INSTANCE = new ManifestSchema();
    }
}
