package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code openssl cms} command lines the benchmarks compare the gateway with: decrypting a package, then verifying
 * its SignedData against the sender country's root and CRL — the work the gateway does on ingest.
 */
final class OpenSslCms {
    private OpenSslCms() {
    }

    /** {@code openssl cms -decrypt} of {@code pkg} with the PEM pair {@code <keyPrefix>.crt.pem/.key.pem}. */
    static List<String> decrypt(String openssl, Path pkg, Path keyPrefix, Path signedOut) {
        return List.of(openssl, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", pkg.toString(),
                "-recip", keyPrefix + ".crt.pem", "-inkey", keyPrefix + ".key.pem", "-out", signedOut.toString());
    }

    /**
     * {@code openssl cms -verify} of a SignedData against {@code rootWithCrl} with CRL checking, judged at
     * {@code at} (now if null; a test PKI whose CRLs are current at its own fixed time needs that time).
     */
    static List<String> verify(String openssl, Path signed, Path rootWithCrl, Instant at, Path contentOut) {
        List<String> command = new ArrayList<>(List.of(openssl, "cms", "-verify", "-binary", "-inform", "DER",
                "-in", signed.toString(), "-CAfile", rootWithCrl.toString(), "-crl_check"));
        if (at != null) {
            command.addAll(List.of("-attime", Long.toString(at.getEpochSecond())));
        }
        command.addAll(List.of("-out", contentOut.toString()));
        return command;
    }

    /**
     * OpenSSL 3.0's {@code cms} has no {@code -CRLfile}: it reads CRLs from the {@code -CAfile} alongside roots.
     * Writes {@code <dir>/<country>-root-ca.crt.pem} and its CRL from {@code certs} into one file, returned.
     */
    static Path rootWithCrl(Path certs, String country, Path dir) throws IOException {
        Path file = dir.resolve(country + "-root-ca-with-crl.pem");
        Files.writeString(file, Files.readString(certs.resolve(country + "-root-ca.crt.pem"))
                + Files.readString(certs.resolve(country + "-root-ca.crl.pem")));
        return file;
    }
}
