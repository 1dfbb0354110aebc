package org.gaplab.server.safety;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may open the training socket, and who a socket counts as. A browser's page may use it only from GapLab's own
 * origin or one the server allows ({@code --allowed-origins}, and the origins of {@code --frame-ancestors}), so a
 * page on another site cannot use its visitors' browsers to take the class's slots; a client without an
 * {@code Origin} header is not a browser and is let through (the per-client cap bounds it). A socket counts against
 * its client address ({@link #client}): the peer, or, when the peer is a trusted proxy, the last address in
 * {@code X-Forwarded-For} that is not one; an IPv6 client by its /64.
 */
public final class Clients {
    private final Set<String> allowed = new HashSet<>();
    private final List<AddressRange> proxies = new ArrayList<>();

    public Clients(GuardedSettings settings) {
        settings.allowedOrigins().forEach(origin -> allowed.add(normalize(origin).orElseThrow()));
        for (String source : settings.frameAncestors().split("\\s+")) normalize(source).ifPresent(allowed::add);
        settings.trustedProxies().forEach(proxy -> proxies.add(AddressRange.parse(proxy).orElseThrow()));
    }

    /** Whether a page of this origin may open the socket on this host ({@code Host}, as the browser addressed it). */
    public boolean allowsOrigin(String origin, String host) {
        if (origin == null) return true;
        Optional<String> normalized = normalize(origin);
        if (normalized.isEmpty()) return false;   // "null" (a sandboxed frame, a file) or garbage
        if (allowed.contains(normalized.get())) return true;
        if (host == null) return false;
        URI page = URI.create(normalized.get());
        return sameAuthority(page, host.trim());
    }

    /**
     * Whether a request that changes something (a class made) comes from GapLab's own page on this host: a browser
     * says where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}), and another site's page, image or
     * form may not act with its visitors' quotas. A request without either is not a browser's and is let through.
     */
    public static boolean fromOwnPage(String origin, String fetchSite, String host) {
        if (fetchSite != null && !fetchSite.equals("same-origin")) return false;
        if (origin == null) return true;
        Optional<String> normalized = normalize(origin);
        return normalized.isPresent() && host != null && sameAuthority(URI.create(normalized.get()), host.trim());
    }

    /** Whether a peer's own address is a proxy whose forwarding headers are believed. */
    public boolean isTrustedProxy(InetAddress peer) {
        return proxies.stream().anyMatch(range -> range.contains(peer));
    }

    /** The same for a peer as the transport writes it; one that does not parse is never trusted (fail closed). */
    public boolean isTrustedProxy(String peer) {
        return AddressRange.literal(peer).map(this::isTrustedProxy).orElse(false);
    }

    /**
     * The client a request counts against, from its peer (as the transport writes it) and every
     * {@code X-Forwarded-For} line in order (a proxy that appends a line, as HAProxy does, leaves the client's own
     * line first: the lines are one list). Read from the right: the last hop that is not a trusted proxy is the
     * client. An IPv6 client is its /64, the block one household or school gets, so one network is not a thousand
     * clients; a peer that does not parse is a client of its own, never a proxy.
     */
    public String client(String peer, List<String> forwardedFor) {
        Optional<InetAddress> address = AddressRange.literal(peer);
        if (address.isEmpty()) return "unparsed " + peer;
        InetAddress client = address.get();
        if (isTrustedProxy(client) && forwardedFor != null && !forwardedFor.isEmpty()) {
            String[] hops = String.join(",", forwardedFor).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = AddressRange.literal(hops[i]);
                if (hop.isEmpty()) break;              // garbage from further out is not believed
                client = hop.get();
                if (!isTrustedProxy(client)) break;
            }
        }
        return key(client);
    }

    /** How limits name a client: an IPv4 address, or an IPv6 address's /64 ("2001:db8:1:2::/64"). */
    static String key(InetAddress address) {
        if (!(address instanceof java.net.Inet6Address) || address.isLoopbackAddress()) return address.getHostAddress();
        byte[] bytes = address.getAddress();
        java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress().replaceFirst("(:0)+$", "::") + "/64";
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);   // 16 bytes are always an address
        }
    }

    /** Whether a text is an origin: http(s), a host, an optional port, nothing else. */
    public static boolean isOrigin(String text) {
        return normalize(text).isPresent();
    }

    /** "scheme://host:port" in lower case with the port always written, or empty when it is not an origin. */
    static Optional<String> normalize(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether the page's origin names the host the socket was opened on (a TLS proxy in front changes only the scheme). */
    private static boolean sameAuthority(URI page, String host) {
        try {
            URI addressed = new URI(page.getScheme() + "://" + host);
            if (addressed.getHost() == null || !addressed.getHost().equalsIgnoreCase(page.getHost())) return false;
            int port = addressed.getPort() >= 0 ? addressed.getPort() : page.getPort();
            return port == page.getPort();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
