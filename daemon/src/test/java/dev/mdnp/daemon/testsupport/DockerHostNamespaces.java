package dev.mdnp.daemon.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two network namespaces joined by a veth, standing for a Docker host and another host outside it (TEST-NET-2,
 * 198.51.100.0/24; the machine's own eth0 is on TEST-NET-1):
 * <ul>
 *   <li>the Docker host {@code mdnpt-dh<id>}: {@code lo} up, {@value #HOST_LINK} with {@value #HOST_ADDRESS}/24 and a
 *       default route to the outside, FORWARD policy DROP in both families and IPv4 forwarding off, as a cautious
 *       admin leaves a host whose dockerd does not manage the firewall;</li>
 *   <li>the outside {@code mdnpt-do<id>}: {@value #OUTSIDE_LINK} with {@value #OUTSIDE_ADDRESS}/24 and no route to
 *       any container subnet, so a container's packet is answered only when it left masqueraded.</li>
 * </ul>
 * The veth is created with its ends already in the namespaces: it never appears in the test's own namespace.
 * {@link #close()} deletes both namespaces, and the veth with them. Not thread-safe.
 */
public final class DockerHostNamespaces implements AutoCloseable {

    /** The Docker host's address on its uplink: the address masqueraded traffic leaves with, and {@code -p}'s. */
    public static final String HOST_ADDRESS = "198.51.100.2";
    /** The outside host's address. */
    public static final String OUTSIDE_ADDRESS = "198.51.100.1";
    /** The uplink's name in the Docker host; not {@code mdnp…}: mdnp deletes unknown links named so at its start. */
    static final String HOST_LINK = "up-mdnpt";
    /** The other end, in the outside namespace. */
    static final String OUTSIDE_LINK = "out-mdnpt";
    private static final String PREFIX_LENGTH = "/24";

    private final String host;
    private final String outside;
    private final List<String> created = new ArrayList<>();

    private DockerHostNamespaces(String id) {
        this.host = "mdnpt-dh" + id;
        this.outside = "mdnpt-do" + id;
    }

    /**
     * Creates both namespaces and the link between them, and checks that the Docker host looks as described; deletes
     * whatever it made when a step fails.
     *
     * @param id a few random characters that make the names unique
     */
    public static DockerHostNamespaces create(String id) throws IOException, InterruptedException {
        DockerHostNamespaces namespaces = new DockerHostNamespaces(id);
        try {
            namespaces.build();
            return namespaces;
        } catch (IOException | InterruptedException | RuntimeException e) {
            namespaces.closeAfterFailure(e);
            throw e;
        }
    }

    private void build() throws IOException, InterruptedException {
        NetnsShell here = NetnsShell.here();
        for (String netns : List.of(host, outside)) {
            here.ok("ip", "netns", "add", netns);
            created.add(netns);
            here.ok("ip", "-n", netns, "link", "set", "lo", "up");
        }
        here.ok("ip", "link", "add", HOST_LINK, "netns", host, "type", "veth",
                "peer", "name", OUTSIDE_LINK, "netns", outside);
        here.ok("ip", "-n", host, "addr", "add", HOST_ADDRESS + PREFIX_LENGTH, "dev", HOST_LINK);
        here.ok("ip", "-n", host, "link", "set", HOST_LINK, "up");
        here.ok("ip", "-n", outside, "addr", "add", OUTSIDE_ADDRESS + PREFIX_LENGTH, "dev", OUTSIDE_LINK);
        here.ok("ip", "-n", outside, "link", "set", OUTSIDE_LINK, "up");
        here.ok("ip", "-n", host, "route", "add", "default", "via", OUTSIDE_ADDRESS);

        NetnsShell inHost = inHost();
        inHost.ok("iptables", "-P", "FORWARD", "DROP");
        inHost.ok("ip6tables", "-P", "FORWARD", "DROP");
        // A new namespace copies IPv4's conf/all from the initial one (net.core.devconf_inherit_init_net=0), where a
        // Docker engine has usually turned forwarding on: turn it off, as on a host nobody forwards on.
        inHost.ok("sh", "-c", "echo 0 > /proc/sys/net/ipv4/ip_forward");
        String forwarding = ipv4Forwarding();
        if (!forwarding.equals("0")) {
            throw new IllegalStateException("net.ipv4.ip_forward in " + host + " is " + forwarding + ", not 0");
        }
    }

    /** Returns the Docker host's namespace name. */
    public String host() {
        return host;
    }

    /** Returns the outside host's namespace name. */
    public String outside() {
        return outside;
    }

    /** Returns a shell in the Docker host's namespace. */
    public NetnsShell inHost() {
        return NetnsShell.in(host);
    }

    /** Returns a shell in the outside host's namespace. */
    public NetnsShell inOutside() {
        return NetnsShell.in(outside);
    }

    /** Returns {@code net.ipv4.ip_forward} of the Docker host: {@code 0} or {@code 1}. */
    public String ipv4Forwarding() throws IOException, InterruptedException {
        return inHost().ok("cat", "/proc/sys/net/ipv4/ip_forward");
    }

    /** Returns every line of {@code iptables-save} and then of {@code ip6tables-save} in the Docker host. */
    public List<String> rules() throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>(inHost().ok("iptables-save").lines().toList());
        lines.addAll(inHost().ok("ip6tables-save").lines().toList());
        return lines;
    }

    /** Returns the Docker host's rules that carry the comment of one mdnp network, {@code mdnp:DAEMON:BRIDGE}. */
    public List<String> rulesOf(String bridge) throws IOException, InterruptedException {
        return rules().stream().filter(line -> line.contains("\"mdnp:") && line.contains(":" + bridge + "\""))
                .toList();
    }

    /** Returns the names of the links in the Docker host, without the {@code @peer} suffix. */
    public List<String> links() throws IOException, InterruptedException {
        return inHost().ok("ip", "-o", "link", "show").lines()
                .map(line -> line.split(": ", 3))
                .filter(fields -> fields.length > 1)
                .map(fields -> fields[1].replaceAll("@.*", ""))
                .toList();
    }

    /** Deletes both namespaces (a process still in one keeps it alive: stop those first); already gone is fine. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (int i = created.size() - 1; i >= 0; i--) {
            NetnsShell.Result result = NetnsShell.here().run("ip", "netns", "delete", created.get(i));
            if (!result.succeeded() && !result.err().contains("No such file")) {
                failures.add(result.command() + ": " + result.err());
            }
        }
        created.clear();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not delete namespaces: " + failures);
        }
    }

    private void closeAfterFailure(Exception cause) {
        try {
            close();
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            cause.addSuppressed(e);
        }
    }
}
