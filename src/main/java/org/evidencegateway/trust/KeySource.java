package org.evidencegateway.trust;

import java.util.List;

/**
 * The one place where the gateway and the CLI obtain private keys, so that a PKCS#11/HSM source can replace the file
 * based ones without touching callers.
 *
 * <p>Contract: {@link #credential(String)} never returns {@code null}; a missing, unreadable or inconsistent key
 * (private key not matching its certificate) is a {@link org.evidencegateway.error.KeyMaterialException} with code
 * {@code KEY_UNAVAILABLE} that names the id and the file or slot it was looked up in. Implementations are thread-safe
 * and may read their store on every call; callers that need a key often keep the returned {@link Credential}.
 * A source holds no open resources the caller must close.
 */
public interface KeySource {

    /** The credential known by {@code id}, its chain ending with the root. */
    Credential credential(String id);

    /** Ids of all credentials this source can return, sorted; empty if none. */
    List<String> ids();
}
