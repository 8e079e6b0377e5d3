package dev.mdnp.daemon.dataplane.firewall;

/** A transport protocol a port can be published for, with its iptables name. */
public enum Protocol {
    /** TCP, IP protocol 6. */
    TCP("tcp"),
    /** UDP, IP protocol 17. */
    UDP("udp");

    private final String iptablesName;

    Protocol(String iptablesName) {
        this.iptablesName = iptablesName;
    }

    /** Returns the name iptables matches with {@code -p} and {@code -m}, and users see: {@code tcp} or {@code udp}. */
    public String iptablesName() {
        return iptablesName;
    }
}
