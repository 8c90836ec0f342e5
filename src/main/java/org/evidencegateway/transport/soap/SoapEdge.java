package org.evidencegateway.transport.soap;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.receive.PackageQueries;
import org.evidencegateway.receive.PackageView;
import org.evidencegateway.receive.Receipt;
import org.evidencegateway.store.PackageEvent;
import org.evidencegateway.transport.ClientCertificates;
import org.evidencegateway.transport.Refusal;
import org.evidencegateway.transport.soap.v1.EvidenceStatement;
import org.evidencegateway.transport.soap.v1.GatewayFault;
import org.evidencegateway.transport.soap.v1.GatewayFaultDetail;
import org.evidencegateway.transport.soap.v1.GetPackageStatus;
import org.evidencegateway.transport.soap.v1.GetPackageStatusResponse;
import org.evidencegateway.transport.soap.v1.ObjectFactory;
import org.evidencegateway.transport.soap.v1.PackageStatus;
import org.evidencegateway.transport.soap.v1.SubmitPackage;
import org.evidencegateway.transport.soap.v1.SubmitPackageResponse;

/**
 * The SOAP API's side of each flow (docs/soap-api.md): takes the package attachment out of a SubmitPackage request,
 * renders receipts and package status as the contract's types, and refusals as SOAP 1.2 faults with a
 * {@code GatewayFault} detail carrying the error code and, for a refused submission, the signed rejection.
 */
public final class SoapEdge {
    private static final DatatypeFactory XML_TIME = DatatypeFactory.newDefaultInstance();
    private static final JAXBContext FAULT_DETAIL = faultDetailContext();

    private final PackageQueries queries;

    public SoapEdge(PackageQueries queries) {
        this.queries = queries;
    }

    /**
     * The package of a SubmitPackage request as a stream over its MTOM attachment (spooled by CXF to the attachment
     * folder, never read into memory), closed when the exchange completes. A request without a package gives an
     * empty stream, refused like an empty package.
     */
    public InputStream packageStream(Exchange exchange) throws IOException {
        DataHandler attachment = request(exchange, SubmitPackage.class).getPackage();
        InputStream in = attachment == null ? InputStream.nullInputStream() : attachment.getInputStream();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // The attachment's temporary file goes with the CXF message all the same.
                }
            }
        });
        return in;
    }

    public SubmitPackageResponse accepted(Receipt receipt) {
        SubmitPackageResponse response = new SubmitPackageResponse();
        response.setPackageId(receipt.packageId().toString());
        response.setStatus(status(receipt.status()));
        response.setReceivedAt(time(receipt.receivedAt()));
        response.setPackageSha256(receipt.packageSha256());
        response.setDuplicate(receipt.duplicate());
        response.setEvidence(statement(receipt.evidence().statement()));
        response.setSignedEvidence(receipt.evidence().signed());
        return response;
    }

    public GetPackageStatusResponse status(Exchange exchange) {
        String packageId = request(exchange, GetPackageStatus.class).getPackageId();
        PackageView view = queries.status(ClientCertificates.of(exchange), PackageQueries.packageId(packageId));
        GetPackageStatusResponse response = new GetPackageStatusResponse();
        response.setPackageId(view.packageId().toString());
        response.setStatus(status(view.status()));
        response.setReceivedAt(time(view.receivedAt()));
        response.setPackageSha256(view.packageSha256());
        response.setKind(view.kind());
        response.setCaseReference(view.caseReference());
        response.setSender(view.sender());
        response.setRecipient(view.recipient());
        GetPackageStatusResponse.Timeline timeline = new GetPackageStatusResponse.Timeline();
        for (PackageEvent event : view.timeline()) {
            org.evidencegateway.transport.soap.v1.PackageEvent step = new org.evidencegateway.transport.soap.v1.PackageEvent();
            step.setStatus(status(event.status()));
            step.setTime(time(event.time()));
            step.setDetail(event.detail());
            timeline.getEvent().add(step);
        }
        response.setTimeline(timeline);
        return response;
    }

    /**
     * The refusal as the fault CXF answers with: SOAP 1.2 code Sender or Receiver from the error code, and the
     * contract's {@code GatewayFault} as detail.
     */
    public Fault fault(Refusal refusal) {
        CodedException reason = refusal.reason();
        return new SoapFault(reason.toString(), new GatewayFault(reason.toString(), detail(refusal)),
                faultCode(reason.code()));
    }

    /**
     * The same fault for a request the SOAP stack refused before any operation was known: CXF cannot marshal the
     * declared {@code GatewayFault} then, so its detail is written here.
     */
    Fault requestFault(Refusal refusal, Throwable cause) {
        CodedException reason = refusal.reason();
        SoapFault fault = new SoapFault(reason.toString(), cause, faultCode(reason.code()));
        try {
            FAULT_DETAIL.createMarshaller().marshal(new ObjectFactory().createGatewayFault(detail(refusal)),
                    fault.getOrCreateDetail());
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the GatewayFault detail", e);
        }
        return fault;
    }

    private static GatewayFaultDetail detail(Refusal refusal) {
        CodedException reason = refusal.reason();
        GatewayFaultDetail detail = new GatewayFaultDetail();
        detail.setCode(reason.code().code());
        detail.setMessage(reason.getMessage());
        SignedEvidence rejection = refusal.evidence();
        if (rejection != null) {
            detail.setSignedEvidence(rejection.signed());
        }
        return detail;
    }

    private static JAXBContext faultDetailContext() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static QName faultCode(ErrorCode code) {
        return "Receiver".equals(code.soapFaultCode()) ? Soap12.getInstance().getReceiver()
                : Soap12.getInstance().getSender();
    }

    /** The request object of a POJO exchange (CXF hands over the operation's parameters as a list). */
    private static <T> T request(Exchange exchange, Class<T> type) {
        Object body = exchange.getIn().getBody();
        if (body instanceof List<?> parameters && parameters.size() == 1) {
            body = parameters.get(0);
        }
        return type.cast(body);
    }

    private static EvidenceStatement statement(Evidence evidence) {
        EvidenceStatement s = new EvidenceStatement();
        s.setEvidenceVersion(evidence.evidenceVersion());
        s.setEvidenceId(evidence.evidenceId().toString());
        s.setEvidenceType(evidence.evidenceType().id());
        s.setEventTime(time(evidence.eventTime()));
        s.setGatewayId(evidence.gatewayId());
        s.setPackageId(evidence.packageId() == null ? null : evidence.packageId().toString());
        s.setPackageSha256(evidence.packageSha256());
        s.setPackageSize(evidence.packageSize());
        s.setManifestSha256(evidence.manifestSha256());
        s.setSender(party(evidence.sender()));
        s.setRecipient(party(evidence.recipient()));
        s.setSubmitter(evidence.submitter());
        return s;
    }

    private static org.evidencegateway.transport.soap.v1.Party party(Party party) {
        if (party == null) {
            return null;
        }
        org.evidencegateway.transport.soap.v1.Party p = new org.evidencegateway.transport.soap.v1.Party();
        p.setCountry(party.country().name());
        p.setAgency(party.agency());
        return p;
    }

    private static PackageStatus status(org.evidencegateway.store.PackageStatus status) {
        return PackageStatus.fromValue(status.name());
    }

    private static XMLGregorianCalendar time(Instant instant) {
        return XML_TIME.newXMLGregorianCalendar(instant.toString());
    }
}
