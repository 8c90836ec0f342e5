package org.evidencegateway.manifest;

import java.util.Locale;

/** A state taking part in the exchange, by its ISO 3166-1 alpha-2 code. */
public enum Country {
    UA,
    KZ;

    /** The prefix every agency id of this country starts with, e.g. {@code ua-}. */
    public String agencyPrefix() {
        return name().toLowerCase(Locale.ROOT) + "-";
    }
}
