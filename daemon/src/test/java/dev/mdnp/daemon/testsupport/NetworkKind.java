package dev.mdnp.daemon.testsupport;

/**
 * The two drivers a parity scenario runs on: mdnp, and Docker's built-in {@code bridge} that it stands in for. Each
 * has its own range of subnets, so that networks of both can exist side by side.
 */
public enum NetworkKind {

    /** A network of the mdnp plugin under test ({@code -d <plugin name>}). */
    MDNP("mdnp", "10.232"),
    /** A network of Docker's built-in driver ({@code -d bridge}). */
    BRIDGE("bridge", "10.233");

    private final String label;
    private final String prefix;

    NetworkKind(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    /** Returns the short name shown in parity tables. */
    public String label() {
        return label;
    }

    /** Returns the /24 subnet number {@code n} of this kind's range, e.g. {@code 10.232.7.0/24}. */
    public String subnet(int n) {
        return prefix + "." + n + ".0/24";
    }

    /** Returns the other kind. */
    public NetworkKind other() {
        return this == MDNP ? BRIDGE : MDNP;
    }
}
