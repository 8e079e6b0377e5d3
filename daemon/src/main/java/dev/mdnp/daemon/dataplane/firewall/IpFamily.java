package dev.mdnp.daemon.dataplane.firewall;

/** An address family the firewall programs, each through its own command-line tools. */
public enum IpFamily {
    /** IPv4, programmed with {@code iptables}. */
    IPV4("iptables"),
    /** IPv6, programmed with {@code ip6tables}. */
    IPV6("ip6tables");

    private final String tool;

    IpFamily(String tool) {
        this.tool = tool;
    }

    /** Returns the name of the program that manages this family's rules, looked up on {@code PATH}. */
    public String tool() {
        return tool;
    }

    /** Returns the family of a numeric address: IPv6 when it holds a colon. */
    static IpFamily of(String address) {
        return address.indexOf(':') >= 0 ? IPV6 : IPV4;
    }
}
