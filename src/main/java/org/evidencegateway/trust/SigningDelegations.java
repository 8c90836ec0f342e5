package org.evidencegateway.trust;

import static org.evidencegateway.error.ErrorCode.AUTH_SIGNER_NOT_SENDER;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.evidencegateway.error.AuthorizationException;

/**
 * Which agencies may sign packages on behalf of which other agencies; every agency may always sign for itself.
 *
 * <p>Example: {@code of(Map.of("ua-pgo", Set.of("ua-npu")))} lets the Prosecutor General's office sign what the
 * National Police sends. Immutable.
 */
public final class SigningDelegations {
    private final Map<String, Set<String>> sendersBySigner;

    private SigningDelegations(Map<String, Set<String>> sendersBySigner) {
        this.sendersBySigner = sendersBySigner;
    }

    /** The default: each agency signs only for itself. */
    public static SigningDelegations selfOnly() {
        return new SigningDelegations(Map.of());
    }

    /** Signer agency id → the sender agency ids it may also sign for. */
    public static SigningDelegations of(Map<String, ? extends Collection<String>> sendersBySigner) {
        return new SigningDelegations(sendersBySigner.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue()))));
    }

    /** Whether agency {@code signerAgencyId} may sign for sender {@code senderAgencyId}. */
    public boolean maySignFor(String signerAgencyId, String senderAgencyId) {
        return signerAgencyId.equals(senderAgencyId)
                || sendersBySigner.getOrDefault(signerAgencyId, Set.of()).contains(senderAgencyId);
    }

    /**
     * Passes if the certificate's agency ({@link AgencyIdentity}) may sign for {@code senderAgencyId}; a
     * certificate without an agency may sign for no one.
     *
     * @throws AuthorizationException with {@code AUTH_SIGNER_NOT_SENDER} otherwise
     */
    public void requireMaySignFor(X509Certificate signer, String senderAgencyId) {
        String agency = AgencyIdentity.of(signer).map(AgencyIdentity::agencyId).orElse(null);
        if (agency == null || !maySignFor(agency, senderAgencyId)) {
            throw new AuthorizationException(AUTH_SIGNER_NOT_SENDER, Certificates.describe(signer),
                    agency == null ? "none: no organizationIdentifier in its subject" : agency, senderAgencyId);
        }
    }
}
