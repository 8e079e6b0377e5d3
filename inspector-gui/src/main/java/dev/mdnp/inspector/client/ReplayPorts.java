package dev.mdnp.inspector.client;

import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.PortView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an endpoint's published ports back from a recorded ProgramExternalConnectivity call. The request carries only
 * what Docker asked for (host port 0 for {@code -P}); the ports mdnp chose are the target of the call's
 * {@code publish ports} kernel operation, written as {@code docker ps} prints them:
 * {@code 0.0.0.0:32768->80/tcp, [::]:32768->80/tcp, 127.0.0.1:18081->80/tcp}. The container's address is the
 * endpoint's of the host address's family, and a port whose host address and port are the container's own is routed.
 */
final class ReplayPorts {

    /** The kernel operation whose target lists the published ports. */
    static final String PUBLISH_PORTS = "publish ports";
    private static final Pattern PORT = Pattern.compile("(?:\\[([^\\]]+)\\]|([^:\\[\\]]+)):(\\d+)->(\\d+)/(tcp|udp)");

    private ReplayPorts() {
    }

    /** Returns the ports a {@code publish ports} target lists; an entry of another shape is left out. */
    static List<PortView> parse(String target, EndpointView endpoint) {
        List<PortView> ports = new ArrayList<>();
        for (String entry : target.split(",")) {
            Matcher port = PORT.matcher(entry.strip());
            if (!port.matches()) {
                continue;
            }
            String hostIp = port.group(1) != null ? port.group(1) : port.group(2);
            int hostPort = Integer.parseInt(port.group(3));
            int containerPort = Integer.parseInt(port.group(4));
            String containerIp = bare(hostIp.indexOf(':') >= 0 ? endpoint.ipv6Address() : endpoint.ipv4Address());
            boolean routed = hostIp.equals(containerIp) && hostPort == containerPort;
            ports.add(new PortView(port.group(5), hostIp, hostPort, containerIp, containerPort, routed));
        }
        return List.copyOf(ports);
    }

    private static String bare(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }
}
