package org.evidencegateway.interop;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.ManifestCodec;
import org.evidencegateway.manifest.TestManifests;
import org.evidencegateway.open.DirectoryItemSink;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.open.PackageOpener;
import org.evidencegateway.open.SignerReport;
import org.evidencegateway.open.VerificationReport;
import org.evidencegateway.pack.EvidenceFolder;
import org.evidencegateway.pack.PackageWriter;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.PemKeySource;
import org.evidencegateway.trust.TrustAnchors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the package format against stock OpenSSL 3 rather than against our own code: packages built by the
 * partner recipe (docs/examples/openssl-package.sh, the script docs/partner-guide.md shows) open in the gateway, and
 * packages the gateway writes decrypt and verify with {@code openssl cms}.
 *
 * <p>Uses the committed development PKI in certs/ on purpose: it is what a partner trying the recipe has, and
 * OpenSSL needs the keys as files.
 */
class OpenSslInteropTest {
    private static final Path CERTS = Path.of("certs");
    private static final Path RECIPE = Path.of("docs", "examples", "openssl-package.sh");
    private static final String PACKAGE_ID = "00000000-0000-4000-8000-00000000e201";

    private final PemKeySource keys = new PemKeySource(CERTS);

    @TempDir
    Path dir;

    @Test
    void open_acceptsPackageBuiltWithOpenSslRecipe_gcmRsaRecipient() throws IOException {
        assertRecipePackageOpens("kz-gpo", "gateway-enc-rsa", "gcm", ContentEncryption.AES_256_GCM);
    }

    @Test
    void open_acceptsPackageBuiltWithOpenSslRecipe_gcmEcRecipient() throws IOException {
        assertRecipePackageOpens("ua-pgo", "gateway-enc-ec", "gcm", ContentEncryption.AES_256_GCM);
    }

    @Test
    void open_acceptsPackageBuiltWithOpenSslRecipe_cbcRsaRecipient() throws IOException {
        assertRecipePackageOpens("ua-pgo", "gateway-enc-rsa", "cbc", ContentEncryption.AES_256_CBC);
    }

    @Test
    void open_acceptsPackageBuiltWithOpenSslRecipe_cbcEcRecipient() throws IOException {
        assertRecipePackageOpens("kz-gpo", "gateway-enc-ec", "cbc", ContentEncryption.AES_256_CBC);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway-enc-rsa", "gateway-enc-ec"})
    void packageWriterOutput_decryptsWithOpenSsl_andVerifiesAgainstCountryRoot(String recipientId) throws IOException {
        // Given a package written by the gateway: kz-gpo signs, encrypted to one gateway key
        Map<String, byte[]> files = writeEvidence(dir.resolve("evidence"));
        EvidenceFolder folder = EvidenceFolder.scan(dir.resolve("evidence"), null);
        Manifest manifest = TestManifests.evidence(folder.items());
        Path pkg = dir.resolve("gateway.p7m");
        try (OutputStream out = Files.newOutputStream(pkg)) {
            new PackageWriter(PackageWriter.PackOptions.defaults(Instant.now())).write(out, manifest,
                    folder.sources(), List.of(keys.credential("kz-gpo").signer()),
                    List.of(keys.credential(recipientId).certificate()));
        }
        Path signed = dir.resolve("signed.der");
        Path zip = dir.resolve("content.zip");
        Path kzRootAndCrl = dir.resolve("kz-root-ca+crl.pem");
        Files.writeString(kzRootAndCrl, Files.readString(CERTS.resolve("kz-root-ca.crt.pem"))
                + Files.readString(CERTS.resolve("kz-root-ca.crl.pem")));

        // When OpenSSL decrypts it with the gateway key and verifies it against the Kazakh root and its CRL
        ExternalTool.openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", pkg.toString(),
                "-recip", cert(recipientId), "-inkey", key(recipientId), "-out", signed.toString()).requireSuccess();
        ExternalTool.Result verify = ExternalTool.openssl("cms", "-verify", "-binary", "-inform", "DER",
                "-in", signed.toString(), "-CAfile", kzRootAndCrl.toString(), "-crl_check",
                "-out", zip.toString()).requireSuccess();
        ExternalTool.Result wrongCountry = ExternalTool.openssl("cms", "-verify", "-binary", "-inform", "DER",
                "-in", signed.toString(), "-CAfile", cert("ua-root-ca"), "-out", dir.resolve("no.zip").toString());

        // Then the signature holds for the KZ root only, and the content is the ZIP with the manifest and every item
        assertThat(verify.output()).contains("Verification successful");
        assertThat(wrongCountry.exitCode()).as(wrongCountry.output()).isNotZero();
        byte[] zipBytes = Files.readAllBytes(zip);
        assertThat(new String(zipBytes, ISO_8859_1)).startsWith("PK\3\4").contains("manifest.json")
                .contains(files.keySet());
        Map<String, byte[]> entries = unzip(zipBytes);
        assertThat(entries.keySet()).first().isEqualTo("manifest.json");
        assertThat(entries.get("manifest.json")).isEqualTo(new ManifestCodec().write(manifest));
        entries.remove("manifest.json");
        assertThat(entries).containsOnlyKeys(files.keySet());
        files.forEach((path, content) -> assertThat(entries.get(path)).as(path).isEqualTo(content));
    }

