package dev.mdnp.daemon.dataplane.firewall;

/**
 * The iptables variant whose tables mdnp writes: the one Docker uses on the host, since a DROP in one variant is not
 * undone by an ACCEPT in the other (bridge-parity.md §10 A.1). Debian ships both under suffixed names
 * ({@code iptables-nft-restore}, {@code iptables-legacy-save}); elsewhere the plain names are used.
 */
enum Backend {
    /** iptables over nf_tables. */
    NFT("-nft"),
    /** The legacy x_tables iptables. */
    LEGACY("-legacy"),
    /** Whatever {@code iptables-save} and {@code iptables-restore} on {@code PATH} are. */
    PLAIN("");

    private final String suffix;

    Backend(String suffix) {
        this.suffix = suffix;
    }

    /** Returns the program that prints a family's tables: {@code iptables-nft-save}, {@code ip6tables-save}, …. */
    String save(IpFamily family) {
        return family.tool() + suffix + "-save";
    }

    /** Returns the program that loads a family's rule changes: {@code iptables-nft-restore}, …. */
    String restore(IpFamily family) {
        return family.tool() + suffix + "-restore";
    }

    /** Returns the backend {@code iptables -V} names: {@code (nf_tables)} or {@code (legacy)}; else {@link #PLAIN}. */
    static Backend ofVersion(String version) {
        if (version.contains("(nf_tables)")) {
            return NFT;
        }
        return version.contains("(legacy)") ? LEGACY : PLAIN;
    }

    /** Returns the other of the two named backends; {@link #PLAIN} has none. */
    Backend other() {
        return switch (this) {
            case NFT -> LEGACY;
            case LEGACY -> NFT;
            default -> PLAIN;
        };
    }
}
