package org.evidencegateway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.evidencegateway.open.DirectoryItemSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evgw open}: decrypt, verify and extract a package into {@code OUT/<packageId>/}. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Decrypt, verify and extract a package into OUT/<packageId>/ (manifest.json, evidence/...,",
                "verification-report.json). Nothing is extracted unless every check passes."})
final class OpenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PackageArguments arguments;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Folder to extract into (default: the current folder).")
    Path out;


    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        DirectoryItemSink sink = new DirectoryItemSink(out, PackageRun.JSON);
        return PackageRun.run(spec, arguments, sink, (report, w) -> {
            ReportText.withItems(report, w);
            w.printf("  extracted to %s%n", sink.committedFolder());
        });
    }
}
