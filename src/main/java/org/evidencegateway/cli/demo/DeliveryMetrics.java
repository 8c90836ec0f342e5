package org.evidencegateway.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the delivery counters of the gateway's Prometheus metrics, as a monitoring system would. */
final class DeliveryMetrics {
    private final URI metrics;
    private final HttpClient http = HttpClient.newHttpClient();

    DeliveryMetrics(URI metrics) {
        this.metrics = metrics;
    }

    /** {@code evgw_deliveries_total{destination, outcome}}, 0 while it is not there yet. */
    long deliveries(String destination, String outcome) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("^evgw_deliveries_total\\{destination=\"" + Pattern.quote(destination)
                + "\",outcome=\"" + Pattern.quote(outcome) + "\"} ([0-9.E]+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** Waits until {@code destination} counts at least {@code count} retries; returns the last count read. */
    long awaitRetries(String destination, long count, Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        long retries = deliveries(destination, "retry");
        while (retries < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            retries = deliveries(destination, "retry");
        }
        return retries;
    }
}
