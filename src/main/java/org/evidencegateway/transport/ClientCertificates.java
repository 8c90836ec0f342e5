package org.evidencegateway.transport;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.message.Message;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;

/** The TLS client certificate of the request an exchange came from (REST or SOAP, both served by CXF). */
public final class ClientCertificates {
    private ClientCertificates() {
    }

    public static X509Certificate of(Exchange exchange) {
        X509Certificate leaf = of(exchange.getIn().getHeader(CxfConstants.CAMEL_CXF_MESSAGE, Message.class));
        if (leaf == null) {
            // The TLS layer requires a client certificate, so this means a misconfigured listener.
            throw new CodedException(ErrorCode.AUTH_UNKNOWN_CLIENT, "(none presented)");
        }
        return leaf;
    }

    /** The client certificate of the request {@code message} belongs to, or null if there is none. */
    public static X509Certificate of(Message message) {
        TLSSessionInfo tls = message == null ? null : message.get(TLSSessionInfo.class);
        Certificate[] peer = tls == null ? null : tls.getPeerCertificates();
        return peer != null && peer.length > 0 && peer[0] instanceof X509Certificate leaf ? leaf : null;
    }
}
