package org.evidencegateway.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.ManifestException;

/** The rule that item paths are unique, also after NFC normalisation and case folding. */
public final class ItemPaths {
    private ItemPaths() {
    }

    /**
     * The form two paths are compared in: NFC, then case folded (upper case, then lower case, root locale), then
     * NFC again; two paths collide when their keys are equal.
     */
    public static String comparisonKey(String path) {
        String nfc = Normalizer.normalize(path, Normalizer.Form.NFC);
        String folded = nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    /** Throws MAN_SCHEMA naming the first item whose path collides with an earlier one of the {@code items} array. */
    static void requireUnique(JsonNode items) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = items.get(i).path("path").asText();
            Integer earlier = seen.putIfAbsent(comparisonKey(path), i);
            if (earlier != null) {
                String earlierPath = items.get(earlier).path("path").asText();
                throw new ManifestException(ErrorCode.MAN_SCHEMA, String.format(Locale.ROOT,
                        "/items/%d/path \"%s\" duplicates /items/%d/path \"%s\""
                                + " (paths are compared after NFC normalisation and case folding)",
                        i, path, earlier, earlierPath));
            }
        }
    }
}
