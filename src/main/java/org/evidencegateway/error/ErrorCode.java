package org.evidencegateway.error;

import java.util.Locale;

/**
 * Every reason the gateway can refuse or fail, with a stable code that partners, operators and auditors may rely on.
 *
 * <p>Codes never change meaning and are never reused. Each carries its category, the HTTP status and SOAP fault
 * code the transports answer with, and a message template that says what was expected and what was found.
 * Only the edges (REST, SOAP, CLI) translate a code into their own error shape.
 */
public enum ErrorCode {
    // --- the outer CMS structure -----------------------------------------------------------------------------
    PKG_EMPTY("EGW-PKG-001", Category.PACKAGE, "the package is empty (0 bytes)"),
    PKG_NOT_CMS("EGW-PKG-002", Category.PACKAGE, "the package is not a DER/BER CMS ContentInfo: %s"),
    PKG_TRUNCATED("EGW-PKG-003", Category.PACKAGE, "the package ends before its structure is complete: %s"),
    PKG_CONTENT_TYPE("EGW-PKG-004", Category.PACKAGE, "expected content type %s, found %s"),
    PKG_TOO_LARGE("EGW-PKG-005", Category.PACKAGE, 413, "the package exceeds the limit of %s bytes"),

    // --- decryption (AuthEnvelopedData / EnvelopedData) -------------------------------------------------------
    ENC_NO_RECIPIENT("EGW-ENC-001", Category.ENCRYPTION,
            "the package is not encrypted for us: its recipients are [%s], our keys are [%s]"),
    ENC_KEY_UNWRAP("EGW-ENC-002", Category.ENCRYPTION, "the content-encryption key could not be recovered: %s"),
    ENC_INTEGRITY("EGW-ENC-003", Category.ENCRYPTION,
            "the encrypted content fails its integrity check: %s"),

    // --- algorithm allow-list --------------------------------------------------------------------------------
    ALG_DIGEST("EGW-ALG-001", Category.ALGORITHM, "digest algorithm %s is not allowed (allowed: %s)"),
    ALG_SIGNATURE("EGW-ALG-002", Category.ALGORITHM, "signature algorithm %s is not allowed (allowed: %s)"),
    ALG_KEY_SIZE("EGW-ALG-003", Category.ALGORITHM, "%s key of %d bits is too weak: at least %d bits are required"),
    ALG_CONTENT_ENCRYPTION("EGW-ALG-004", Category.ALGORITHM,
            "content-encryption algorithm %s is not allowed (allowed: %s)"),
    ALG_KEY_ENCRYPTION("EGW-ALG-005", Category.ALGORITHM, "key-encryption algorithm %s is not allowed (allowed: %s)"),

    // --- SignedData ------------------------------------------------------------------------------------------
    SIG_NOT_SIGNED("EGW-SIG-001", Category.SIGNATURE, "the decrypted content must be CMS SignedData, found %s"),
    SIG_NO_SIGNER("EGW-SIG-002", Category.SIGNATURE, "the SignedData carries no signer"),
    SIG_INVALID("EGW-SIG-003", Category.SIGNATURE, "the signature of %s does not verify: %s"),
    SIG_CONTENT_ALTERED("EGW-SIG-004", Category.SIGNATURE,
            "the signed content was altered: the message digest signed by %s does not match the content"),
    SIG_MISSING_ATTRIBUTE("EGW-SIG-005", Category.SIGNATURE, "signer %s lacks the signed attribute %s"),
    SIG_CERTIFICATE_MISSING("EGW-SIG-006", Category.SIGNATURE, "the certificate of signer %s is not in the package"),
    SIG_DETACHED("EGW-SIG-007", Category.SIGNATURE, "the SignedData has no encapsulated content"),
    SIG_CERTIFICATE_MISMATCH("EGW-SIG-008", Category.SIGNATURE,
            "the signingCertificateV2 attribute of %s does not match the certificate that signed"),

    // --- certificate trust -----------------------------------------------------------------------------------
    TRUST_UNTRUSTED("EGW-TRUST-001", Category.TRUST, "signer certificate %s does not chain to the %s trust anchor: %s"),
    TRUST_NOT_VALID_AT_SIGNING_TIME("EGW-TRUST-002", Category.TRUST,
            "signer certificate %s is not valid at signing time %s (valid from %s to %s)"),
    TRUST_REVOKED("EGW-TRUST-003", Category.TRUST, "signer certificate %s was revoked on %s (reason: %s)"),
    TRUST_KEY_USAGE("EGW-TRUST-004", Category.TRUST,
            "signer certificate %s must carry digitalSignature or nonRepudiation key usage, found %s"),
    TRUST_REVOCATION_UNKNOWN("EGW-TRUST-005", Category.TRUST, "revocation status of %s cannot be established: %s"),
    TRUST_SIGNING_TIME("EGW-TRUST-006", Category.TRUST, "signing time of %s is unusable: %s"),

