package org.evidencegateway.store;

import java.time.Instant;

/** One step of a package's timeline. */
public record PackageEvent(PackageStatus status, Instant time, String detail) {
}
