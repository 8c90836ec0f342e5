package org.evidencegateway.party;

import java.net.URI;
import java.util.Objects;

/**
 * Where a party wants to be told of the evidences the gateway signs about its packages (docs/rest-api.md, Callbacks).
 *
 * @param url absolute {@code https} URL the gateway POSTs each evidence to
 */
public record Callback(URI url) {
    public Callback {
        Objects.requireNonNull(url, "url");
    }
}