    // --- who may send ----------------------------------------------------------------------------------------
    AUTH_SIGNER_NOT_SENDER("EGW-AUTH-001", Category.AUTHORIZATION,
            "signer %s (agency %s) is neither the sender %s named in the manifest nor allowed to sign for it"),
    AUTH_UNKNOWN_CLIENT("EGW-AUTH-002", Category.AUTHORIZATION,
            "the TLS client certificate %s belongs to no registered party"),
    AUTH_IMPERSONATION("EGW-AUTH-003", Category.AUTHORIZATION,
            "party %s (TLS client) may not submit a package %s: it submits only for %s"),
    AUTH_RECIPIENT("EGW-AUTH-004", Category.AUTHORIZATION, "sender %s may not address %s (allowed: %s)"),
    AUTH_SIGNING_CERTIFICATE("EGW-AUTH-005", Category.AUTHORIZATION,
            "certificate %s is not registered for %s at signing time %s"),
    AUTH_NOT_VISIBLE("EGW-AUTH-006", Category.AUTHORIZATION, 404,
            "no package %s is visible to %s (only its sender, its recipient and auditors may read it)"),

    // --- one submission among others ------------------------------------------------------------------------
    REQ_REPLAY("EGW-REQ-001", Category.REQUEST,
            "signing time %s is outside the accepted window %s to %s: refused as a possible replay"),
    REQ_CONFLICT("EGW-REQ-002", Category.REQUEST, 409,
            "package %s was already submitted with other content (SHA-256 %s, now %s)"),
    REQ_BUSY("EGW-REQ-003", Category.REQUEST, 503, "%d uploads are already in progress: retry later"),
    REQ_TIMEOUT("EGW-REQ-004", Category.REQUEST, 408, "the upload did not finish within %s"),
    REQ_UPLOAD_BROKEN("EGW-REQ-005", Category.REQUEST, "the upload broke off after %d bytes: %s"),
    REQ_MALFORMED("EGW-REQ-006", Category.REQUEST,
            "the request is not acceptable SOAP for this endpoint (malformed, a DTD, or beyond the XML limits): %s"),

    // --- manifest --------------------------------------------------------------------------------------------
    MAN_MISSING("EGW-MAN-001", Category.MANIFEST, "the first archive entry must be manifest.json, found %s"),
    MAN_MALFORMED("EGW-MAN-002", Category.MANIFEST, "manifest.json is not well-formed UTF-8 JSON: %s"),
    MAN_SCHEMA("EGW-MAN-003", Category.MANIFEST, "manifest.json violates the manifest schema: %s"),
    MAN_VERSION("EGW-MAN-004", Category.MANIFEST, "manifest format version %s is not supported (supported: %s)"),

    // --- the inner ZIP archive -------------------------------------------------------------------------------
    ZIP_MALFORMED("EGW-ZIP-001", Category.ARCHIVE, "the inner ZIP archive is malformed: %s"),
    ZIP_UNSAFE_PATH("EGW-ZIP-002", Category.ARCHIVE, "entry name \"%s\" is not a safe relative path: %s"),
    ZIP_DUPLICATE("EGW-ZIP-003", Category.ARCHIVE, "entry \"%s\" appears more than once"),
    ZIP_LINK("EGW-ZIP-004", Category.ARCHIVE, "entry \"%s\" is a %s, only regular files are allowed"),
    ZIP_UNLISTED("EGW-ZIP-005", Category.ARCHIVE, "entry \"%s\" is not listed in the manifest"),
    ZIP_TOO_MANY_ENTRIES("EGW-ZIP-006", Category.ARCHIVE, "the archive has more than %d entries"),
    ZIP_TOO_LARGE("EGW-ZIP-007", Category.ARCHIVE, "the archive expands to more than %d bytes"),
    ZIP_RATIO("EGW-ZIP-008", Category.ARCHIVE,
            "entry \"%s\" expands more than %d:1 (%d compressed bytes gave %d bytes): refused as a zip bomb"),
    ZIP_UNSUPPORTED("EGW-ZIP-009", Category.ARCHIVE, "entry \"%s\" uses an unsupported ZIP feature: %s"),

    // --- evidence items --------------------------------------------------------------------------------------
    ITEM_MISSING("EGW-ITEM-001", Category.ITEM, "item \"%s\" is listed in the manifest but missing from the archive"),
    ITEM_SIZE("EGW-ITEM-002", Category.ITEM, "item \"%s\": the manifest says %d bytes, the archive holds %s"),
    ITEM_DIGEST("EGW-ITEM-003", Category.ITEM, "item \"%s\": the manifest says SHA-256 %s, the content has %s"),

    // --- delivery to a case system (checked by the receiving case system) ------------------------------------
    DLV_METADATA("EGW-DLV-001", Category.REQUEST, "delivery metadata %s: expected %s, found %s"),
    DLV_NOT_SERVED("EGW-DLV-002", Category.AUTHORIZATION,
            "package %s is addressed to %s, but case system %s serves only %s"),

