package dev.mdnp.daemon.driver;

import java.util.HashMap;
import java.util.Map;

/** Entries of {@code com.docker.network.portmap} as Docker sends them, for driver tests; mutable, to spoil one field. */
final class PortMaps {

    private PortMaps() {
    }

    /** Returns one binding: {@code {"Proto", "IP": "", "Port", "HostIP", "HostPort", "HostPortEnd"}}. */
    static Map<String, Object> entry(int proto, int port, String hostIp, int hostPort, int hostPortEnd) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("Proto", proto);
        entry.put("IP", "");
        entry.put("Port", port);
        entry.put("HostIP", hostIp);
        entry.put("HostPort", hostPort);
        entry.put("HostPortEnd", hostPortEnd);
        return entry;
    }
}