    /** Runs the partner recipe, opens its output with the gateway's certs/ policy and checks the report. */
    private void assertRecipePackageOpens(String signerId, String recipientId, String mode,
                                          ContentEncryption expected) throws IOException {
        // Given an evidence folder and the recipe's package of it, signed by an agency and encrypted to the gateway
        Map<String, byte[]> files = writeEvidence(dir.resolve("evidence"));
        Path pkg = dir.resolve("partner.p7m");
        ExternalTool.bash(manifestValues(signerId), RECIPE, dir.resolve("evidence").toString(), cert(signerId),
                key(signerId), cert(recipientId), mode, pkg.toString()).requireSuccess();
        Credential gatewayKey = keys.credential(recipientId);
        OpeningPolicy policy = OpeningPolicy.of(List.of(keys.credential("gateway-enc-rsa").recipientKey(),
                keys.credential("gateway-enc-ec").recipientKey()), TrustAnchors.load(CERTS));
        DirectoryItemSink sink = new DirectoryItemSink(Files.createDirectory(dir.resolve("opened")),
                new ObjectMapper().registerModule(new JavaTimeModule()));

        // When the gateway opens it
        VerificationReport report;
        try (InputStream in = Files.newInputStream(pkg)) {
            report = new PackageOpener(policy).open(in, sink);
        }

        // Then it names the algorithm, our key, the one signer, and holds exactly the files, byte for byte
        assertThat(report.encryption()).isEqualTo(expected.id());
        assertThat(report.openedWith()).isEqualTo(gatewayKey.certificate().getSubjectX500Principal().getName());
        assertThat(report.packageBytes()).isEqualTo(Files.size(pkg));
        assertThat(report.signers()).singleElement().satisfies(signer -> {
            assertThat(signer.agency()).isEqualTo(signerId);
            assertThat(signer.country()).isEqualTo(country(signerId));
            assertThat(signer.digest()).isEqualTo("sha256");
        });
        assertThat(report.manifest().packageId()).hasToString(PACKAGE_ID);
        assertThat(report.manifest().items()).extracting(Item::path).containsExactlyElementsOf(files.keySet());
        assertThat(report.itemBytes()).isEqualTo(files.values().stream().mapToLong(b -> b.length).sum());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(sink.committedFolder().resolve(file.getKey())).as(file.getKey()).hasBinaryContent(file.getValue());
        }
    }

    /** Synthetic evidence, in the byte order the recipe lists it: text, an empty file, and every byte value. */
    private static Map<String, byte[]> writeEvidence(Path folder) throws IOException {
        byte[] binary = new byte[70_000];
        new Random(20300115).nextBytes(binary);
        for (int i = 0; i < 256; i++) {
            binary[i] = (byte) i;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("evidence/call-records.csv", "time,from,to\n2030-01-10T08:00:00Z,TEST-A,TEST-B\n".getBytes(UTF_8));
        files.put("evidence/disk/sector-dump.bin", binary);
        files.put("evidence/disk/unallocated.bin", new byte[0]);
        files.put("evidence/report.txt", "Synthetic examination report (test)\n".repeat(50).getBytes(UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey().substring("evidence/".length()));
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return files;
    }

    /** The recipe's manifest values: an EVIDENCE package from the signer's agency to the other country. */
    private static Map<String, String> manifestValues(String signerId) {
        String sender = country(signerId);
        String recipient = "UA".equals(sender) ? "KZ" : "UA";
        return Map.of(
                "EGW_PACKAGE_ID", PACKAGE_ID,
                "EGW_SENDER_COUNTRY", sender,
                "EGW_SENDER_AGENCY", signerId,
                "EGW_RECIPIENT_COUNTRY", recipient,
                "EGW_RECIPIENT_AGENCY", "UA".equals(recipient) ? "ua-pgo" : "kz-gpo",
                "EGW_CASE_REFERENCE", "TEST-" + sender + "-0000-0201",
                "EGW_RELATED_PACKAGE_ID", TestManifests.REQUEST_ID.toString(),
                "EGW_SUBJECT", "Synthetic evidence built with the \"OpenSSL\" recipe (test)");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String country(String agency) {
        return agency.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
    }

    private static String cert(String id) {
        return CERTS.resolve(id + ".crt.pem").toString();
    }

    private static String key(String id) {
        return CERTS.resolve(id + ".key.pem").toString();
    }
}
