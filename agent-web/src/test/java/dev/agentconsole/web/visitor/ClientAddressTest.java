package dev.agentconsole.web.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is limited as: X-Forwarded-For only through a trusted proxy; IPv6 by its /64. */
class ClientAddressTest {

    private final ClientAddress direct = new ClientAddress(List.of());
    private final ClientAddress behindProxy = new ClientAddress(ClientAddress.parseList(" 10.0.0.1, 10.0.0.2 ,"));

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertEquals("198.51.100.7", direct.keyOf("198.51.100.7", "203.0.113.9"));
        assertEquals("198.51.100.7", behindProxy.keyOf("198.51.100.7", "203.0.113.9"),
                "a client that is not our proxy cannot choose its own address");
    }

    @Test
    void throughTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        assertEquals("203.0.113.9", behindProxy.keyOf("10.0.0.1", "203.0.113.9"));
        assertEquals("203.0.113.9", behindProxy.keyOf("10.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2"),
                "hops the client wrote itself (left of the last untrusted one) are not believed");
        assertEquals("10.0.0.1", behindProxy.keyOf("10.0.0.1", null));
        assertEquals("10.0.0.2", behindProxy.keyOf("10.0.0.1", "10.0.0.2"));
        assertEquals("10.0.0.1", behindProxy.keyOf("10.0.0.1", "nonsense, <script>"), "garbage: the proxy itself");
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64() {
        assertEquals("2001:db8:1:2::/64", direct.keyOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null));
        assertEquals("2001:db8:1:2::/64", direct.keyOf("2001:0db8:0001:0002::1", null));
        assertEquals("2001:db8:0:0::/64", direct.keyOf("[2001:db8::1%eth0]", null));
        assertEquals("0:0:0:0::/64", direct.keyOf("::1", null));
        assertEquals("192.0.2.4", direct.keyOf("::ffff:192.0.2.4", null), "IPv4-mapped is the IPv4 address");
    }
}
