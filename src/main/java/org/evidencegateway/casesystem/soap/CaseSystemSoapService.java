package org.evidencegateway.casesystem.soap;

import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.evidencegateway.casesystem.Delivered;
import org.evidencegateway.casesystem.DeliveryAcknowledgement;
import org.evidencegateway.casesystem.DeliveryMetadata;
import org.evidencegateway.casesystem.DeliveryReceiver;
import org.evidencegateway.casesystem.Refusals;
import org.evidencegateway.casesystem.soap.v1.CaseSystemPortType;
import org.evidencegateway.casesystem.soap.v1.DeliveryFault;
import org.evidencegateway.casesystem.soap.v1.DeliveryFaultDetail;
import org.evidencegateway.casesystem.soap.v1.ReceivePackage;
import org.evidencegateway.casesystem.soap.v1.ReceivePackageResponse;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;

/**
 * The reference receiver's SOAP edge (case-system.wsdl): the MTOM attachment and request elements in, the
 * acknowledgement or a SOAP 1.2 fault out — {@code Sender} for a permanent refusal, {@code Receiver} for one worth
 * retrying — with a {@code DeliveryFault} detail carrying the error code.
 */
public final class CaseSystemSoapService implements CaseSystemPortType {
    private static final DatatypeFactory XML_TIME = DatatypeFactory.newDefaultInstance();

    private final DeliveryReceiver receiver;

    public CaseSystemSoapService(DeliveryReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public ReceivePackageResponse receivePackage(ReceivePackage request) throws DeliveryFault {
        try {
            DeliveryMetadata metadata = DeliveryMetadata.of(request.getPackageId(), request.getSender(),
                    request.getRecipient(), request.getKind(), request.getCaseReference());
            Delivered delivered;
            // The attachment is spooled by CXF to a temporary file above its memory threshold, never held whole.
            try (InputStream in = attachment(request.getPackage())) {
                delivered = receiver.receive(metadata, in);
            }
            return response(delivered);
        } catch (IOException | RuntimeException e) {
            throw fault(Refusals.coded(e instanceof IOException io
                    ? new CodedException(ErrorCode.IO_STORAGE, io, io.getMessage()) : e));
        }
    }

    private static InputStream attachment(DataHandler attachment) throws IOException {
        return attachment == null ? InputStream.nullInputStream() : attachment.getInputStream();
    }

    private static ReceivePackageResponse response(Delivered delivered) {
        DeliveryAcknowledgement ack = delivered.acknowledgement().statement();
        ReceivePackageResponse response = new ReceivePackageResponse();
        response.setPackageId(ack.packageId().toString());
        response.setDuplicate(delivered.duplicate());
        response.setReceivedAt(XML_TIME.newXMLGregorianCalendar(
                GregorianCalendar.from(ack.receivedAt().atZone(java.time.ZoneOffset.UTC))));
        response.setPackageSha256(ack.packageSha256());
        response.setSignedAcknowledgement(delivered.acknowledgement().signed());
        return response;
    }

    private static SoapFault fault(CodedException reason) {
        DeliveryFaultDetail detail = new DeliveryFaultDetail();
        detail.setCode(reason.code().code());
        detail.setMessage(reason.getMessage());
        QName code = "Receiver".equals(reason.code().soapFaultCode()) ? Soap12.getInstance().getReceiver()
                : Soap12.getInstance().getSender();
        return new SoapFault(reason.toString(), new DeliveryFault(reason.toString(), detail), code);
    }
}
