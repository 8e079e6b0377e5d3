package dev.mdnp.daemon.dataplane.firewall;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The iptables variant the firewall writes and the families it can program, as {@link SetupDetector} found them.
 *
 * @param backend the variant, nft or legacy (or the plain tools)
 * @param families IPv4, and IPv6 when ip6tables works
 */
record Setup(Backend backend, Set<IpFamily> families) {

    Setup {
        families = Collections.unmodifiableSet(EnumSet.copyOf(families)); // IPv4 first, wherever they are walked
    }
}
