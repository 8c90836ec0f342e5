package org.evidencegateway.party;

/** How the gateway hands packages over to a case system. */
public enum DeliveryProtocol {
    REST,
    SOAP
}
