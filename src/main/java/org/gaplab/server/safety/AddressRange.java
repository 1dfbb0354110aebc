package org.gaplab.server.safety;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IP address or a CIDR range of them ("10.0.0.0/8", "::1"), written as literals: never a name to look up. */
public record AddressRange(byte[] network, int prefix) {

    /** The range a literal names, or empty when it is not an address or CIDR range. */
    public static Optional<AddressRange> parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) return Optional.empty();
        byte[] bytes = parsed.get().getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bytes.length * 8) return Optional.empty();
        }
        return Optional.of(new AddressRange(bytes, prefix));
    }

    /**
     * An IP literal as an address, without any DNS lookup; empty for anything else. An IPv6 zone ({@code %eth0} of
     * a link-local peer) is dropped: the address is what counts, and an unparsed peer must never pass for loopback.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) return Optional.empty();
        String trimmed = text.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) trimmed = trimmed.substring(1, trimmed.length() - 1);
        int zone = trimmed.indexOf('%');
        if (zone > 0 && trimmed.contains(":")) trimmed = trimmed.substring(0, zone);
        boolean ipv4 = trimmed.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = trimmed.contains(":") && trimmed.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(trimmed));   // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) if (bytes[i] != network[i]) return false;
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
