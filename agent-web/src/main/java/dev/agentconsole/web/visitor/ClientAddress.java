package dev.agentconsole.web.visitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who the client is, for rate limits. The connection's peer address, unless that peer is a configured reverse proxy:
 * only then is {@code X-Forwarded-For} believed (anyone can send the header), read from the right, skipping our own
 * proxies. An IPv6 client is keyed by its /64, the block one subscriber usually holds, so rotating addresses inside it
 * buys no fresh limits.
 */
final class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(ClientAddress::normalise).toList());
    }

    /** The rate-limit key of the client behind this request. */
    String keyOf(String peer, String forwardedFor) {
        return limitKey(clientOf(peer, forwardedFor));
    }

    String clientOf(String peer, String forwardedFor) {
        String client = normalise(peer);
        if (forwardedFor == null || !trustedProxies.contains(client)) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = normalise(hops[i]);
            if (hop.isEmpty() || !looksLikeAddress(hop)) {
                // A garbled list: the last hop we could trust is the answer.
                return client;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** IPv4 as is (also when written IPv4-mapped, ::ffff:a.b.c.d); IPv6 cut to its first four groups (the /64). */
    static String limitKey(String address) {
        if (address.indexOf('.') >= 0) {
            return address.substring(address.lastIndexOf(':') + 1);
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        String[] groups = expandIpv6(address);
        return groups == null ? address : String.join(":", Arrays.copyOf(groups, 4)) + "::/64";
    }

    static List<String> parseList(String text) {
        List<String> addresses = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                addresses.add(part.strip());
            }
        }
        return addresses;
    }

    private static String normalise(String address) {
        if (address == null) {
            return "";
        }
        String plain = address.strip().toLowerCase(Locale.ROOT);
        if (plain.startsWith("[") && plain.contains("]")) {
            plain = plain.substring(1, plain.indexOf(']'));
        }
        int zone = plain.indexOf('%');
        return zone > 0 ? plain.substring(0, zone) : plain;
    }

    private static boolean looksLikeAddress(String text) {
        if (text.length() > 45) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** The eight groups of an IPv6 address (with "::" filled in), or null when it is not one. */
    private static String[] expandIpv6(String address) {
        int gap = address.indexOf("::");
        String[] head;
        String[] tail;
        if (gap >= 0) {
            head = address.substring(0, gap).isEmpty() ? new String[0] : address.substring(0, gap).split(":");
            String rest = address.substring(gap + 2);
            tail = rest.isEmpty() ? new String[0] : rest.split(":");
        } else {
            head = address.split(":");
            tail = new String[0];
        }
        int missing = 8 - head.length - tail.length;
        if (missing < 0 || (gap < 0 && missing != 0)) {
            return null;
        }
        String[] groups = new String[8];
        int at = 0;
        for (String group : head) {
            groups[at++] = strip(group);
        }
        for (int i = 0; i < missing; i++) {
            groups[at++] = "0";
        }
        for (String group : tail) {
            groups[at++] = strip(group);
        }
        return groups;
    }

    private static String strip(String group) {
        String trimmed = group.replaceFirst("^0+(?=.)", "");
        return trimmed.isEmpty() ? "0" : trimmed;
    }
}
