package dev.mdnp.daemon.driver;

import dev.mdnp.daemon.dataplane.IpPrefix;
import dev.mdnp.daemon.dataplane.PortRequest;
import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.dataplane.firewall.Protocol;
import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.OptionKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code com.docker.network.portmap}, the ports {@code docker run -p} and {@code -P} publish (cnm-remote-api.md
 * §4, bridge-parity.md §9): an array of {@code {"Proto", "IP", "Port", "HostIP", "HostPort", "HostPortEnd"}}. Pure.
 */
final class PortMap {

    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int SCTP = 132;
    private static final int MAX_PORT = 65535;

    private PortMap() {
    }

    /**
     * Returns the port requests of an options map; none when it has no port map.
     *
     * @param defaultHostIp the address an entry without {@code HostIP} is published on ("" for every address): the
     *     network's {@code com.docker.network.bridge.host_binding_ipv4}
     * @throws DriverException with {@link Reason#BAD_REQUEST} naming the entry and field when an entry is malformed,
     *     or {@link Reason#UNSUPPORTED} for an SCTP port
     */
    static List<PortRequest> parse(Map<String, @Nullable Object> options, String defaultHostIp) {
        Object value = options.get(OptionKeys.PORT_MAP);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            throw bad(OptionKeys.PORT_MAP, "must be an array of port bindings");
        }
        List<PortRequest> requests = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = OptionKeys.PORT_MAP + "[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw bad(where, "must be an object");
            }
            requests.add(request(where, entry, defaultHostIp));
        }
        return List.copyOf(requests);
    }

    /**
     * Returns the requests that publish exactly {@code published} again, with the host ports it holds: the ports of
     * one request are consecutive and share protocol, container port and host port (no two requests of an endpoint
     * can hold one host port); two of them, IPv4 then IPv6, were published on every address.
     */
    static List<PortRequest> requestsFor(List<PublishedPort> published) {
        List<PortRequest> requests = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            PublishedPort port = published.get(i);
            boolean pair = i + 1 < published.size() && !port.ipv6() && published.get(i + 1).ipv6()
                    && published.get(i + 1).protocol() == port.protocol()
                    && published.get(i + 1).containerPort() == port.containerPort()
                    && published.get(i + 1).hostPort() == port.hostPort();
            String hostIp = pair ? "" : port.routed() ? (port.ipv6() ? "::" : "0.0.0.0") : port.hostIp();
            requests.add(new PortRequest(port.protocol(), port.containerPort(), hostIp,
                    port.routed() ? 0 : port.hostPort(), 0));
            if (pair) {
                i++;
            }
        }
        return List.copyOf(requests);
    }

    private static PortRequest request(String where, Map<?, ?> entry, String defaultHostIp) {
        int proto = integer(where, entry, "Proto", 0, 255, true);
        Protocol protocol = switch (proto) {
            case TCP -> Protocol.TCP;
            case UDP -> Protocol.UDP;
            case SCTP -> throw new DriverException(Reason.UNSUPPORTED,
                    "publishing sctp ports is not supported by mdnp (" + where + "); use tcp or udp");
            default -> throw bad(where + ".Proto", proto + " is not tcp (6) or udp (17)");
        };
        int port = integer(where, entry, "Port", 1, MAX_PORT, true);
        int hostPort = integer(where, entry, "HostPort", 0, MAX_PORT, false);
        int hostPortEnd = integer(where, entry, "HostPortEnd", 0, MAX_PORT, false);
        if (hostPortEnd != 0 && hostPortEnd < hostPort) {
            throw bad(where + ".HostPortEnd", hostPortEnd + " is below HostPort " + hostPort);
        }
        if (hostPort == 0 && hostPortEnd != 0) {
            throw bad(where + ".HostPortEnd", "is set while HostPort is 0");
        }
        String hostIp = text(where, entry, "HostIP");
        if (hostIp.isEmpty()) {
            hostIp = defaultHostIp;
        } else {
            try {
                hostIp = IpPrefix.literal(hostIp).getHostAddress();
            } catch (IllegalArgumentException e) {
                throw bad(where + ".HostIP", "\"" + hostIp + "\" is not an IP address");
            }
        }
        return new PortRequest(protocol, port, hostIp, hostPort, hostPortEnd);
    }

    private static int integer(String where, Map<?, ?> entry, String field, int min, int max, boolean required) {
        Object value = entry.get(field);
        if (value == null) {
            if (required) {
                throw bad(where + "." + field, "is required");
            }
            return 0;
        }
        BigInteger number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            number = big;
        } else {
            throw bad(where + "." + field, "must be a whole number, got " + describe(value));
        }
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw bad(where + "." + field, number + " is outside " + min + ".." + max);
        }
        return number.intValue();
    }

    private static String text(String where, Map<?, ?> entry, String field) {
        Object value = entry.get(field);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String string)) {
            throw bad(where + "." + field, "must be a string, got " + describe(value));
        }
        return string;
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static DriverException bad(String where, String problem) {
        return new DriverException(Reason.BAD_REQUEST, "invalid " + where + ": " + problem);
    }
}
