package org.evidencegateway.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an evidence is shown to parties in JSON, by the REST API and by callbacks alike: the statement as readable
 * members ({@code evidence}) and the signed evidence, the only binding form ({@code signedEvidence}, base64 DER).
 */
public final class EvidenceRendering {
    /** Renders answers that hold evidences: dates as RFC 3339 text. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EvidenceRendering() {
    }

    /** The members {@code evidence} and {@code signedEvidence}, in that order, to put into a JSON object. */
    public static Map<String, Object> members(SignedEvidence evidence) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("evidence", evidence.statement());
        members.put("signedEvidence", Base64.getEncoder().encodeToString(evidence.signed()));
        return members;
    }
}
