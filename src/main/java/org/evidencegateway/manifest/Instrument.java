package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The international instrument under which legal assistance is requested or given, with its stable manifest id. */
public enum Instrument {
    KZ_UA_TREATY_2018("KZ_UA_TREATY_2018",
            "Treaty between Kazakhstan and Ukraine on legal assistance in criminal matters (2018)"),
    MINSK_CONVENTION_1993("MINSK_CONVENTION_1993",
            "Convention on legal assistance and legal relations in civil, family and criminal matters (Minsk, 1993)"),
    CHISINAU_CONVENTION_2002("CHISINAU_CONVENTION_2002",
            "Convention on legal assistance and legal relations in civil, family and criminal matters"
                    + " (Chisinau, 2002)"),
    /** Another instrument or reciprocity; the manifest names it in {@code legalBasis.text}. */
    OTHER("OTHER", "Another instrument, described in the legal basis text");

    private final String id;
    private final String title;

    Instrument(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The stable id written in {@code legalBasis.instrument}; never changes. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The instrument's name in English, for people. */
    public String title() {
        return title;
    }

    /** Finds an instrument by its stable id. */
    @JsonCreator
    public static Instrument fromId(String id) {
        for (Instrument instrument : values()) {
            if (instrument.id.equals(id)) {
                return instrument;
            }
        }
        throw new IllegalArgumentException("unknown legal instrument " + id);
    }
}