    // --- delivery to a case system (as the gateway sees it) ----------------------------------------------------
    DLV_REFUSED("EGW-DLV-003", Category.REQUEST, "case system %s refused the delivery without an error code: %s"),
    DLV_RETRIES_EXHAUSTED("EGW-DLV-004", Category.INTERNAL,
            "delivery to case system %s failed %d times, the last time: %s"),
    DLV_UNAVAILABLE("EGW-DLV-005", Category.INTERNAL,
            "case system %s did not take the delivery: %s"),
    DLV_ACKNOWLEDGEMENT_INVALID("EGW-DLV-006", Category.INTERNAL,
            "case system %s answered the delivery of %s with an acknowledgement that does not hold: %s"),
    DLV_WAITING_FOR_EARLIER("EGW-DLV-007", Category.INTERNAL,
            "package %s waits for the earlier package %s of case %s to be delivered first"),

    // --- operators acting on dead letters (admin API, evgw dlq) --------------------------------------------------
    OPS_UNKNOWN_PACKAGE("EGW-OPS-001", Category.OPERATION, 404, "no package %s is recorded"),
    OPS_NOT_DEAD_LETTERED("EGW-OPS-002", Category.OPERATION, 409,
            "package %s is not on a dead-letter queue (its status is %s)"),
    OPS_WRONG_STATUS("EGW-OPS-003", Category.OPERATION, 409,
            "the dead letter of package %s cannot be %s while the package is %s: %s"),
    OPS_REASON_REQUIRED("EGW-OPS-004", Category.OPERATION, "%s needs a reason of 1 to %d characters: %s"),
    OPS_NOT_OPERATOR("EGW-OPS-005", Category.OPERATION, 403,
            "party %s (role %s) may not %s: dead letters are for parties with the role OPERATOR"),
    OPS_UNKNOWN_DESTINATION("EGW-OPS-006", Category.OPERATION, 404,
            "%s is no case system of the party registry (case systems: %s)"),
    OPS_INCOMPLETE("EGW-OPS-007", Category.OPERATION, 500,
            "the %s of package %s is recorded, but the broker did not finish it: %s; %s it again to finish"),

    // --- the auditor API (docs/audit-log.md §12) ---------------------------------------------------------------
    AUDIT_NOT_AUDITOR("EGW-AUDIT-001", Category.AUTHORIZATION,
            "party %s (role %s) may not read the audit log: the auditor API serves only parties with role AUDITOR"),
    AUDIT_BAD_RANGE("EGW-AUDIT-002", Category.REQUEST, "%s must be %s, found %s"),
    AUDIT_NOT_COVERED("EGW-AUDIT-003", Category.REQUEST, 404, "nothing to prove yet: %s"),

    // --- local failures (not the sender's fault) -------------------------------------------------------------
    IO_STORAGE("EGW-IO-001", Category.INTERNAL, "storage failed: %s"),
    CONFIG_INVALID("EGW-CFG-001", Category.INTERNAL, "configuration key %s is invalid: %s"),
    PARTY_REGISTRY_INVALID("EGW-CFG-002", Category.INTERNAL, "party registry %s is invalid: %s"),
    INTERNAL("EGW-INT-001", Category.INTERNAL, "internal error: %s"),
    KEY_UNAVAILABLE("EGW-KEY-001", Category.INTERNAL, "key material %s cannot be loaded from %s: %s");

    private final String code;
    private final Category category;
    private final int httpStatus;
    private final String template;

    ErrorCode(String code, Category category, String template) {
        this(code, category, category.httpStatus, template);
    }

    ErrorCode(String code, Category category, int httpStatus, String template) {
        this.code = code;
        this.category = category;
        this.httpStatus = httpStatus;
        this.template = template;
    }

    /** The stable code, e.g. {@code EGW-SIG-003}. */
    public String code() {
        return code;
    }

    public Category category() {
        return category;
    }

    /** HTTP status the REST edge answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** SOAP 1.2 fault code ({@code Sender} or {@code Receiver}) the SOAP edge answers with. */
    public String soapFaultCode() {
        return httpStatus >= 500 ? "Receiver" : "Sender";
    }

    /** The message template, with {@code %s}-style placeholders for what was expected and found. */
    public String template() {
        return template;
    }

    /** The one-line message for this code, filled with what was expected and what was found. */
    public String format(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    /** Finds a code by its stable string form. */
    public static ErrorCode byCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown error code " + code);
    }

    /** Groups of codes that share a cause and a transport answer. */
    public enum Category {
        PACKAGE(400), ENCRYPTION(400), ALGORITHM(400), SIGNATURE(400), TRUST(400), AUTHORIZATION(403),
        MANIFEST(400), ARCHIVE(400), ITEM(400), REQUEST(400), OPERATION(400), INTERNAL(500);

        private final int httpStatus;

        Category(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }
}
