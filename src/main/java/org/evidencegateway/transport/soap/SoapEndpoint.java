package org.evidencegateway.transport.soap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.staxutils.StaxUtils;
import org.evidencegateway.transport.soap.v1.EvidenceGatewayPortType;

/**
 * The CXF endpoint of the SOAP API (docs/soap-api.md): our WSDL, the contract types generated from it (POJO mode),
 * MTOM, and limits on both the XML and the attachments, so that no request can make the gateway hold more than a
 * few kilobytes of XML or any package in memory.
 */
public final class SoapEndpoint {
    /** Where the endpoint listens, below the HTTPS listener's root; {@code ?wsdl} serves the contract. */
    public static final String PATH = "/soap/v1/gateway";
    /** The WSDL on the class path; it imports the schema beside it. */
    public static final String WSDL = "classpath:org/evidencegateway/transport/soap/evidence-gateway.wsdl";
    /** Target namespace of the contract. */
    public static final String NAMESPACE = "urn:evidence-gateway:soap:v1";

    /** Attachments larger than this go to a temporary file, never the heap. */
    static final long ATTACHMENT_MEMORY_THRESHOLD = 64 * 1024;

    /**
     * Limits on the XML of a request. Requests are a few elements deep and the package travels as an attachment, so
     * these are generous for honest clients and small for an attacker. Inline base64 (MTOM not used) is bounded by
     * the text length: packages larger than about 3 MiB must come as attachments.
     */
    static final Map<String, Object> XML_LIMITS = Map.of(
            StaxUtils.MAX_ELEMENT_DEPTH, 32,
            StaxUtils.MAX_CHILD_ELEMENTS, 64,
            StaxUtils.MAX_ATTRIBUTE_COUNT, 32,
            StaxUtils.MAX_ATTRIBUTE_SIZE, 8 * 1024,
            StaxUtils.MAX_TEXT_LENGTH, 4 * 1024 * 1024,
            StaxUtils.MAX_ELEMENT_COUNT, 1_000L,
            StaxUtils.MAX_XML_CHARACTERS, 5L * 1024 * 1024);

    private SoapEndpoint() {
    }

    /**
     * Builds the endpoint on {@code bus}, the bus whose HTTPS engine already serves the REST API: both share one
     * port and one TLS configuration, so a client without a registered certificate is refused at the handshake.
     *
     * @param root            the listener's root, {@code https://host:port}
     * @param attachmentDir   where attachments above the memory threshold are spooled (created if missing)
     * @param maxPackageSize  the largest attachment accepted
     * @param refusals        gives the SOAP stack's own refusals a code, an audit entry and a GatewayFault
     */
    public static CxfEndpoint create(CamelContext context, Bus bus, String root, Path attachmentDir,
                                     long maxPackageSize, SoapRequestRefusals refusals) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(context);
        endpoint.setBus(bus);
        endpoint.setAddress(root + PATH);
        endpoint.setWsdlURL(WSDL);
        endpoint.setServiceClass(EvidenceGatewayPortType.class);
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "EvidenceGatewayService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "EvidenceGatewayPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setMtomEnabled(true);
        Map<String, Object> properties = new LinkedHashMap<>(XML_LIMITS);
        properties.put(AttachmentDeserializer.ATTACHMENT_DIRECTORY, directory(attachmentDir).toString());
        properties.put(AttachmentDeserializer.ATTACHMENT_MEMORY_THRESHOLD, ATTACHMENT_MEMORY_THRESHOLD);
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_SIZE, maxPackageSize);
        endpoint.setProperties(properties);
        endpoint.getOutFaultInterceptors().add(refusals);
        return endpoint;
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
