package org.evidencegateway.open;

import java.io.IOException;
import java.io.OutputStream;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Manifest;

/**
 * Where the evidence items of a package being opened go, with all-or-nothing semantics.
 *
 * <p>The opener calls {@link #open} once per item, writes the item's bytes and closes the stream itself. Then it
 * calls exactly one of {@link #commit} (every check passed) or {@link #abort} (any check failed, or an error):
 * after {@code abort} nothing the sink wrote may remain.
 */
public interface ItemSink {
    /** A stream for one item's bytes, closed by the caller. */
    OutputStream open(Item item) throws IOException;

    /** Every check passed: make the items visible, together with the manifest and the report. */
    void commit(Manifest manifest, byte[] manifestBytes, VerificationReport report) throws IOException;

    /** A check failed: remove everything written so far. Must not throw. */
    void abort();

    /** A sink that keeps nothing: for verification without extraction. */
    static ItemSink discarding() {
        return DiscardingItemSink.INSTANCE;
    }
}
