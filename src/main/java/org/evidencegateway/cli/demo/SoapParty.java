package org.evidencegateway.cli.demo;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.evidencegateway.deliver.DeliveryTls;
import org.evidencegateway.transport.soap.SoapEndpoint;
import org.evidencegateway.transport.soap.v1.EvidenceGatewayPortType;
import org.evidencegateway.transport.soap.v1.EvidenceGatewayService;
import org.evidencegateway.transport.soap.v1.GatewayFault;
import org.evidencegateway.transport.soap.v1.SubmitPackage;
import org.evidencegateway.transport.soap.v1.SubmitPackageResponse;
import org.evidencegateway.trust.TrustAnchors;

/**
 * An agency's system submitting to the gateway's SOAP API (docs/soap-api.md): {@code SubmitPackage} with the
 * package as an MTOM attachment streamed from its file, over mutual TLS with the agency's TLS client key.
 */
final class SoapParty {
    private final DemoNetwork network;
    private final SSLContext tls;

    SoapParty(String party, DemoNetwork network, TrustAnchors anchors) {
        this.network = network;
        this.tls = DeliveryTls.context(network.setup().key(party + "-tls.p12"), DemoSetup.PASSWORD, anchors);
    }

    /** Submits {@code pkg}; a {@code GatewayFault} becomes a refused answer with its code and signed rejection. */
    Answer submit(Path pkg) {
        EvidenceGatewayPortType port = port();
        try {
            SubmitPackage request = new SubmitPackage();
            request.setPackage(new DataHandler(new FileDataSource(pkg.toFile())));
            SubmitPackageResponse response = port.submitPackage(request);
            return Answer.accepted(response.getPackageId(), response.getStatus().value(),
                    response.getSignedEvidence());
        } catch (GatewayFault fault) {
            return Answer.refused(fault.getFaultInfo().getCode(), fault.getFaultInfo().getMessage(),
                    fault.getFaultInfo().getSignedEvidence());
        } finally {
            ClientProxy.getClient(port).destroy();
        }
    }

    private EvidenceGatewayPortType port() {
        EvidenceGatewayPortType port = new EvidenceGatewayService().getEvidenceGatewayPort();
        BindingProvider binding = (BindingProvider) port;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                network.gatewayUrl(SoapEndpoint.PATH).toString());
        ((SOAPBinding) binding.getBinding()).setMTOMEnabled(true);
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        TLSClientParameters parameters = new TLSClientParameters();
        parameters.setSslContext(tls);
        conduit.setTlsClientParameters(parameters);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(10_000);
        policy.setReceiveTimeout(120_000);
        // Stream the attachment instead of buffering the whole request to compute a Content-Length.
        policy.setAllowChunking(true);
        conduit.setClient(policy);
        return port;
    }
}
