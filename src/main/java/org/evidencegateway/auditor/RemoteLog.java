package org.evidencegateway.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.evidencegateway.audit.format.ExportLayout;

/**
 * Copies a gateway's audit log through its auditor API (docs/audit-log.md §12) into an export directory
 * (§9), page by page and straight to disk, so that {@link ExportVerifier} checks it exactly as it checks an
 * export. Nothing fetched is trusted: the copy holds what the gateway claims, the verifier judges it against the
 * certificates the auditor pinned. The copy stops at the tree size of the latest checkpoint read first.
 */
public final class RemoteLog {
    /** Entries asked for per page (the API's maximum). */
    static final int PAGE = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;

    /** A gateway at {@code base} (e.g. {@code https://gateway:8443}), reached with the auditor's TLS client. */
    public RemoteLog(URI base, SSLContext tls) {
        this.base = base;
        this.client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
    }

    /** Writes the log up to the latest checkpoint into {@code dir} (created); returns its tree size. */
    public long copyTo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve(ExportLayout.CHECKPOINTS));
        Files.createDirectories(dir.resolve(ExportLayout.SIGNER_CERTIFICATES).getParent());
        JsonNode latest = get("/api/v1/audit/checkpoint");
        long size = latest.get("treeSize").asLong();
        String origin = latest.get("note").asText().lines().findFirst().orElse("");
        copyCheckpoints(dir, size);
        copyEntries(dir, size);
        JsonNode certificates = get("/api/v1/audit/certificates");
        writePem(dir.resolve(ExportLayout.SIGNER_CERTIFICATES), certificates.get("checkpointSigner"));
        if (!certificates.get("tsa").isEmpty()) {
            writePem(dir.resolve(ExportLayout.TSA_CERTIFICATES), certificates.get("tsa"));
        }
        JSON.writeValue(dir.resolve(ExportLayout.LOG).toFile(),
                new ExportLayout.LogInfo(ExportLayout.FORMAT, origin, size, Instant.now().toString()));
        return size;
    }

    private void copyCheckpoints(Path dir, long size) throws IOException {
        long after = -1;
        while (true) {
            JsonNode page = get("/api/v1/audit/checkpoints?after=" + after).get("checkpoints");
            if (page.isEmpty()) {
                return;
            }
            for (JsonNode checkpoint : page) {
                long treeSize = checkpoint.get("treeSize").asLong();
                if (treeSize <= after) {
                    throw new IOException("the gateway answered checkpoints out of order: " + treeSize + " after "
                            + after);
                }
                after = treeSize;
                if (treeSize > size) {
                    return;
                }
                Files.writeString(ExportLayout.note(dir, treeSize), checkpoint.get("note").asText(),
                        StandardCharsets.UTF_8);
                JsonNode timestamp = checkpoint.get("timestamp");
                if (timestamp != null && !timestamp.isNull()) {
                    Files.write(ExportLayout.timestamp(dir, treeSize), Base64.getDecoder().decode(timestamp.asText()));
                }
            }
        }
    }

    private void copyEntries(Path dir, long size) throws IOException {
        try (BufferedWriter entries = Files.newBufferedWriter(dir.resolve(ExportLayout.ENTRIES), StandardCharsets.UTF_8);
             BufferedWriter hashes = Files.newBufferedWriter(dir.resolve(ExportLayout.LEAF_HASHES),
                     StandardCharsets.US_ASCII)) {
            for (long start = 0; start < size; start += PAGE) {
                long end = Math.min(size, start + PAGE);
                JsonNode page = get("/api/v1/audit/entries?start=" + start + "&end=" + end);
                // Written as received: a short or padded page shows up as missing or extra entries in verification.
                for (JsonNode entry : page.get("entries")) {
                    entries.write(entry.asText());
                    entries.write('\n');
                }
                for (JsonNode hash : page.get("leafHashes")) {
                    hashes.write(hash.asText());
                    hashes.write('\n');
                }
            }
        }
    }

    private static void writePem(Path file, JsonNode pems) throws IOException {
        StringBuilder text = new StringBuilder();
        pems.forEach(pem -> text.append(pem.asText()));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private JsonNode get(String path) throws IOException {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + uri, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(body);
        }
    }
}
