package org.evidencegateway.cli;

import java.util.concurrent.Callable;
import org.evidencegateway.open.ItemSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code evgw inspect}: the manifest and signer summary of a package, after full verification. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a package is, who sent and signed it, without listing items or extracting.",
                "The package is verified in full first: a refused package shows only its error code."})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PackageArguments arguments;

    @Override
    public Integer call() {
        return PackageRun.run(spec, arguments, ItemSink.discarding(), ReportText::summary);
    }
}
