package io.prescient.server.api;

/**
 * How the server listens and what it allows.
 *
 * @param host            address to bind (127.0.0.1 by default: put a proxy in front to expose it)
 * @param port            port (0: any free one)
 * @param token           bearer token mutating requests must carry
 * @param maxRequestBytes largest request body accepted
 * @param readsPerSecond  API reads a client may make a second (bursts of twice that)
 * @param writesPerSecond mutating and computing requests (what-if, accept, reject) a client may make a second
 * @param allowedHosts    names the {@code Host} header may carry besides the bound address (and, bound to
 *                        loopback, localhost): a proxy's public name; bound to a wildcard address with none
 *                        given, any
 */
public record ServerSettings(String host, int port, String token, long maxRequestBytes, double readsPerSecond, double writesPerSecond,
                             java.util.List<String> allowedHosts) {

    public ServerSettings(String host, int port, String token, long maxRequestBytes, double readsPerSecond, double writesPerSecond) {
        this(host, port, token, maxRequestBytes, readsPerSecond, writesPerSecond, java.util.List.of());
    }

    public ServerSettings {
        allowedHosts = java.util.List.copyOf(allowedHosts);
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("the API token must have at least 16 characters");
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("the request size limit must be at least 1024 bytes, got " + maxRequestBytes);
        }
    }
}
