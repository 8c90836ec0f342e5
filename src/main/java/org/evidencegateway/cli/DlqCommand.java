package org.evidencegateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.json.CanonicalJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code evgw dlq}: an operator's view of and actions on dead letters, through the gateway's admin REST API over
 * mutual TLS (docs/operations.md, Dead letters). Exit codes: 0 done, 1 refused by the gateway (its error code says
 * why), 2 usage, 3 local failure (key, trust or connection).
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Dead letters: list, show, replay to the case system, or discard (operators only).",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Replay.class,
                DlqCommand.Discard.class})
public final class DlqCommand extends CommandGroup {
    /** What every {@code evgw dlq} command does: one request, then its answer printed, or the refusal. */
    abstract static class Request implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        AdminClient client;

        @Option(names = "--json", description = "Print the gateway's JSON answer as it is.")
        boolean json;

        abstract AdminClient.Answer send() throws IOException, InterruptedException;

        abstract void print(JsonNode answer, PrintWriter out);

        @Override
        public Integer call() throws InterruptedException {
            AdminClient.Answer answer;
            try {
                answer = send();
            } catch (IOException | CodedException e) {
                spec.commandLine().getErr().println("cannot reach the gateway at " + client.gateway + ": " + e);
                return EvgwCommand.LOCAL_FAILURE;
            }
            PrintWriter out = spec.commandLine().getOut();
            JsonNode body = parse(answer.body());
            if (!answer.ok()) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("%s: %s (HTTP %d)%n", body.path("code").asText("?"), body.path("detail").asText(answer.body()),
                        answer.status());
                return EvgwCommand.REFUSED;
            }
            if (json) {
                out.println(answer.body());
            } else {
                print(body, out);
            }
            return CommandLine.ExitCode.OK;
        }

        private static JsonNode parse(String body) {
            try {
                return CanonicalJson.MAPPER.readTree(body);
            } catch (IOException e) {
                return CanonicalJson.MAPPER.createObjectNode().put("detail", body);
            }
        }
    }

    /** {@code evgw dlq list [--destination ID]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters, per case system in the order they arrived.")
    static final class ListLetters extends Request {
        @Option(names = "--destination", paramLabel = "CASE_SYSTEM", description = "Only this case system's.")
        String destination;

        @Override
        AdminClient.Answer send() throws IOException, InterruptedException {
            return client.get("/dead-letters" + AdminClient.query("destination", destination));
        }

        @Override
        void print(JsonNode answer, PrintWriter out) {
            JsonNode letters = answer.path("deadLetters");
            out.printf("%d dead letter(s)%n", letters.size());
            letters.forEach(l -> DlqText.line(l, out));
        }
    }

    /** {@code evgw dlq show PACKAGE_ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one dead letter with its package's timeline and evidences.")
    static final class Show extends Request {
        @Parameters(index = "0", paramLabel = "PACKAGE_ID", description = "The package's UUID.")
        String packageId;

        @Override
        AdminClient.Answer send() throws IOException, InterruptedException {
            return client.get("/dead-letters/" + packageId);
        }

        @Override
        void print(JsonNode answer, PrintWriter out) {
            DlqText.detail(answer, out);
        }
    }

    /** An action on one dead letter, with the operator's reason. */
    abstract static class Action extends Request {
        @Parameters(index = "0", paramLabel = "PACKAGE_ID", description = "The package's UUID.")
        String packageId;

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why (recorded in the audit log with your identity).")
        String reason;

        abstract String verb();

        @Override
        AdminClient.Answer send() throws IOException, InterruptedException {
            return client.post("/dead-letters/" + packageId + "/" + verb(), Map.of("reason", reason));
        }

        @Override
        void print(JsonNode answer, PrintWriter out) {
            out.printf("%s: %s (destination %s, status now %s)%n", verb(), answer.path("packageId").asText(),
                    answer.path("destination").asText(), answer.path("status").asText());
        }
    }

    /** {@code evgw dlq replay PACKAGE_ID --reason TEXT}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Put a dead letter back on its case system's queue; the package is delivered again.")
    static final class Replay extends Action {
        @Override
        String verb() {
            return "replay";
        }
    }

    /** {@code evgw dlq discard PACKAGE_ID --reason TEXT}. */
    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = "Remove a dead letter for good; the package stays DELIVERY_FAILED.")
    static final class Discard extends Action {
        @Override
        String verb() {
            return "discard";
        }
    }
}
