package io.prescient.server.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} (and {@code Origin}) a request may name, against DNS rebinding and cross-site
 * requests: the bound address, loopback names when bound to loopback, and the names the operator
 * allows. Bound to a wildcard address with no names allowed, any host is accepted (the operator put
 * no name on it).
 */
final class HostPolicy {

    private final boolean anyHost;
    private final Set<String> allowed = new HashSet<>();

    HostPolicy(String boundHost, List<String> allowedHosts) {
        allowedHosts.forEach(h -> allowed.add(h.toLowerCase(Locale.ROOT)));
        String bound = boundHost.toLowerCase(Locale.ROOT);
        allowed.add(strip(bound));
        boolean wildcard;
        boolean loopback;
        try {
            InetAddress a = InetAddress.getByName(boundHost);
            wildcard = a.isAnyLocalAddress();
            loopback = a.isLoopbackAddress();
        } catch (UnknownHostException e) {
            wildcard = false;
            loopback = false;
        }
        if (loopback) {
            allowed.addAll(List.of("localhost", "127.0.0.1", "::1"));
        }
        this.anyHost = wildcard && allowedHosts.isEmpty();
    }

    /** Whether a request's {@code Host} header (with or without a port) names this server. */
    boolean allowsHost(String hostHeader) {
        if (anyHost) {
            return true;
        }
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        return allowed.contains(strip(withoutPort(hostHeader.trim().toLowerCase(Locale.ROOT))));
    }

    /** Whether an {@code Origin} header (absent: a request not made by a page) may send a request that changes something. */
    boolean allowsOrigin(String origin, String hostHeader) {
        if (origin == null) {
            return true;
        }
        try {
            URI u = URI.create(origin.trim());
            String host = u.getHost();
            if (host == null) {
                return false;
            }
            String authority = u.getAuthority().toLowerCase(Locale.ROOT);
            return authority.equals(hostHeader == null ? "" : hostHeader.trim().toLowerCase(Locale.ROOT))
                    || !anyHost && allowed.contains(strip(host.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }

    private static String strip(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
