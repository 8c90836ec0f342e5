package org.evidencegateway.trust;

import static org.evidencegateway.error.ErrorCode.KEY_UNAVAILABLE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.evidencegateway.error.KeyMaterialException;

/**
 * The root certificates each country or operator ({@code UA}, {@code KZ}, {@code GW}) is trusted through, and the
 * CRLs known for their certificates.
 *
 * <p>A certificate speaks for a country only if it chains to that country's roots; roots of one country never
 * vouch for another. Immutable.
 */
public final class TrustAnchors {
    /** File name ending of a root in a certs directory: {@code ua-root-ca.crt.pem} is a root of {@code UA}. */
    public static final String ROOT_SUFFIX = "-root-ca.crt.pem";
    /** File name ending of a PEM CRL in a certs directory. */
    public static final String CRL_SUFFIX = ".crl.pem";

    private final Map<String, List<X509Certificate>> roots;
    private final List<X509CRL> crls;

    private TrustAnchors(Map<String, List<X509Certificate>> roots, List<X509CRL> crls) {
        this.roots = Map.copyOf(roots);
        this.crls = List.copyOf(crls);
    }

    /** An empty builder, for configuration code and tests. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads every {@code <code>-root-ca.crt.pem} in {@code dir} as a root of country {@code <CODE>} and every
     * {@code *.crl.pem} as a CRL.
     */
    public static TrustAnchors load(Path dir) {
        Builder builder = builder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(ROOT_SUFFIX)) {
                    String country = name.substring(0, name.length() - ROOT_SUFFIX.length());
                    Pem.readCertificates(file).forEach(root -> builder.root(country, root));
                } else if (name.endsWith(CRL_SUFFIX)) {
                    builder.crl(Pem.readCrl(file));
                }
            }
        } catch (IOException e) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, e, "trust anchors", dir, e.getMessage());
        }
        if (builder.roots.isEmpty()) {
            throw new KeyMaterialException(KEY_UNAVAILABLE, "trust anchors", dir, "no *" + ROOT_SUFFIX + " file");
        }
        return builder.build();
    }

    /** The roots of a country or operator code (case-insensitive); empty if none is configured. */
    public List<X509Certificate> roots(String country) {
        return roots.getOrDefault(normalize(country), List.of());
    }

    /** The codes that have roots, upper case. */
    public Set<String> countries() {
        return roots.keySet();
    }

    /** All known CRLs, of any issuer. */
    public List<X509CRL> crls() {
        return crls;
    }

    private static String normalize(String country) {
        return country.toUpperCase(Locale.ROOT);
    }

    /** Collects roots and CRLs. */
    public static final class Builder {
        private final Map<String, List<X509Certificate>> roots = new LinkedHashMap<>();
        private final List<X509CRL> crls = new ArrayList<>();

        private Builder() {
        }

        /** Adds a root certificate for a country or operator code. */
        public Builder root(String country, X509Certificate root) {
            roots.computeIfAbsent(normalize(country), c -> new ArrayList<>()).add(root);
            return this;
        }

        /** Adds a CRL (of a root or of any CA below it). */
        public Builder crl(X509CRL crl) {
            crls.add(crl);
            return this;
        }

        public TrustAnchors build() {
            Map<String, List<X509Certificate>> copy = new LinkedHashMap<>();
            roots.forEach((country, list) -> copy.put(country, List.copyOf(list)));
            return new TrustAnchors(copy, crls);
        }
    }
}
