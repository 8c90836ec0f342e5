package org.evidencegateway.deliver;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.interceptor.Soap12FaultInInterceptor;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.ClientFaultConverter;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.evidencegateway.casesystem.soap.v1.CaseSystemPortType;
import org.evidencegateway.casesystem.soap.v1.CaseSystemService;
import org.evidencegateway.casesystem.soap.v1.DeliveryFault;
import org.evidencegateway.casesystem.soap.v1.ReceivePackage;
import org.evidencegateway.receive.ClaimCheck;

/**
 * The SOAP delivery contract: {@code ReceivePackage} (case-system.wsdl) with the package as an MTOM attachment,
 * over mutual TLS. A {@code DeliveryFault} with the fault code {@code Sender} is a permanent refusal; every other
 * fault, a timeout or a connection failure is retried.
 */
public final class SoapCaseSystemClient implements CaseSystemClient {
    private CaseSystemService service;
    private final SSLContext tls;
    private final Duration timeout;

    /** @param timeout longest time one attempt may take to send the package and get the answer */
    public SoapCaseSystemClient(SSLContext tls, Duration timeout) {
        this.tls = tls;
        this.timeout = timeout;
    }

    @Override
    public DeliveryOutcome deliver(Reenveloped pkg) {
        DeliveryAttempt attempt = pkg.attempt();
        AtomicReference<QName> faultCode = new AtomicReference<>();
        CaseSystemPortType port = port(attempt, faultCode);
        try {
            return DeliveryOutcome.delivered(attempt, port.receivePackage(request(pkg)).getSignedAcknowledgement());
        } catch (DeliveryFault fault) {
            if (faultCode.get() != null && "Sender".equals(faultCode.get().getLocalPart())) {
                return DeliveryOutcome.refused(attempt, fault.getFaultInfo().getCode(), fault.getFaultInfo().getMessage());
            }
            throw TransientDeliveryException.unavailable(attempt.caseSystem().id(), "ReceivePackage at "
                    + endpoint(attempt) + ": fault " + faultCode.get() + " " + fault.getFaultInfo().getCode() + " "
                    + fault.getFaultInfo().getMessage(), fault);
        } catch (WebServiceException e) {
            throw TransientDeliveryException.unavailable(attempt.caseSystem().id(), "ReceivePackage at "
                    + endpoint(attempt) + ": " + e, e);
        } finally {
            ClientProxy.getClient(port).destroy();
        }
    }

    private static ReceivePackage request(Reenveloped pkg) {
        ClaimCheck check = pkg.attempt().check();
        ReceivePackage request = new ReceivePackage();
        request.setPackageId(check.packageId().toString());
        request.setSender(check.sender());
        request.setRecipient(check.recipient());
        request.setKind(check.kind());
        request.setCaseReference(check.caseReference());
        request.setPackage(new DataHandler(new FileDataSource(pkg.file().toFile())));
        return request;
    }

    /** A port for one delivery: endpoint, MTOM, TLS, timeouts, and a record of the SOAP fault code if one comes. */
    private CaseSystemPortType port(DeliveryAttempt attempt, AtomicReference<QName> faultCode) {
        CaseSystemPortType port = service().getCaseSystemPort();
        BindingProvider provider = (BindingProvider) port;
        provider.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpoint(attempt));
        ((SOAPBinding) provider.getBinding()).setMTOMEnabled(true);
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        TLSClientParameters parameters = new TLSClientParameters();
        parameters.setSslContext(tls);
        conduit.setTlsClientParameters(parameters);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(30_000);
        policy.setReceiveTimeout(timeout.toMillis());
        // Stream the attachment instead of buffering the whole request to compute a Content-Length.
        policy.setAllowChunking(true);
        conduit.setClient(policy);
        client.getInFaultInterceptors().add(new FaultCodeRecorder(faultCode));
        return port;
    }

    /**
     * The service (its WSDL read once), made at the first delivery: made at start-up, before the gateway's own CXF
     * bus, it would make the process's default bus a client bus of its own.
     */
    private synchronized CaseSystemService service() {
        if (service == null) {
            service = new CaseSystemService();
        }
        return service;
    }

    private static String endpoint(DeliveryAttempt attempt) {
        return attempt.caseSystem().delivery().endpoint().toString();
    }

    /** Keeps the SOAP 1.2 fault code, which the generated exception does not carry, before CXF converts the fault. */
    private static final class FaultCodeRecorder extends AbstractPhaseInterceptor<Message> {
        private final AtomicReference<QName> faultCode;

        FaultCodeRecorder(AtomicReference<QName> faultCode) {
            super(Phase.UNMARSHAL);
            addAfter(Soap12FaultInInterceptor.class.getName());
            addBefore(ClientFaultConverter.class.getName());
            this.faultCode = faultCode;
        }

        @Override
        public void handleMessage(Message message) {
            if (message.getContent(Exception.class) instanceof SoapFault fault) {
                faultCode.set(fault.getFaultCode());
            }
        }
    }
}
