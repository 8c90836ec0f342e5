package org.evidencegateway.party;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The registry file exactly as written (docs/party-registry.md, Document): every value still text, checked and
 * converted by {@link PartyEntryReader} and {@link RegistryRules}. Absent keys are {@code null}.
 */
record RegistryDocument(String certificateDir, List<PartyEntry> parties) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One element of {@code parties}. */
    record PartyEntry(String id, String country, String displayName, String role,
                      List<CertificateEntry> signingCertificates, List<CertificateEntry> tlsClientCertificates,
                      List<String> maySignFor, List<String> maySubmitFor, List<String> mayAddress,
                      List<String> serves, DeliveryEntry delivery, CallbackEntry callback) {
    }

    /** One element of {@code signingCertificates} or {@code tlsClientCertificates}. */
    record CertificateEntry(String file, String validFrom, String validUntil) {
    }

    /** The {@code delivery} of a case system. */
    record DeliveryEntry(String protocol, String endpoint, String encryptionCertificate) {
    }

    /** The {@code callback} of a party that wants its evidences pushed to it. */
    record CallbackEntry(String url) {
    }

    /**
     * Parses the YAML text; {@code null} for an empty document.
     *
     * @throws IllegalArgumentException naming the line, column and key path of a syntax or shape error
     */
    static RegistryDocument parse(byte[] yaml) {
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return YAML.readValue(parser, RegistryDocument.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(where(e) + "unknown key \"" + e.getPropertyName() + "\" (known: "
                    + new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()) + ")", e);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(where(e) + "expected " + shape(e.getTargetType()), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where(e) + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String shape(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type == String.class ? "a single value" : "a mapping of keys";
    }

    private static String where(JsonProcessingException e) {
        StringBuilder out = new StringBuilder();
        if (e.getLocation() != null) {
            out.append("line ").append(e.getLocation().getLineNr())
                    .append(", column ").append(e.getLocation().getColumnNr());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            out.append(out.length() == 0 ? "" : " ").append("(").append(path).append(")");
        }
        return out.length() == 0 ? "" : out.append(": ").toString();
    }
}
