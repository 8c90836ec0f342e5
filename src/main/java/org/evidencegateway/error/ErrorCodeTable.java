package org.evidencegateway.error;

/** Renders the error-code reference (docs/error-codes.md) from {@link ErrorCode}, so the two cannot drift. */
public final class ErrorCodeTable {
    private ErrorCodeTable() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder()
                .append("# Error codes\n\n")
                .append("Every refusal and failure carries one of these stable codes. A code never changes meaning and is\n")
                .append("never reused. `evgw` prints it and exits with 1 (refused) or 3 (local failure); the gateway's\n")
                .append("transports answer with the HTTP status (REST) or SOAP 1.2 fault code (SOAP) given here. `%s` in a\n")
                .append("message stands for what was expected or found in the case at hand.\n\n")
                .append("This file is generated from `org.evidencegateway.error.ErrorCode` by `ErrorCodeTest`.\n\n")
                .append("| code | category | HTTP | SOAP | message |\n|---|---|---|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            out.append("| `").append(code.code()).append("` | ").append(code.category().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(code.httpStatus()).append(" | ").append(code.soapFaultCode())
                    .append(" | ").append(code.template().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
