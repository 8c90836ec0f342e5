package org.evidencegateway.pki;

import static org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth;
import static org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth;
import static org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping;
import static org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
import static org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;
import static org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment;
import static org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What the development PKI consists of: its roots and every party below them, by name. */
final class DevParties {
    static final String GW_OPERATOR = "Evidence Gateway Operator (DEVELOPMENT)";

    /** A root CA of a country or of the gateway operator; {@code code} is UA, KZ or GW. */
    record Root(String name, String code, KeyType keyType, X500Name subject) {
    }

    /** A certificate holder below {@code root}; {@code profile} adds its usages to the certificate. */
    record Party(String name, String root, KeyType keyType, X500Name subject, Instant from, Instant to,
                 UnaryOperator<CertificateBuilder> profile) {
    }

    /** An agency: its id, country and name. */
    private record Agency(String id, String country, String name, KeyType keyType) {
        String root() {
            return country.toLowerCase(Locale.ROOT) + "-root-ca";
        }

        X500Name subject(String cn) {
            return DistinguishedNames.of(country, name, id, cn);
        }
    }

    private static final List<Agency> AGENCIES = List.of(
            new Agency("ua-pgo", "UA", "Office of the Prosecutor General of Ukraine", KeyType.RSA_3072),
            new Agency("ua-npu", "UA", "National Police of Ukraine, Cyber Police Department", KeyType.EC_P256),
            new Agency("kz-gpo", "KZ", "General Prosecutor's Office of the Republic of Kazakhstan", KeyType.EC_P256),
            new Agency("kz-mvd", "KZ",
                    "Ministry of Internal Affairs of the Republic of Kazakhstan, Cybercrime Department",
                    KeyType.RSA_3072));
    private static final Agency UA_CASE = new Agency("ua-case", "UA", "Case Management System of Ukraine",
            KeyType.RSA_3072);
    private static final Agency KZ_CASE = new Agency("kz-case", "KZ", "Case Management System of Kazakhstan",
            KeyType.EC_P256);

    private final Instant now;
    private final Instant from;
    private final Instant tenYears;

    DevParties(Instant now) {
        this.now = now;
        this.from = now.minus(Duration.ofDays(7));
        this.tenYears = years(10);
    }

    List<Root> roots() {
        return List.of(
                new Root("ua-root-ca", "UA", KeyType.RSA_3072,
                        DistinguishedNames.of("UA", "Ukraine Evidence Exchange Root CA (DEVELOPMENT)", null,
                                "ua-root-ca")),
                new Root("kz-root-ca", "KZ", KeyType.EC_P256,
                        DistinguishedNames.of("KZ", "Kazakhstan Evidence Exchange Root CA (DEVELOPMENT)", null,
                                "kz-root-ca")),
                new Root("gw-root-ca", "GW", KeyType.EC_P256,
                        DistinguishedNames.of(null, GW_OPERATOR, null, "gw-root-ca")));
    }

    /** Roots are backdated two years so that every certificate below, the expired one too, nests inside them. */
    Instant rootFrom() {
        return years(-2);
    }

    /** Twenty years of validity in all. */
    Instant rootTo() {
        return years(18);
    }

    /** Dev CRLs stay current for ten years so that the committed set keeps working; production CRLs are short. */
    Instant crlNextUpdate() {
        return years(10);
    }

    List<Party> parties() {
        List<Party> parties = new ArrayList<>();
        for (Agency a : AGENCIES) {
            parties.add(signing(a, a.id(), from, tenYears));
        }
        Agency npu = AGENCIES.get(1);
        Agency mvd = AGENCIES.get(3);
        parties.add(signing(npu, "ua-npu-revoked", from, tenYears));
        parties.add(signing(mvd, "kz-mvd-expired", years(-1), now.minus(Duration.ofDays(30))));

        parties.add(gateway("gateway", KeyType.EC_P256, b -> b.keyUsage(digitalSignature | nonRepudiation)));
        parties.add(gateway("gateway-enc-rsa", KeyType.RSA_3072, b -> b.keyUsage(keyEncipherment)));
        parties.add(gateway("gateway-enc-ec", KeyType.EC_P384, b -> b.keyUsage(keyAgreement)));
        parties.add(gateway("auditor", KeyType.EC_P256, b -> b.keyUsage(digitalSignature | nonRepudiation)));
        parties.add(gateway("tsa", KeyType.RSA_3072,
                b -> b.keyUsage(digitalSignature | nonRepudiation).extendedKeyUsage(true, id_kp_timeStamping)));

        parties.add(party(UA_CASE, "ua-case", b -> b.keyUsage(keyEncipherment | digitalSignature)));
        parties.add(party(KZ_CASE, "kz-case", b -> b.keyUsage(keyAgreement | digitalSignature)));

        parties.add(gateway("gateway-tls", KeyType.EC_P256, b -> tls(b, KeyType.EC_P256, true, false)));
        for (Agency a : AGENCIES) {
            parties.add(party(a, a.id() + "-tls", b -> tls(b, a.keyType(), false, true)));
        }
        parties.add(party(UA_CASE, "ua-case-tls", b -> tls(b, UA_CASE.keyType(), true, true)));
        parties.add(party(KZ_CASE, "kz-case-tls", b -> tls(b, KZ_CASE.keyType(), true, true)));
        parties.add(gateway("auditor-tls", KeyType.EC_P256, b -> tls(b, KeyType.EC_P256, false, true)));
        parties.add(gateway("operator-tls", KeyType.EC_P256, b -> tls(b, KeyType.EC_P256, false, true)));
        return parties;
    }

    private Party signing(Agency a, String name, Instant validFrom, Instant validTo) {
        return new Party(name, a.root(), a.keyType(), a.subject(name + " signing"), validFrom, validTo,
                b -> b.keyUsage(digitalSignature | nonRepudiation));
    }

    private Party party(Agency a, String name, UnaryOperator<CertificateBuilder> profile) {
        return new Party(name, a.root(), a.keyType(), a.subject(name), from, tenYears, profile);
    }

    private Party gateway(String name, KeyType keyType, UnaryOperator<CertificateBuilder> profile) {
        return new Party(name, "gw-root-ca", keyType, DistinguishedNames.of(null, GW_OPERATOR, null, name),
                from, tenYears, profile);
    }

    /** TLS: digitalSignature (RSA also keyEncipherment), serverAuth with localhost names and/or clientAuth. */
    private static CertificateBuilder tls(CertificateBuilder b, KeyType keyType, boolean server, boolean client) {
        List<KeyPurposeId> purposes = new ArrayList<>();
        if (server) {
            purposes.add(id_kp_serverAuth);
            b.dnsNames("localhost").ipAddresses("127.0.0.1");
        }
        if (client) {
            purposes.add(id_kp_clientAuth);
        }
        int usage = keyType == KeyType.RSA_3072 ? digitalSignature | keyEncipherment : digitalSignature;
        return b.keyUsage(usage).extendedKeyUsage(false, purposes.toArray(new KeyPurposeId[0]));
    }

    /** {@code n} calendar years from now, in UTC. */
    private Instant years(int n) {
        return now.atOffset(ZoneOffset.UTC).plusYears(n).toInstant();
    }
}
