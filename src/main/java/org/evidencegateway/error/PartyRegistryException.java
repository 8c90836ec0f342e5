package org.evidencegateway.error;

/** The party registry file breaks a rule of docs/party-registry.md; always {@code PARTY_REGISTRY_INVALID}. */
public class PartyRegistryException extends CodedException {
    public PartyRegistryException(Object file, String problem) {
        super(ErrorCode.PARTY_REGISTRY_INVALID, file, problem);
    }

    public PartyRegistryException(Object file, String problem, Throwable cause) {
        super(ErrorCode.PARTY_REGISTRY_INVALID, cause, file, problem);
    }
}
