package org.evidencegateway.runtime;

import org.apache.camel.support.service.ServiceSupport;

/** Ties something that must be closed (database pool, broker, connections) to the Camel context's shutdown. */
final class Closing extends ServiceSupport {
    private final String name;
    private final AutoCloseable resource;

    Closing(String name, AutoCloseable resource) {
        this.name = name;
        this.resource = resource;
    }

    @Override
    protected void doStop() throws Exception {
        resource.close();
    }

    @Override
    public String toString() {
        return "closing " + name;
    }
}
