package dev.mdnp.daemon.persistence;

import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.dataplane.firewall.Protocol;
import dev.mdnp.daemon.ipam.IpAddress;
import dev.mdnp.daemon.store.PublishedPortRow;
import java.util.ArrayList;
import java.util.List;

/** Turns an endpoint's published ports into rows of {@code published_ports} and a stored row back. Pure. */
final class PortRows {

    private static final int MAX_PORT = 65535;

    private PortRows() {
    }

    /** Returns the rows of the endpoint's ports, numbered from 0 in their order. */
    static List<PublishedPortRow> rows(String endpointId, List<PublishedPort> ports) {
        List<PublishedPortRow> rows = new ArrayList<>(ports.size());
        for (PublishedPort port : ports) {
            rows.add(new PublishedPortRow(endpointId, rows.size(), port.protocol().iptablesName(), port.hostIp(),
                    port.hostPort(), port.containerIp(), port.containerPort(), port.routed()));
        }
        return rows;
    }

    /**
     * Returns the port a stored row holds.
     *
     * @throws StoredStateException naming the row when no mdnp could have written it: an unknown protocol, a port
     *     outside 1 to 65535, an address that is not a bare IP address, or addresses of two families
     */
    static PublishedPort port(PublishedPortRow row) {
        String what = "stored published port " + row.position() + " of endpoint " + row.endpointId();
        Protocol protocol = protocol(row.protocol(), what);
        checkPort(row.hostPort(), "host port", what);
        checkPort(row.containerPort(), "container port", what);
        IpAddress host = address(row.hostIp(), "host address", what);
        IpAddress container = address(row.containerIp(), "container address", what);
        if (host.version() != container.version()) {
            throw new StoredStateException(what + " has host address " + row.hostIp() + " and container address "
                    + row.containerIp() + " of different families");
        }
        return new PublishedPort(protocol, row.hostIp(), row.hostPort(), row.containerIp(), row.containerPort(),
                row.routed());
    }

    private static Protocol protocol(String name, String what) {
        for (Protocol protocol : Protocol.values()) {
            if (protocol.iptablesName().equals(name)) {
                return protocol;
            }
        }
        throw new StoredStateException(what + " has protocol \"" + name + "\", not tcp or udp");
    }

    private static void checkPort(int port, String name, String what) {
        if (port < 1 || port > MAX_PORT) {
            throw new StoredStateException(what + " has " + name + " " + port + ", not 1 to " + MAX_PORT);
        }
    }

    private static IpAddress address(String text, String name, String what) {
        try {
            return IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new StoredStateException(what + " has " + name + " \"" + text + "\", not an IP address", e);
        }
    }
}
