package org.evidencegateway.cli.demo;

import java.util.UUID;

/** The demo's last words: where to look at what just happened, with the demo's own addresses and folders. */
final class NextSteps {
    private final Narrator narrator;
    private final DemoNetwork network;

    NextSteps(Narrator narrator, DemoNetwork network) {
        this.narrator = narrator;
        this.network = network;
    }

    void tell(UUID request) {
        DemoSetup setup = network.setup();
        narrator.step("Where to look next (the servers stay up only with --keep-running)");
        narrator.say("status API     %s  (mutual TLS, e.g.:)", network.gatewayUrl("/api/v1/packages/" + request));
        narrator.say("  curl --cert %s --key %s --cacert %s %s", setup.key("ua-pgo-tls.crt.pem"),
                setup.key("ua-pgo-tls.key.pem"), setup.key("gw-root-ca.crt.pem"),
                network.gatewayUrl("/api/v1/packages/" + request + "/evidences"));
        narrator.say("OpenAPI        %s", network.gatewayUrl("/api/v1/openapi.yaml"));
        narrator.say("WSDL           %s", network.gatewayUrl("/soap/v1/gateway?wsdl"));
        narrator.say("metrics        %s   health %s", network.managementUrl("/observe/metrics"),
                network.managementUrl("/observe/health"));
        narrator.say("ua-case stored %s/<package id>/ (package.p7m, acknowledgement.p7s, content/)",
                setup.store(DemoParties.UA_CASE));
        narrator.say("kz-case stored %s/<package id>/", setup.store(DemoParties.KZ_CASE));
        narrator.say("packages sent  %s   gateway data %s", setup.dir().resolve("packages"),
                setup.dir().resolve("gateway"));
        narrator.say("audit export   %s", setup.dir().resolve("audit-export"));
        narrator.say("docs           docs/architecture.md, docs/auditor-guide.md, docs/operations.md");
    }
}
