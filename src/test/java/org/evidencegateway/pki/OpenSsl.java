package org.evidencegateway.pki;

import org.evidencegateway.interop.ExternalTool;

/** Runs the system {@code openssl}; a missing binary fails the test instead of skipping it. */
public final class OpenSsl {
    private OpenSsl() {
    }

    /** The exit code and the merged stdout/stderr of one run. */
    public record Result(int exitCode, String output) {
    }

    public static Result run(String... args) {
        ExternalTool.Result result = ExternalTool.openssl(args);
        return new Result(result.exitCode(), result.output());
    }
}
