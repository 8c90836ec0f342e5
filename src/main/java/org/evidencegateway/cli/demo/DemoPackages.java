package org.evidencegateway.cli.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Instrument;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Kind;
import org.evidencegateway.manifest.LegalBasis;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.manifest.Urgency;
import org.evidencegateway.pack.EvidenceFolder;
import org.evidencegateway.pack.PackageWriter;
import org.evidencegateway.trust.KeyReferences;
import org.evidencegateway.trust.Pem;

/**
 * The demo's packages, built as a partner builds them ({@link PackageWriter}: ZIP with manifest, signed by the
 * sending agency with its key from the development PKI, encrypted to the gateway). Every value is made up: names,
 * numbers and case references (which say DEMO) alike.
 */
final class DemoPackages {
    /** What was written: the package file, its id and its SHA-256 as the sender computed it. */
    record Built(Path file, UUID packageId, String sha256, long size) {
    }

    private static final String UA_CASE_REFERENCE = "UA-DEMO-2026-000042";
    private static final String KZ_CASE_REFERENCE = "KZ-DEMO-2026-000007";
    private static final LegalBasis TREATY = new LegalBasis(Instrument.KZ_UA_TREATY_2018, null, null);

    private final DemoSetup setup;
    private final X509Certificate gateway;

    DemoPackages(DemoSetup setup) throws IOException {
        this.setup = setup;
        this.gateway = Pem.readCertificates(setup.key("gateway-enc-rsa.crt.pem")).get(0);
        Files.createDirectories(setup.dir().resolve("packages"));
    }

