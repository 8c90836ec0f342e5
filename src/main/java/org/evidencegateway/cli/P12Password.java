package org.evidencegateway.cli;

import picocli.CommandLine.Option;

/** The password of .p12 key files named on the command line. */
final class P12Password {
    @Option(names = "--p12-password", paramLabel = "PASSWORD", defaultValue = "changeit",
            description = "Password of .p12 files (default: the development PKI's).")
    String value;
}
