package org.evidencegateway.runtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evidencegateway.bench.ChildProcess;
import org.evidencegateway.bench.HeapWatch;

/**
 * Runs a {@link TestGateway} in a JVM of its own, on a folder another JVM {@linkplain TestGateway#prepare prepared}:
 * {@code TestGatewayMain <folder> <port> [key=value ...]}, the pairs being settings on top. Prints {@value #READY}
 * once the gateway serves, then runs until killed or until its standard input ends (the parent has gone). A line {@value #HEAP_REPORT} on its standard input makes it print
 * the heap peaks since the previous report ({@link HeapWatch}) as a {@code RESULT heap.…} line, and start anew.
 */
public final class TestGatewayMain {
    /** The line printed when the gateway is up. */
    public static final String READY = "TEST GATEWAY READY";
    /** The command, on standard input, that asks for the heap peaks. */
    public static final String HEAP_REPORT = "heap-report";

    private TestGatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        Arrays.stream(args).skip(2).forEach(pair -> extra.put(pair.substring(0, pair.indexOf('=')),
                pair.substring(pair.indexOf('=') + 1)));
        TestGateway gateway = TestGateway.existing(Path.of(args[0]), Integer.parseInt(args[1]), extra).startAgain();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        HeapWatch heap = HeapWatch.start();
        System.out.println(READY);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            if (line.trim().equals(HEAP_REPORT)) {
                System.out.println(ChildProcess.RESULT_PREFIX + heap.resultFields().replaceAll("(^| )", "$1heap."));
                System.out.flush();
                heap.close();
                heap = HeapWatch.start();
            }
        }
        // The parent closed our standard input: it has gone, and this gateway must not outlive it.
        System.exit(0);
    }
}