    /** ua-pgo asks kz-gpo for subscriber data of Kazakh numbers found at the call centre; URGENT. */
    Built request() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("request-letter.txt", "Office of the Prosecutor General of Ukraine, case " + UA_CASE_REFERENCE
                + ".\nRequest for mutual legal assistance under the 2018 treaty between Ukraine and Kazakhstan.\n"
                + "Databases seized at a fraud call centre list these Kazakh numbers as used to call victims:\n"
                + String.join("\n", numbers()) + "\nSYNTHETIC DEMO DATA.\n");
        return pack("request", Kind.MLA_REQUEST, "ua-pgo", "ua-pgo", "kz-gpo", UA_CASE_REFERENCE, null,
                Urgency.urgent("Victims' money is still being moved through these numbers; operators keep "
                        + "registration records for a limited time", LocalDate.now(ZoneOffset.UTC).plusDays(14)),
                "Subscriber data for Kazakh phone numbers found at a fraud call centre",
                List.of("Identify the subscribers of the listed numbers, with the dates their SIM cards were "
                        + "registered and the identity documents presented"), List.of("uk", "ru"), files);
    }

    /** kz-mvd sends what it found: subscriber records, its report and a hashed disk-image stand-in. */
    Built evidence(UUID request) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("msisdn,imsi,registered_on,document\n");
        List<String> numbers = numbers();
        for (int i = 0; i < numbers.size(); i++) {
            csv.append(numbers.get(i)).append(",40101000000000").append(i + 1).append(",2025-0").append(i + 1)
                    .append("-15,DEMO-ID-").append(1000 + i).append('\n');
        }
        files.put("subscribers.csv", csv.toString());
        files.put("report.txt", "Ministry of Internal Affairs of Kazakhstan, Cybercrime Department.\nReport on the "
                + "execution of request " + request + ": subscriber records attached; the registration terminal's "
                + "disk was imaged, image attached with its SHA-256.\nSYNTHETIC DEMO DATA.\n");
        return pack("evidence", Kind.EVIDENCE, "kz-mvd", "kz-mvd", "ua-pgo", KZ_CASE_REFERENCE, request,
                Urgency.normal(), "Subscriber records and disk image for request " + request, List.of(),
                List.of("ru", "en"), files);
    }

    /** kz-gpo answers the request. */
    Built response(UUID request) throws IOException {
        return pack("response", Kind.MLA_RESPONSE, "kz-gpo", "kz-gpo", "ua-pgo", KZ_CASE_REFERENCE, request,
                Urgency.normal(), "Response to the request for subscriber data", List.of(), List.of("ru"),
                Map.of("response-letter.txt", "General Prosecutor's Office of Kazakhstan: request " + request
                        + " executed in full; the evidence was sent by the Ministry of Internal Affairs.\n"
                        + "SYNTHETIC DEMO DATA.\n"));
    }

    /** ua-pgo acknowledges the response: a notice to kz-gpo. */
    Built notice(UUID request) throws IOException {
        return pack("notice", Kind.NOTICE, "ua-pgo", "ua-pgo", "kz-gpo", UA_CASE_REFERENCE, request,
                Urgency.normal(), "Acknowledgement: response and evidence received", List.of(), List.of("uk"),
                Map.of("acknowledgement.txt", "Received with thanks. SYNTHETIC DEMO DATA.\n"));
    }

    /** A valid package from kz-gpo with one bit of its ciphertext flipped, as if changed on the way. */
    Built tampered(UUID request) throws IOException {
        Built valid = pack("tampered", Kind.MLA_RESPONSE, "kz-gpo", "kz-gpo", "ua-pgo", KZ_CASE_REFERENCE, request,
                Urgency.normal(), "Response (a copy changed on the way)", List.of(), List.of("ru"),
                Map.of("response-letter.txt", "This copy is changed by one bit. SYNTHETIC DEMO DATA.\n"));
        try (RandomAccessFile raf = new RandomAccessFile(valid.file().toFile(), "rw")) {
            long at = raf.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 1);
        }
        return valid;
    }

    /** ua-npu signs with the certificate its CA revoked (keyCompromise). */
    Built revoked() throws IOException {
        return pack("revoked", Kind.MLA_REQUEST, "ua-npu", "ua-npu-revoked", "kz-gpo", "UA-DEMO-NPU-000013", null,
                Urgency.normal(), "Request signed with a revoked key", List.of("Identify one subscriber"),
                List.of("uk"), Map.of("request-letter.txt", "Signed with a revoked key. SYNTHETIC DEMO DATA.\n"));
    }

    private Built pack(String name, Kind kind, String from, String signer, String to, String caseReference,
                       UUID related, Urgency urgency, String subject, List<String> measures,
                       List<String> languages, Map<String, String> texts) throws IOException {
        Path content = Files.createDirectories(setup.dir().resolve("content").resolve(name));
        List<Item> items = new ArrayList<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (Map.Entry<String, String> text : texts.entrySet()) {
            Path file = Files.writeString(content.resolve(text.getKey()), text.getValue(), StandardCharsets.UTF_8);
            add(items, sources, file, "Synthetic " + text.getKey());
        }
        if (kind == Kind.EVIDENCE) {
            Path image = diskImage(content);
            Item imaged = add(items, sources, image, "Disk-image stand-in of the registration terminal (random bytes)");
            add(items, sources, Files.writeString(content.resolve(image.getFileName() + ".sha256"),
                    imaged.sha256() + "  " + image.getFileName() + "\n"), "SHA-256 of the image as taken");
        }
        Manifest manifest = Manifest.builder().packageId(UUID.randomUUID()).kind(kind).createdAt(Instant.now())
                .sender(party(from)).recipient(party(to)).caseReference(caseReference).relatedPackageId(related)
                .legalBasis(TREATY).urgency(urgency).subject(subject).requestedMeasures(measures)
                .languages(languages).items(items).build();
        Path out = setup.dir().resolve("packages").resolve(name + ".p7m");
        Sha256.HashingOutputStream hashing;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            hashing = Sha256.hashing(file);
            new PackageWriter(PackageWriter.PackOptions.defaults(Instant.now())).write(hashing, manifest, sources,
                    List.of(KeyReferences.load(setup.key(signer).toString(), DemoSetup.PASSWORD).signer()),
                    List.of(gateway));
        }
        return new Built(out, manifest.packageId(), hashing.hex(), hashing.count());
    }

    private static Item add(List<Item> items, Map<String, Path> sources, Path file, String description)
            throws IOException {
        String path = "evidence/" + file.getFileName();
        Item item = EvidenceFolder.describe(file, path, description);
        items.add(item);
        sources.put(path, file);
        return item;
    }

    private Path diskImage(Path folder) throws IOException {
        Path image = folder.resolve("terminal-disk.img");
        Random random = new Random(2026);
        byte[] block = new byte[1 << 16];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(image))) {
            for (long left = setup.imageBytes(); left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return image;
    }

    private static List<String> numbers() {
        return List.of("+77000000101", "+77000000102", "+77000000103");
    }

    private static Party party(String agency) {
        return new Party(agency.startsWith("ua-") ? Country.UA : Country.KZ, agency);
    }
}
