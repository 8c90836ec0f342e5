package org.evidencegateway.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A remote RFC 3161 time-stamping authority over HTTP (RFC 3161 §3.4): POST application/timestamp-query. */
public final class HttpTsa implements TimestampAuthority {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HttpTsa(URI url) {
        this.url = url;
    }

    @Override
    public byte[] exchange(byte[] timeStampRequest) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(timeStampRequest)).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the TSA " + url, e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !type.startsWith("application/timestamp-reply")) {
            throw new IOException("the TSA " + url + " answered HTTP " + response.statusCode() + " " + type
                    + ", expected 200 application/timestamp-reply");
        }
        return response.body();
    }

    @Override
    public String name() {
        return url.toString();
    }
}
