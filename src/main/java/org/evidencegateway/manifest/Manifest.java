package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The manifest of an evidence package (docs/manifest.md); optional members are {@code null} when absent.
 *
 * <p>A manifest returned by {@link ManifestCodec#read} satisfies every rule of the format; one built in code is
 * checked as a whole when {@link ManifestCodec#write written}, so that nothing invalid ever leaves the gateway.
 * Lists are immutable and never {@code null}; an absent {@code requestedMeasures} is an empty list.
 */
@JsonPropertyOrder({"formatVersion", "packageId", "kind", "createdAt", "sender", "recipient", "caseReference",
        "relatedPackageId", "legalBasis", "urgency", "subject", "requestedMeasures", "languages", "items"})
public record Manifest(
        int formatVersion,
        UUID packageId,
        Kind kind,
        Instant createdAt,
        Party sender,
        Party recipient,
        String caseReference,
        UUID relatedPackageId,
        LegalBasis legalBasis,
        Urgency urgency,
        String subject,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> requestedMeasures,
        List<String> languages,
        List<Item> items) {

    /** The only format version this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        requestedMeasures = requestedMeasures == null ? List.of() : List.copyOf(requestedMeasures);
        languages = languages == null ? List.of() : List.copyOf(languages);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A builder with format version 1, normal urgency and empty lists; every other member starts absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this manifest's values, to derive a variant. */
    public Builder toBuilder() {
        return new Builder().formatVersion(formatVersion).packageId(packageId).kind(kind).createdAt(createdAt)
                .sender(sender).recipient(recipient).caseReference(caseReference)
                .relatedPackageId(relatedPackageId).legalBasis(legalBasis).urgency(urgency).subject(subject)
                .requestedMeasures(requestedMeasures).languages(languages).items(items);
    }

    /** Assembles a {@link Manifest} member by member; does not validate (writing does). */
    public static final class Builder {
        private int formatVersion = FORMAT_VERSION;
        private UUID packageId;
        private Kind kind;
        private Instant createdAt;
        private Party sender;
        private Party recipient;
        private String caseReference;
        private UUID relatedPackageId;
        private LegalBasis legalBasis;
        private Urgency urgency = Urgency.normal();
        private String subject;
        private List<String> requestedMeasures = List.of();
        private List<String> languages = List.of();
        private List<Item> items = List.of();

        private Builder() {
        }

        public Builder formatVersion(int formatVersion) {
            this.formatVersion = formatVersion;
            return this;
        }

        public Builder packageId(UUID packageId) {
            this.packageId = packageId;
            return this;
        }

        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder sender(Party sender) {
            this.sender = sender;
            return this;
        }

        public Builder recipient(Party recipient) {
            this.recipient = recipient;
            return this;
        }

        public Builder caseReference(String caseReference) {
            this.caseReference = caseReference;
            return this;
        }

        public Builder relatedPackageId(UUID relatedPackageId) {
            this.relatedPackageId = relatedPackageId;
            return this;
        }

        public Builder legalBasis(LegalBasis legalBasis) {
            this.legalBasis = legalBasis;
            return this;
        }

        public Builder urgency(Urgency urgency) {
            this.urgency = urgency;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder requestedMeasures(List<String> requestedMeasures) {
            this.requestedMeasures = requestedMeasures;
            return this;
        }

        public Builder languages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        public Builder items(List<Item> items) {
            this.items = items;
            return this;
        }

        public Manifest build() {
            return new Manifest(formatVersion, packageId, kind, createdAt, sender, recipient, caseReference,
                    relatedPackageId, legalBasis, urgency, subject, requestedMeasures, languages, items);
        }
    }
}
