package org.evidencegateway.cli.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.evidencegateway.evidence.EvidenceVerifier;
import org.evidencegateway.trust.SignerCertificateValidator;
import org.evidencegateway.trust.TrustAnchors;

/**
 * The story that motivates the gateway, told for real on loopback (synthetic data only): Ukraine's prosecutors ask
 * Kazakhstan for subscriber data; Kazakhstan's police send the evidence and its prosecutors answer; a tampered
 * package and a revoked signer are refused; a case system that is down receives its package once it is back; the
 * audit log is exported and verified independently.
 */
final class DemoStory {
    private final Narrator narrator;
    private final DemoNetwork network;
    private final DemoPackages packages;
    private final Exchanges exchanges;
    private final TrustAnchors anchors;

    DemoStory(Narrator narrator, DemoNetwork network) throws Exception {
        this.narrator = narrator;
        this.network = network;
        this.packages = new DemoPackages(network.setup());
        this.anchors = TrustAnchors.load(network.setup().certs());
        this.exchanges = new Exchanges(narrator, network, new EvidenceVerifier(
                new SignerCertificateValidator(anchors, Clock.systemUTC())));
    }

    /** Plays every step; a step that fails is told and counted, and the story goes on where it can. */
    void play() throws Exception {
        UUID request = request();
        evidence(request);
        response(request);
        refusals(request);
        UUID notice = caseSystemOffline(request);
        new AuditFinale(narrator, network.setup()).play(notice);
        new NextSteps(narrator, network).tell(request);
    }

    private UUID request() throws Exception {
        narrator.step("1. ua-pgo -> kz-gpo: MLA REQUEST over REST (URGENT, legal basis KZ_UA_TREATY_2018)");
        DemoPackages.Built pkg = packages.request();
        narrator.say("Office of the Prosecutor General of Ukraine asks for subscriber data of three Kazakh numbers");
        narrator.say("found in databases seized at a fraud call centre; signed with certs/ua-pgo, encrypted to the");
        narrator.say("gateway, sent with ua-pgo's TLS client key: POST %s", network.gatewayUrl("/api/v1/packages"));
        RestParty uaPgo = rest("ua-pgo");
        if (exchanges.accepted(pkg, uaPgo.submit(pkg.file()))) {
            exchanges.delivered(uaPgo, pkg, DemoParties.KZ_CASE);
        }
        return pkg.packageId();
    }

    private void evidence(UUID request) throws Exception {
        narrator.step("2. kz-mvd -> ua-pgo: EVIDENCE over SOAP (MTOM), related to the request");
        DemoPackages.Built pkg = packages.evidence(request);
        narrator.say("Kazakhstan's MVD sends subscriber records (CSV), its report, and a %d MiB disk-image",
                network.setup().imageBytes() >> 20);
        narrator.say("stand-in with its SHA-256: %d bytes in all, SubmitPackage at %s", pkg.size(),
                network.gatewayUrl("/soap/v1/gateway"));
        if (exchanges.accepted(pkg, new SoapParty("kz-mvd", network, anchors).submit(pkg.file()))) {
            exchanges.delivered(rest("kz-mvd"), pkg, DemoParties.UA_CASE);
        }
    }

    private void response(UUID request) throws Exception {
        narrator.step("3. kz-gpo -> ua-pgo: MLA RESPONSE over REST, referring to request " + request);
        DemoPackages.Built pkg = packages.response(request);
        RestParty kzGpo = rest("kz-gpo");
        if (exchanges.accepted(pkg, kzGpo.submit(pkg.file()))) {
            exchanges.delivered(kzGpo, pkg, DemoParties.UA_CASE);
        }
    }

    private void refusals(UUID request) throws Exception {
        narrator.step("4a. kz-gpo -> ua-pgo: a package with one bit changed on the way is refused");
        exchanges.refused(rest("kz-gpo").submit(packages.tampered(request).file()), "EGW-ENC-003");
        narrator.step("4b. ua-npu -> kz-gpo: a package signed with ua-npu's revoked certificate is refused");
        exchanges.refused(rest("ua-npu").submit(packages.revoked().file()), "EGW-TRUST-003");
        narrator.say("nothing of either package was stored or queued; both refusals are in the audit log");
    }

    private UUID caseSystemOffline(UUID request) throws Exception {
        narrator.step("5. ua-pgo -> kz-gpo: a NOTICE while kz-case is offline; delivered once it is back");
        network.stopCaseSystem(DemoParties.KZ_CASE);
        narrator.say("kz-case stopped: its port refuses connections");
        DemoPackages.Built pkg = packages.notice(request);
        RestParty uaPgo = rest("ua-pgo");
        if (exchanges.accepted(pkg, uaPgo.submit(pkg.file()))) {
            DeliveryMetrics metrics = new DeliveryMetrics(network.managementUrl("/observe/metrics"));
            long retries = metrics.awaitRetries(DemoParties.KZ_CASE, 2, Duration.ofSeconds(60));
            narrator.check(retries >= 2, "delivery failed " + retries + " times and is retried by the broker "
                    + "(metric evgw_deliveries_total{destination=\"kz-case\",outcome=\"retry\"})");
            narrator.say("status meanwhile: %s", uaPgo.status(pkg.packageId().toString()).path("status").asText());
            network.startCaseSystem(DemoParties.KZ_CASE);
            exchanges.delivered(uaPgo, pkg, DemoParties.KZ_CASE);
        } else {
            network.startCaseSystem(DemoParties.KZ_CASE);
        }
        return pkg.packageId();
    }

    private RestParty rest(String party) {
        return new RestParty(party, network, anchors);
    }
}
