package org.evidencegateway.runtime;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.evidencegateway.receive.ClaimCheck;

/**
 * One consumer route per case system of the party registry, on its queue {@code evgw.deliver.<id>}, handing every
 * claim check to the delivery flow ({@code direct:deliver}, routes/delivery.camel.yaml). Built in Java because the
 * destinations come from the registry (sjms2 has no wildcard consumer). The session is transacted: a failure
 * travels back here, is logged by {@code deliveryEdge.failed} (one line for a transient failure, a stack trace for
 * anything else) and thrown on: the message is rolled back, and the broker redelivers it with its backoff.
 */
final class DeliveryConsumers extends RouteBuilder {
    private final List<String> destinations;
    private final int concurrentConsumers;

    DeliveryConsumers(List<String> destinations, int concurrentConsumers) {
        this.destinations = List.copyOf(destinations);
        this.concurrentConsumers = concurrentConsumers;
    }

    @Override
    public void configure() {
        for (String destination : destinations) {
            from("sjms2:queue:" + ClaimCheck.queueFor(destination) + "?transacted=true&concurrentConsumers="
                    + concurrentConsumers)
                    .routeId("deliver-from-" + destination)
                    .errorHandler(noErrorHandler())
                    .doTry()
                        .to("direct:deliver")
                    .doCatch(Exception.class)
                        .bean("deliveryEdge", "failed")
                    .end();
        }
    }
}
