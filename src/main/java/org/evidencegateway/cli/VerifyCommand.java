package org.evidencegateway.cli;

import java.util.concurrent.Callable;
import org.evidencegateway.open.ItemSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code evgw verify}: every check of {@code open}, nothing written; the exit code is the verdict. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Decrypt and verify a package without extracting anything.",
                "Checks the encryption, every signature and signer certificate (trust anchor of the sender's country,",
                "validity at signing time, CRL), the manifest and every item's size and SHA-256.",
                "Exit code 0 = valid, 1 = refused (the EGW-... code says why)."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PackageArguments arguments;

    @Override
    public Integer call() {
        return PackageRun.run(spec, arguments, ItemSink.discarding(), ReportText::withItems);
    }
}
