package org.gaplab.server.safety;

import java.util.List;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;

/**
 * The server settings the safety room reads. The settings live in the room above ({@code server.options}, which
 * checks its option values with this room's address and origin rules), so this room names only what it needs and the
 * settings implement it: imports run one way.
 */
public interface GuardedSettings {
    /** The address the server listens on: a host name requests may carry. */
    String host();

    /** Epochs a run may ask for. */
    int maxEpochs();

    /** The largest client message, in bytes. */
    int maxMessageBytes();

    /** Matrix products' backend for the runs the server trains. */
    Backend backend();

    /** What the server's runs compute in. */
    Precision precision();

    /** Origins besides the page's own whose pages may open the socket. */
    List<String> allowedOrigins();

    /** Origins allowed to embed the page, space separated (CSP sources). */
    String frameAncestors();

    /** Proxies whose X-Forwarded-For names the client: addresses or CIDR ranges. */
    List<String> trustedProxies();

    /** Host names requests may carry besides IP literals, localhost and the host (DNS rebinding). */
    List<String> publicHosts();
}
