package org.evidencegateway.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.ManifestException;

/**
 * Reads and writes {@code manifest.json} (docs/manifest.md), enforcing every rule of the format both ways.
 *
 * <p>Stateless and thread-safe. Failures are {@link ManifestException}s: MAN_MALFORMED for bytes that are not one
 * strict UTF-8 JSON value of bounded size, MAN_VERSION for a format version other than 1, MAN_SCHEMA for any
 * other rule.
 */
public final class ManifestCodec {
    /** The largest manifest read or written, in bytes (16 MiB). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /**
     * Reads one manifest: at most {@link #MAX_BYTES} (plus one byte to detect excess) are read, the stream is not
     * closed (the caller owns it), and the manifest returned satisfies every rule.
     *
     * @throws ManifestException if the manifest is malformed, of another version or breaks a rule
     * @throws IOException if the stream fails
     */
    public Manifest read(InputStream in) throws IOException {
        return parse(ManifestText.read(in, MAX_BYTES));
    }

    /**
     * Writes a manifest in canonical form: UTF-8, fixed member order, two-space indentation, final LF; the same
     * manifest always gives the same bytes, and the bytes always read back.
     *
     * @throws ManifestException if the manifest breaks a rule (it is checked by the same code that reads)
     */
    public byte[] write(Manifest manifest) {
        byte[] bytes = ManifestJson.serialize(manifest);
        if (bytes.length > MAX_BYTES) {
            throw new ManifestException(ErrorCode.MAN_MALFORMED,
                    "it is larger than the limit of " + MAX_BYTES + " bytes (" + bytes.length + " bytes)");
        }
        parse(ManifestText.decode(bytes));
        return bytes;
    }

    private static Manifest parse(String text) {
        JsonNode tree = ManifestJson.parse(text);
        requireSupportedVersion(tree);
        ManifestSchema.instance().requireValid(text);
        ItemPaths.requireUnique(tree.path("items"));
        return ManifestJson.bind(tree);
    }

    /** Checked before the schema so that a newer document is refused as such, not as a list of schema errors. */
    private static void requireSupportedVersion(JsonNode tree) {
        JsonNode version = tree.path("formatVersion");
        boolean supported = version.canConvertToInt() && version.intValue() == Manifest.FORMAT_VERSION;
        if (version.isIntegralNumber() && !supported) {
            throw new ManifestException(ErrorCode.MAN_VERSION, version.asText(), Manifest.FORMAT_VERSION);
        }
    }
}
