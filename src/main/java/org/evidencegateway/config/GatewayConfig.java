package org.evidencegateway.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;

/**
 * The gateway's one configuration surface: every key, its default and its meaning, in one place. Values come
 * from a properties file and overrides (later wins); every key is parsed and checked when the configuration is
 * built, and an unknown {@code gateway.*} key is an error — a typo must not silently fall back to a default.
 * {@code ${other-key}} in a value is replaced by that key's value.
 */
public final class GatewayConfig {
    private static final String PREFIX = "gateway.";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-z0-9.-]+)}");

    // --- identity and storage -----------------------------------------------------------------------------------
    public static final ConfigKey<String> ID = ConfigKey.text("gateway.id", "evgw-dev",
            "Name of this gateway instance, written into every evidence it signs and every audit entry.");
    public static final ConfigKey<Path> DATA_DIR = ConfigKey.path("gateway.data-dir", "data",
            "Folder for the package store, the embedded broker's journal and the embedded database.");
    public static final ConfigKey<Long> STORE_MIN_FREE_SPACE = ConfigKey.bytes("gateway.store.min-free-space", "1GiB",
            "Free disk space under the data folder below which the gateway reports itself not ready (suffixes KiB to TiB).");

    // --- keys and trust -------------------------------------------------------------------------------------------
    public static final ConfigKey<Path> TRUST_DIR = ConfigKey.path("gateway.trust-dir", "certs",
            "Folder of trust anchors (<country>-root-ca.crt.pem for UA, KZ and GW) and their CRLs (*.crl.pem).");
    public static final ConfigKey<List<String>> DECRYPTION_KEYS = ConfigKey.list("gateway.decryption-keys",
            "certs/gateway-enc-rsa,certs/gateway-enc-ec",
            "Keys packages are encrypted to: PEM pair prefixes (X.crt.pem + X.key.pem) or .p12 files, comma-separated.");
    public static final ConfigKey<String> EVIDENCE_KEY = ConfigKey.text("gateway.evidence-key", "certs/gateway",
            "Key that signs evidences (receipts): a PEM pair prefix or a .p12 file.");
    public static final ConfigKey<String> KEY_PASSWORD = new ConfigKey<>("gateway.key-password", "changeit",
            "Password of the .p12 files named above (the development PKI's by default).", t -> t);
    public static final ConfigKey<Path> PARTIES_FILE = ConfigKey.path("gateway.parties-file",
            "src/main/config/parties.yaml", "The party registry: agencies, case systems, auditors and their rights.");

    // --- transports -----------------------------------------------------------------------------------------------
    public static final ConfigKey<String> HOST = ConfigKey.text("gateway.host", "127.0.0.1",
            "Address the REST and SOAP endpoints listen on.");
    public static final ConfigKey<Integer> REST_PORT = ConfigKey.port("gateway.rest.port", "8443",
            "HTTPS port (mutual TLS) of the REST API (/api/v1) and of the SOAP endpoint (/soap/v1/gateway) alike.");
    public static final ConfigKey<String> TLS_KEY = ConfigKey.text("gateway.tls.key", "certs/gateway-tls.p12",
            "The gateway's TLS server key and certificate (.p12).");
    public static final ConfigKey<String> TLS_CLIENT_KEY = ConfigKey.text("gateway.tls.client-key",
            "certs/gateway-tls.p12",
            "The gateway's TLS client key and certificate (.p12) presented to case systems when delivering.");

    // --- delivery to case systems -----------------------------------------------------------------------------------
    public static final ConfigKey<Boolean> DELIVERY_ENABLED = ConfigKey.flag("gateway.delivery.enabled", "true",
            "Whether packages are delivered; false keeps accepted packages on their queues (a receive-only gateway).");
    public static final ConfigKey<Integer> DELIVERY_CONSUMERS = ConfigKey.count(
            "gateway.delivery.concurrent-consumers", "8",
            "Deliveries under way at once per case system (packages of one case still go one after another); a "
                    + "delivery mostly waits for the case system, so a few per core keep up with ingest.");
    public static final ConfigKey<Duration> DELIVERY_INITIAL_RETRY_DELAY = ConfigKey.duration(
            "gateway.delivery.initial-retry-delay", "PT5S",
            "Wait before the first retry of a delivery that failed transiently; doubled (with jitter) on every retry.");
    public static final ConfigKey<Duration> DELIVERY_MAX_RETRY_DELAY = ConfigKey.duration(
            "gateway.delivery.max-retry-delay", "PT10M", "Cap of the wait between two delivery retries.");
    public static final ConfigKey<Integer> DELIVERY_MAX_ATTEMPTS = ConfigKey.count("gateway.delivery.max-attempts",
            "300", "Delivery attempts (about 48 hours with the default delays) before the package is dead-lettered.");
    public static final ConfigKey<Duration> DELIVERY_TIMEOUT = ConfigKey.duration("gateway.delivery.timeout",
            "PT30M", "Longest time one delivery attempt may take, upload and answer included, before it is retried.");

    // --- callbacks of evidences to parties ------------------------------------------------------------------------
    public static final ConfigKey<Duration> CALLBACK_INITIAL_RETRY_DELAY = ConfigKey.duration(
            "gateway.callbacks.initial-retry-delay", "PT10S",
            "Wait before the first retry of an evidence callback that failed; doubled (with jitter) on every retry.");
    public static final ConfigKey<Duration> CALLBACK_MAX_RETRY_DELAY = ConfigKey.duration(
            "gateway.callbacks.max-retry-delay", "PT1H", "Cap of the wait between two attempts of an evidence callback.");
    public static final ConfigKey<Integer> CALLBACK_MAX_ATTEMPTS = ConfigKey.count("gateway.callbacks.max-attempts",
            "50", "Attempts of one evidence callback (one to two days with the default delays) before it is abandoned "
                    + "and CALLBACK_ABANDONED is audited.");
    public static final ConfigKey<Duration> CALLBACK_TIMEOUT = ConfigKey.duration("gateway.callbacks.timeout",
            "PT30S", "Longest time one callback attempt may take, connection and answer included.");

    // --- limits ---------------------------------------------------------------------------------------------------
    public static final ConfigKey<Long> MAX_PACKAGE_SIZE = ConfigKey.bytes("gateway.limits.max-package-size", "64GiB",
            "Largest package accepted, in bytes (suffixes KiB, MiB, GiB, TiB).");
    public static final ConfigKey<Duration> UPLOAD_TIMEOUT = ConfigKey.duration("gateway.limits.upload-timeout", "PT2H",
            "Longest time one upload may take (ISO-8601 duration).");
    public static final ConfigKey<Integer> MAX_CONCURRENT_UPLOADS = ConfigKey.count(
            "gateway.limits.max-concurrent-uploads", "8", "Uploads processed at once; more are refused with 503.");
    public static final ConfigKey<Duration> IDLE_TIMEOUT = ConfigKey.duration("gateway.limits.idle-timeout", "PT60S",
            "Longest silence on an HTTPS connection, mid-upload or between requests, before the gateway closes it.");
    public static final ConfigKey<Duration> REPLAY_MAX_AGE = ConfigKey.duration("gateway.replay.max-age", "P7D",
            "Packages signed longer ago than this are refused as possible replays.");
    public static final ConfigKey<Duration> REPLAY_MAX_SKEW = ConfigKey.duration("gateway.replay.max-future-skew",
            "PT5M", "Packages whose signing time is further than this in the future are refused.");

    // --- broker and database ----------------------------------------------------------------------------------------
    public static final ConfigKey<String> BROKER_URL = ConfigKey.text("gateway.broker.url", "embedded",
            "Artemis broker: 'embedded' (in this process, journal under the data folder) or a URL such as tcp://host:61616.");
    public static final ConfigKey<String> DB_URL = ConfigKey.text("gateway.db.url",
            "jdbc:h2:file:${gateway.data-dir}/db/gateway;WRITE_DELAY=0",
            "JDBC URL of the gateway database (H2 or PostgreSQL). The H2 default writes every commit at once "
                    + "(WRITE_DELAY=0): an acknowledged package must survive the process being killed.");
    public static final ConfigKey<String> DB_USER = ConfigKey.text("gateway.db.user", "evgw", "Database user.");
    public static final ConfigKey<String> DB_PASSWORD = new ConfigKey<>("gateway.db.password", "",
            "Database password (empty for the embedded H2).", t -> t);

    // --- audit log -----------------------------------------------------------------------------------------------
    public static final ConfigKey<String> AUDIT_ORIGIN = ConfigKey.text("gateway.audit.origin",
            "evidence-gateway.invalid/${gateway.id}/audit",
            "Origin of the audit log: first line of every checkpoint and the key name of its signature (docs/audit-log.md).");
    public static final ConfigKey<Integer> AUDIT_CHECKPOINT_SECONDS = ConfigKey.count(
            "gateway.audit.checkpoint.interval-seconds", "60",
            "A checkpoint is issued at the latest this many seconds after the previous one, if entries were appended.");
    public static final ConfigKey<Integer> AUDIT_CHECKPOINT_ENTRIES = ConfigKey.count(
            "gateway.audit.checkpoint.max-entries", "1000",
            "A checkpoint is issued as soon as this many entries were appended since the previous one.");
    public static final ConfigKey<String> AUDIT_TSA_URL = ConfigKey.text("gateway.audit.tsa.url", "embedded",
            "RFC 3161 time-stamping authority of checkpoints: 'embedded' (development TSA in this process) or an http(s) URL.");
    public static final ConfigKey<String> AUDIT_TSA_KEY = ConfigKey.text("gateway.audit.tsa.key", "certs/tsa",
            "Key and certificate of the embedded TSA (timeStamping EKU): a PEM pair prefix or a .p12 file.");

    /** Every key, in documentation order. */
    public static final List<ConfigKey<?>> KEYS = List.of(ID, DATA_DIR, STORE_MIN_FREE_SPACE, TRUST_DIR,
            DECRYPTION_KEYS, EVIDENCE_KEY, KEY_PASSWORD, PARTIES_FILE, HOST, REST_PORT, TLS_KEY, TLS_CLIENT_KEY,
            MAX_PACKAGE_SIZE, UPLOAD_TIMEOUT, MAX_CONCURRENT_UPLOADS, IDLE_TIMEOUT, REPLAY_MAX_AGE, REPLAY_MAX_SKEW,
            BROKER_URL, DELIVERY_ENABLED, DELIVERY_CONSUMERS, DELIVERY_INITIAL_RETRY_DELAY, DELIVERY_MAX_RETRY_DELAY,
            DELIVERY_MAX_ATTEMPTS, DELIVERY_TIMEOUT, CALLBACK_INITIAL_RETRY_DELAY, CALLBACK_MAX_RETRY_DELAY,
            CALLBACK_MAX_ATTEMPTS, CALLBACK_TIMEOUT, DB_URL, DB_USER, DB_PASSWORD, AUDIT_ORIGIN,
            AUDIT_CHECKPOINT_SECONDS, AUDIT_CHECKPOINT_ENTRIES, AUDIT_TSA_URL, AUDIT_TSA_KEY);

    private final Map<String, String> text;
    private final Map<ConfigKey<?>, Object> values = new HashMap<>();

    private GatewayConfig(Map<String, String> text) {
        this.text = text;
        for (ConfigKey<?> key : KEYS) {
            values.put(key, key.parse(resolve(key.name(), text.get(key.name()), 0)));
        }
    }

    /** Defaults overridden by {@code settings}; fails on the first unknown or invalid key. */
    public static GatewayConfig from(Map<String, String> settings) {
        Map<String, String> text = new LinkedHashMap<>();
        KEYS.forEach(k -> text.put(k.name(), k.defaultValue()));
        settings.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                if (!text.containsKey(name)) {
                    throw new CodedException(ErrorCode.CONFIG_INVALID, name, "no such key (see docs/configuration.md)");
                }
                text.put(name, value);
            }
        });
        return new GatewayConfig(text);
    }

    /** The settings of a properties file (UTF-8), for {@link #from}; later overrides win. */
    public static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(n -> settings.put(n, properties.getProperty(n).trim()));
        return settings;
    }

    /** The value of a key. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        return (T) values.get(key);
    }

    /** This configuration with some keys changed. */
    public GatewayConfig with(Map<String, String> overrides) {
        Map<String, String> changed = new LinkedHashMap<>(text);
        changed.putAll(overrides);
        return from(changed);
    }

    private String resolve(String name, String value, int depth) {
        if (depth > 8) {
            throw new CodedException(ErrorCode.CONFIG_INVALID, name, "references nest too deep (a cycle?)");
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String referenced = text.get(m.group(1));
            if (referenced == null) {
                throw new CodedException(ErrorCode.CONFIG_INVALID, name, "refers to unknown key " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1), referenced, depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
