package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The legal basis of a package: the instrument, optionally the articles relied on, and a text naming the
 * instrument ({@code null} when absent; required for {@link Instrument#OTHER}).
 */
@JsonPropertyOrder({"instrument", "articles", "text"})
public record LegalBasis(Instrument instrument, String articles, String text) {

    /** A legal basis naming just the instrument. */
    public static LegalBasis of(Instrument instrument) {
        return new LegalBasis(instrument, null, null);
    }
}
