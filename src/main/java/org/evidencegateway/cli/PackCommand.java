package org.evidencegateway.cli;

import org.evidencegateway.trust.KeyReferences;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.evidencegateway.archive.ArchiveWriter;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.crypto.DigestAlgorithm;
import org.evidencegateway.crypto.Signer;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Instrument;
import org.evidencegateway.manifest.Kind;
import org.evidencegateway.manifest.LegalBasis;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.manifest.Urgency;
import org.evidencegateway.pack.EvidenceFolder;
import org.evidencegateway.pack.PackageWriter;
import org.evidencegateway.trust.Pem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evgw pack}: a folder of evidence plus the manifest fields → one signed, encrypted package. */
@Command(name = "pack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build a package: every file under --evidence becomes an item (sized and SHA-256 hashed),",
                "the manifest is written from the options, the ZIP is signed by every --signer (CAdES-BES) and",
                "encrypted (AES-256-GCM by default) to every --recipient certificate.", "",
                "Example:",
                "  evgw pack --evidence ./evidence --kind EVIDENCE --from kz-mvd --to ua-pgo \\",
                "    --case-reference KZ-TEST-0001 --related <request id> --legal-basis KZ_UA_TREATY_2018 \\",
                "    --subject \"Subscriber records\" --signer certs/kz-mvd \\",
                "    --recipient certs/gateway-enc-rsa.crt.pem --out evidence.p7m", ""})
final class PackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--evidence", required = true, paramLabel = "DIR",
            description = "Folder whose files become the evidence items (evidence/<relative path>).")
    Path evidence;

    @Option(names = "--kind", required = true, description = "MLA_REQUEST, MLA_RESPONSE, EVIDENCE or NOTICE.")
    Kind kind;

    @Option(names = "--from", required = true, paramLabel = "AGENCY", description = "Sender agency id, e.g. ua-pgo.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "AGENCY", description = "Recipient agency id, e.g. kz-gpo.")
    String to;

    @Option(names = "--case-reference", required = true, paramLabel = "REF",
            description = "The sender's criminal-case / pre-trial register number.")
    String caseReference;

    @Option(names = "--subject", required = true, paramLabel = "TEXT", description = "What the package is about.")
    String subject;

    @Option(names = "--legal-basis", required = true, paramLabel = "INSTRUMENT",
            description = "KZ_UA_TREATY_2018, MINSK_CONVENTION_1993, CHISINAU_CONVENTION_2002 or OTHER.")
    String legalBasis;

    @Option(names = "--legal-basis-text", paramLabel = "TEXT", description = "Required with OTHER.")
    String legalBasisText;

    @Option(names = "--articles", paramLabel = "TEXT", description = "Articles of the instrument relied on.")
    String articles;

    @Option(names = "--related", paramLabel = "PACKAGE-ID",
            description = "The request this package answers (required for MLA_RESPONSE and EVIDENCE).")
    UUID related;

    @Option(names = "--urgent-reason", paramLabel = "TEXT", description = "Marks the package URGENT, with the reason.")
    String urgentReason;

    @Option(names = "--requested-by", paramLabel = "YYYY-MM-DD", description = "Date an URGENT answer is needed by.")
    LocalDate requestedBy;

    @Option(names = "--measure", paramLabel = "TEXT", description = "A requested measure (repeatable; MLA_REQUEST).")
    List<String> measures = new ArrayList<>();

    @Option(names = "--language", paramLabel = "TAG", split = ",", defaultValue = "en",
            description = "Languages of the content, BCP 47 (default: ${DEFAULT-VALUE}).")
    List<String> languages;

    @Option(names = "--package-id", paramLabel = "UUID", description = "Package id (default: a new random UUID).")
    UUID packageId;

    @Option(names = "--signer", required = true, paramLabel = "KEY",
            description = "Signing key: PEM pair prefix (KEY.crt.pem + KEY.key.pem) or .p12; repeatable.")
    List<String> signers;

    @Mixin
    P12Password p12Password;

    @Option(names = "--recipient", required = true, paramLabel = "CERT",
            description = "Certificate (PEM) to encrypt to: the gateway's, and optionally the case system's; repeatable.")
    List<Path> recipients;

    @Option(names = "--encryption", defaultValue = "aes-256-gcm", paramLabel = "ALG",
            description = "aes-256-gcm (default), aes-128-gcm, aes-256-cbc or aes-128-cbc.")
    String encryption;

    @Option(names = "--digest", defaultValue = "sha256", paramLabel = "ALG",
            description = "sha256 (default), sha384 or sha512.")
    String digest;

    @Option(names = "--deflate-level", defaultValue = "" + ArchiveWriter.DEFAULT_LEVEL, paramLabel = "0-9",
            description = "ZIP compression level (default: ${DEFAULT-VALUE}).")
    int deflateLevel;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The package file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        EvidenceFolder folder;
        Manifest manifest;
        List<Signer> signing;
        List<X509Certificate> encryptTo;
        try {
            err.printf("hashing evidence in %s ...%n", evidence);
            folder = EvidenceFolder.scan(evidence, null);
            manifest = manifest(folder);
            DigestAlgorithm digestAlgorithm = DigestAlgorithm.byId(digest);
            signing = signers.stream().map(s -> KeyReferences.load(s, p12Password.value).signer())
                    .map(s -> s.with(digestAlgorithm, s.scheme())).toList();
            encryptTo = new ArrayList<>();
            for (Path recipient : recipients) {
                encryptTo.addAll(Pem.readCertificates(recipient).subList(0, 1));
            }
        } catch (CodedException | IllegalArgumentException e) {
            err.println("cannot pack: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        PackageWriter.PackOptions options = new PackageWriter.PackOptions(ContentEncryption.byId(encryption),
                Instant.now(), deflateLevel);
        Sha256.HashingOutputStream written = write(manifest, folder, signing, encryptTo, options);
        spec.commandLine().getOut().printf("packed %s: %d items, %d bytes, SHA-256 %s%n", manifest.packageId(),
                manifest.items().size(), written.count(), written.hex());
        return CommandLine.ExitCode.OK;
    }

    /** Writes beside the target and renames, so a failure never leaves half a package under the real name. */
    private Sha256.HashingOutputStream write(Manifest manifest, EvidenceFolder folder, List<Signer> signing,
                                             List<X509Certificate> encryptTo, PackageWriter.PackOptions options)
            throws IOException {
        Path absolute = out.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Sha256.HashingOutputStream hashing;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            hashing = Sha256.hashing(file);
            new PackageWriter(options).write(hashing, manifest, folder.sources(), signing, encryptTo);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return hashing;
    }

    private Manifest manifest(EvidenceFolder folder) {
        Instrument instrument = Instrument.fromId(legalBasis);
        return Manifest.builder()
                .packageId(packageId == null ? UUID.randomUUID() : packageId)
                .kind(kind)
                .createdAt(Instant.now())
                .sender(party(from))
                .recipient(party(to))
                .caseReference(caseReference)
                .relatedPackageId(related)
                .legalBasis(new LegalBasis(instrument, articles, legalBasisText))
                .urgency(urgentReason == null ? Urgency.normal() : Urgency.urgent(urgentReason, requestedBy))
                .subject(subject)
                .requestedMeasures(measures)
                .languages(languages)
                .items(folder.items())
                .build();
    }

    private static Party party(String agency) {
        String prefix = agency.length() > 2 ? agency.substring(0, 2).toUpperCase(Locale.ROOT) : agency;
        try {
            return new Party(Country.valueOf(prefix), agency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agency id " + agency + " must start with ua- or kz-");
        }
    }
}
