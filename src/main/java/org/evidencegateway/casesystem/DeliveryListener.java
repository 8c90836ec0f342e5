package org.evidencegateway.casesystem;

/**
 * Told of every package the receiver stores for the first time — after it is stored whole, before the delivery is
 * answered — where a case system hands a new package on to its own case management. Repeated deliveries of a stored
 * package are not told again. Called on the delivery's thread, holding no lock of the receiver.
 */
@FunctionalInterface
public interface DeliveryListener {
    /** Listens to nothing. */
    DeliveryListener NONE = (metadata, acknowledgement) -> {
    };

    /**
     * The package {@code metadata} names (its claims now checked against the signed manifest) is stored, with
     * {@code acknowledgement}. An exception thrown here is answered as the receiver's own failure (transient: the
     * gateway retries, and the retry is absorbed as a repeated delivery).
     */
    void stored(DeliveryMetadata metadata, SignedAcknowledgement acknowledgement);
}
