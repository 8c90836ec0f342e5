package org.evidencegateway.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that opens one package takes: the package file, our keys and anchors, and --json. */
final class PackageArguments {
    @Parameters(index = "0", paramLabel = "PACKAGE", description = "The package file (.p7m).")
    Path file;

    @Mixin
    KeyOptions keys;

    @Option(names = "--json", description = "Print the verdict and report as JSON on stdout.")
    boolean json;
}
