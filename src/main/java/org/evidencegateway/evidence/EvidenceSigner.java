package org.evidencegateway.evidence;

import org.evidencegateway.crypto.Signer;
import org.evidencegateway.json.CanonicalJson;

/** Signs evidence statements with the gateway's evidence key, in the package format's SignedData layer. */
public final class EvidenceSigner {
    private final Signer gatewayKey;

    public EvidenceSigner(Signer gatewayKey) {
        this.gatewayKey = gatewayKey;
    }

    public SignedEvidence sign(Evidence statement) {
        byte[] json = CanonicalJson.bytes(statement);
        return new SignedEvidence(statement, json, SignedStatements.sign(json, gatewayKey, statement.eventTime()));
    }
}
