package dev.mdnp.daemon.dataplane;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One kernel setting of the network namespace of the thread that reads or writes it, such as
 * {@code net.ipv4.ip_forward} at {@code /proc/sys/net/ipv4/ip_forward}. Writing needs a writable {@code /proc/sys},
 * which a managed Docker plugin lacks: settings of one link go through rtnetlink instead ({@code RouteLocalnetStep}).
 *
 * @param parts the setting's path under {@code /proc/sys}, one element per directory
 */
record Sysctl(List<String> parts) {

    private static final Path ROOT = Path.of("/proc/sys");

    /** IPv4 forwarding between interfaces. */
    static final Sysctl IPV4_FORWARDING = new Sysctl(List.of("net", "ipv4", "ip_forward"));
    /** IPv6 forwarding on every interface. */
    static final Sysctl IPV6_FORWARDING_ALL = new Sysctl(List.of("net", "ipv6", "conf", "all", "forwarding"));
    /** IPv6 forwarding on interfaces created from now on. */
    static final Sysctl IPV6_FORWARDING_DEFAULT = new Sysctl(List.of("net", "ipv6", "conf", "default", "forwarding"));

    /** Whether frames bridged between two ports of one bridge pass iptables (br_netfilter). */
    static final Sysctl BRIDGE_CALLS_IPTABLES = new Sysctl(List.of("net", "bridge", "bridge-nf-call-iptables"));
    /** Whether frames bridged between two ports of one bridge pass ip6tables (br_netfilter). */
    static final Sysctl BRIDGE_CALLS_IP6TABLES = new Sysctl(List.of("net", "bridge", "bridge-nf-call-ip6tables"));

    Sysctl {
        parts = List.copyOf(parts);
    }

    /** Returns the dotted name, as {@code sysctl} writes it. */
    String name() {
        return String.join(".", parts);
    }

    /**
     * Returns the value, without its newline.
     *
     * @throws SysctlException when the setting cannot be read
     */
    String read() {
        // Not Files.readString: it trusts the size /proc reports and may read a value cut short.
        try (InputStream in = Files.newInputStream(path())) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new SysctlException("read " + name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the value.
     *
     * @throws SysctlException when the setting cannot be written
     */
    void write(String value) {
        try {
            Files.writeString(path(), value + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SysctlException("set " + name() + "=" + value + ": " + e.getMessage(), e);
        }
    }

    /** Returns true when the setting exists, as br_netfilter's do only while the module is loaded. */
    boolean exists() {
        return Files.exists(path());
    }

    private Path path() {
        Path path = ROOT;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }
}
