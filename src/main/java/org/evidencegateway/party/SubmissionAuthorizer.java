package org.evidencegateway.party;

import static org.evidencegateway.error.ErrorCode.AUTH_IMPERSONATION;
import static org.evidencegateway.error.ErrorCode.AUTH_NOT_VISIBLE;
import static org.evidencegateway.error.ErrorCode.AUTH_RECIPIENT;
import static org.evidencegateway.error.ErrorCode.AUTH_SIGNING_CERTIFICATE;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.open.SignerReport;
import org.evidencegateway.open.VerificationReport;

/**
 * Judges a verified package against the party that submitted it, and who may read a package, by the registry's
 * rules (docs/party-registry.md, Authorization). Thread-safe; each call uses the registry snapshot current then.
 */
public final class SubmissionAuthorizer {
    private final Supplier<PartyRegistry> registry;

    /** Rules of a registry that may change between calls, e.g. a {@link ReloadingPartyRegistry}. */
    public SubmissionAuthorizer(Supplier<PartyRegistry> registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Rules of one fixed snapshot. */
    public SubmissionAuthorizer(PartyRegistry registry) {
        this(() -> registry);
    }

    /**
     * Passes if the package may be submitted by {@code submitter}: every signer's certificate is registered for its
     * agency at its signing time (a signer without a signing time is judged at {@code now}), every signer and the
     * manifest's sender are the submitter or agencies it may submit for, and the sender may address the recipient.
     *
     * @throws AuthorizationException with {@code AUTH_SIGNING_CERTIFICATE}, {@code AUTH_IMPERSONATION} or
     *                                {@code AUTH_RECIPIENT}, for the first rule broken, in that order
     */
    public void authorize(RegisteredParty submitter, VerificationReport report, Instant now) {
        PartyRegistry parties = registry.get();
        for (SignerReport signer : report.signers()) {
            requireRegisteredSigningCertificate(parties, signer, signer.signingTime() == null ? now
                    : signer.signingTime());
        }
        String submitsFor = String.join(", ", submitter.submitsFor());
        for (SignerReport signer : report.signers()) {
            if (!submitter.maySubmitFor(signer.agency())) {
                throw new AuthorizationException(AUTH_IMPERSONATION, submitter.id(), "signed by " + signer.agency(),
                        submitsFor);
            }
        }
        Manifest manifest = report.manifest();
        String sender = manifest.sender().agency();
        if (!submitter.maySubmitFor(sender)) {
            throw new AuthorizationException(AUTH_IMPERSONATION, submitter.id(), "naming sender " + sender,
                    submitsFor);
        }
        String recipient = manifest.recipient().agency();
        Optional<RegisteredParty> senderParty = parties.byId(sender);
        if (senderParty.isEmpty() || !senderParty.get().mayAddress(recipient)) {
            throw new AuthorizationException(AUTH_RECIPIENT, sender, recipient, senderParty
                    .filter(p -> !p.mayAddress().isEmpty()).map(p -> String.join(", ", p.mayAddress()))
                    .orElse("none"));
        }
    }

    /**
     * Passes if {@code reader} may read the package's status and evidences: its sender, its recipient, a case system
     * serving the recipient, or an auditor.
     *
     * @throws AuthorizationException with {@code AUTH_NOT_VISIBLE} otherwise
     */
    public void requireMayRead(RegisteredParty reader, Manifest manifest) {
        requireMayRead(reader, manifest.sender().agency(), manifest.recipient().agency(), manifest.packageId());
    }

    /** The same rule, for a package known by its sender and recipient agency ids. */
    public void requireMayRead(RegisteredParty reader, String sender, String recipient, UUID packageId) {
        if (!mayRead(reader, sender, recipient)) {
            throw new AuthorizationException(AUTH_NOT_VISIBLE, packageId, reader.id());
        }
    }

    /**
     * Whether {@code reader} may read a package of {@code sender} to {@code recipient}: its sender, its recipient, a
     * case system serving the recipient, or an auditor. The same rule decides who is notified of its evidences.
     */
    public static boolean mayRead(RegisteredParty reader, String sender, String recipient) {
        return reader.role() == Role.AUDITOR
                || reader.id().equals(sender)
                || reader.id().equals(recipient)
                || reader.serves(recipient);
    }

    private static void requireRegisteredSigningCertificate(PartyRegistry parties, SignerReport signer,
                                                            Instant signingTime) {
        String certificate = signer.subject() + " (SHA-256 " + signer.certificateSha256() + ")";
        Optional<RegisteredParty> party = parties.byId(signer.agency());
        if (party.isEmpty()) {
            throw new AuthorizationException(AUTH_SIGNING_CERTIFICATE, certificate,
                    "agency \"" + signer.agency() + "\" (no such party in the registry)", signingTime);
        }
        Optional<RegisteredCertificate> registered = party.get().signingCertificate(signer.certificateSha256());
        if (registered.isEmpty()) {
            throw new AuthorizationException(AUTH_SIGNING_CERTIFICATE, certificate,
                    signer.agency() + " (its registered signing certificates: " + fingerprints(party.get()) + ")",
                    signingTime);
        }
        if (!registered.get().validAt(signingTime)) {
            throw new AuthorizationException(AUTH_SIGNING_CERTIFICATE, certificate,
                    signer.agency() + " (registered only " + registered.get().window() + ")", signingTime);
        }
    }

    private static String fingerprints(RegisteredParty party) {
        return party.signingCertificates().isEmpty() ? "none" : String.join(", ", party.signingCertificates()
                .stream().map(c -> "SHA-256 " + c.sha256()).toList());
    }
}
