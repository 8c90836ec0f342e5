package org.evidencegateway.casesystem;

import java.util.Objects;
import java.util.UUID;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Manifest;

/**
 * What the gateway says about a delivery before it is opened (REST headers, SOAP request elements): the package id
 * it is delivered under, and claims about the manifest that are checked once it is opened. Claims are null when
 * not sent.
 */
public record DeliveryMetadata(UUID packageId, String sender, String recipient, String kind, String caseReference) {
    /** The name of the package id in the REST contract, used in messages. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public DeliveryMetadata {
        Objects.requireNonNull(packageId, "packageId");
    }

    /** Metadata with the package id parsed from its text form, refused if absent or not a UUID. */
    public static DeliveryMetadata of(String packageId, String sender, String recipient, String kind,
                                      String caseReference) {
        return new DeliveryMetadata(parse(packageId), sender, recipient, kind, caseReference);
    }

    /** Refuses a package whose signed manifest says otherwise than this metadata. */
    public void requireMatches(Manifest manifest) {
        require(IDEMPOTENCY_KEY, manifest.packageId().toString(), packageId.toString());
        if (sender != null) {
            require("sender", manifest.sender().agency(), sender);
        }
        if (recipient != null) {
            require("recipient", manifest.recipient().agency(), recipient);
        }
        if (kind != null) {
            require("kind", manifest.kind().name(), kind);
        }
        if (caseReference != null) {
            require("caseReference", manifest.caseReference(), caseReference);
        }
    }

    private static void require(String name, String inManifest, String claimed) {
        if (!inManifest.equals(claimed)) {
            throw new CodedException(ErrorCode.DLV_METADATA, name, "\"" + inManifest + "\" as in the signed manifest",
                    "\"" + claimed + "\"");
        }
    }

    private static UUID parse(String packageId) {
        if (packageId == null || packageId.isBlank()) {
            throw new CodedException(ErrorCode.DLV_METADATA, IDEMPOTENCY_KEY, "the package id (a UUID)", "nothing");
        }
        try {
            UUID id = UUID.fromString(packageId.trim());
            if (!id.toString().equals(packageId.trim().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.DLV_METADATA, IDEMPOTENCY_KEY, "the package id (a UUID)",
                    "\"" + packageId + "\"");
        }
    }
}
