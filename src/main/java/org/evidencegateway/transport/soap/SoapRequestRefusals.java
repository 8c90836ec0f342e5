package org.evidencegateway.transport.soap;

import java.security.cert.X509Certificate;
import javax.xml.namespace.QName;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.transport.ClientCertificates;
import org.evidencegateway.transport.IngestEdge;
import org.evidencegateway.transport.Refusal;
import org.evidencegateway.transport.soap.v1.GatewayFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives the refusals the SOAP stack makes by itself — XML that does not parse, a DTD, XML beyond the endpoint's
 * limits, an unknown operation — what every other refusal has: a stable code ({@code EGW-REQ-006}, or
 * {@code EGW-INT-001} for a fault on our side), an audit entry, a signed rejection for a registered client, and a
 * {@code GatewayFault} detail. Runs on the fault-out chain; a fault the routes made already is left as it is.
 */
public final class SoapRequestRefusals extends AbstractPhaseInterceptor<Message> {
    private static final Logger LOG = LoggerFactory.getLogger(SoapRequestRefusals.class);

    private final IngestEdge ingest;
    private final SoapEdge edge;

    public SoapRequestRefusals(IngestEdge ingest, SoapEdge edge) {
        super(Phase.PRE_LOGICAL);
        this.ingest = ingest;
        this.edge = edge;
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || fault.getCause() instanceof GatewayFault) {
            return;
        }
        CodedException reason = bySender(fault.getFaultCode())
                ? new CodedException(ErrorCode.REQ_MALFORMED, fault.getMessage())
                : new CodedException(ErrorCode.INTERNAL, fault, fault.getMessage());
        X509Certificate client = ClientCertificates.of(message.getExchange().getInMessage());
        Refusal refusal = ingest.refuseRequest(client, reason);
        message.setContent(Exception.class, edge.requestFault(refusal, fault));
        log(client, reason);
    }

    /** One line, with the MDC keys of docs/operations.md (this worker thread may hold a former request's). */
    private static void log(X509Certificate client, CodedException reason) {
        String who = client == null ? "an unknown client" : client.getSubjectX500Principal().getName();
        try {
            MDC.remove(IngestEdge.MDC_PACKAGE_ID);
            MDC.put(IngestEdge.MDC_SUBMITTER, who);
            MDC.put(IngestEdge.MDC_CODE, reason.code().code());
            LOG.info("refused SOAP request from {}: {} {}", who, reason.code().code(), reason.getMessage());
        } finally {
            MDC.remove(IngestEdge.MDC_SUBMITTER);
            MDC.remove(IngestEdge.MDC_CODE);
        }
    }

    /** CXF marks faults caused by the request with the client code (SOAP 1.2: Sender). */
    private static boolean bySender(QName code) {
        return code != null && ("client".equalsIgnoreCase(code.getLocalPart())
                || "Sender".equals(code.getLocalPart()));
    }
}
