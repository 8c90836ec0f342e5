package org.evidencegateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.open.ItemSink;
import org.evidencegateway.open.PackageOpener;
import org.evidencegateway.open.VerificationReport;
import picocli.CommandLine;

/**
 * Opens one package for a command and turns the outcome into output and an exit code: the report (human or JSON)
 * and 0, or the refusal's code and message and 1. No stack trace ever reaches the user.
 */
final class PackageRun {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PackageRun() {
    }

    /** Opens {@code file} into {@code sink}; prints with {@code printer} on success. */
    static int run(CommandLine.Model.CommandSpec spec, PackageArguments arguments, ItemSink sink,
                   ReportPrinter printer) {
        boolean json = arguments.json;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerificationReport report;
        try (InputStream in = Progress.reading(arguments.file, err)) {
            report = new PackageOpener(arguments.keys.policy()).open(in, sink);
        } catch (CodedException e) {
            return refused(e, out, err, json);
        } catch (IOException e) {
            return refused(new CodedException(ErrorCode.IO_STORAGE, e, e.getMessage()), out, err, json);
        }
        if (json) {
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("verdict", "VALID");
            verdict.put("report", report);
            out.println(toJson(verdict));
        } else {
            printer.print(report, out);
        }
        return CommandLine.ExitCode.OK;
    }

    private static int refused(CodedException e, PrintWriter out, PrintWriter err, boolean json) {
        boolean local = e.code().category() == ErrorCode.Category.INTERNAL;
        if (json) {
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("verdict", local ? "ERROR" : "REFUSED");
            verdict.put("code", e.code().code());
            verdict.put("message", e.getMessage());
            out.println(toJson(verdict));
        } else {
            err.println((local ? "ERROR " : "REFUSED ") + e.code().code() + ": " + e.getMessage());
        }
        return local ? EvgwCommand.LOCAL_FAILURE : EvgwCommand.REFUSED;
    }

    static String toJson(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints a successful report for humans. */
    interface ReportPrinter {
        void print(VerificationReport report, PrintWriter out);
    }
}
