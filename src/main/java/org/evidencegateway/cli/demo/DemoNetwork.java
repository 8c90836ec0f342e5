package org.evidencegateway.cli.demo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evidencegateway.casesystem.CaseSystemServer;
import org.evidencegateway.cli.CaseSystemCommand;
import org.evidencegateway.config.GatewayConfig;
import org.evidencegateway.runtime.Gateway;

/**
 * Everything the demo runs on loopback, in this process: the gateway ({@code evgw run}) on the development
 * configuration with a fresh data folder, and the reference receivers ({@code evgw case-system}) of ua-case (REST)
 * and kz-case (SOAP), each of which can be stopped and started again.
 */
final class DemoNetwork implements AutoCloseable {
    private final DemoSetup setup;
    private final Narrator narrator;
    private final Map<String, CaseSystemServer> caseSystems = new LinkedHashMap<>();
    private Gateway gateway;

    private DemoNetwork(DemoSetup setup, Narrator narrator) {
        this.setup = setup;
        this.narrator = narrator;
    }

    /** Writes the demo's registry and starts the gateway and both case systems. */
    static DemoNetwork start(DemoSetup setup, Narrator narrator) throws Exception {
        DemoNetwork network = new DemoNetwork(setup, narrator);
        try {
            DemoParties.write(setup.config().resolveSibling("parties.yaml"), setup.certs(), setup.ports(),
                    setup.parties());
            network.startGateway();
            network.startCaseSystem(DemoParties.UA_CASE);
            network.startCaseSystem(DemoParties.KZ_CASE);
            return network;
        } catch (Exception | Error e) {
            network.close();
            throw e;
        }
    }

    private void startGateway() throws Exception {
        narrator.command("evgw run --config " + setup.config() + " --set gateway.data-dir=" + setup.dir().resolve(
                "gateway") + " --set gateway.parties-file=" + setup.parties() + " ...");
        gateway = Gateway.create(setup.config(), setup.gatewaySettings(), Clock.systemUTC()).start();
        narrator.say("gateway %s listening at %s (REST %s, SOAP %s)", gateway.config().get(GatewayConfig.ID), gatewayUrl(""), "/api/v1", "/soap/v1/gateway");
    }

    /** Starts (again) the reference receiver of {@code id}, storing under the demo folder. */
    void startCaseSystem(String id) throws Exception {
        narrator.command("evgw case-system --party " + id + " --parties " + setup.parties() + " --store "
                + setup.store(id) + " ...");
        StringWriter said = new StringWriter();
        caseSystems.put(id, CaseSystemCommand.start(new PrintWriter(said, true), setup.caseSystemArguments(id)));
        said.toString().lines().forEach(line -> narrator.say("%s", line));
    }

    /** Stops the reference receiver of {@code id}: its port refuses connections until it is started again. */
    void stopCaseSystem(String id) {
        CaseSystemServer server = caseSystems.remove(id);
        if (server != null) {
            server.close();
        }
    }

    /** {@code https://127.0.0.1:<port><path>} on the gateway's listener. */
    URI gatewayUrl(String path) {
        return URI.create("https://127.0.0.1:" + setup.ports().gateway() + path);
    }

    /** {@code http://127.0.0.1:<port><path>} on the gateway's management server. */
    URI managementUrl(String path) {
        return URI.create("http://127.0.0.1:" + setup.ports().management() + path);
    }

    /** Where case system {@code id} stores the package {@code packageId}. */
    Path stored(String caseSystem, String packageId) {
        return setup.store(caseSystem).resolve(packageId);
    }

    DemoSetup setup() {
        return setup;
    }

    @Override
    public void close() throws Exception {
        caseSystems.keySet().stream().toList().forEach(this::stopCaseSystem);
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }
}
