package dev.mdnp.daemon.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The links and network namespaces that mdnp, Docker and the e2e fixtures make on the host, at one moment, to check
 * after an end-to-end test that it left none behind: mdnp's links ({@code mdnpb}, {@code mdnph}, {@code mdnpc}),
 * Docker's ({@code br-}, {@code veth}) and the outside hosts' ({@code outmdnpt}, namespaces {@code mdnpt-out-}). Other
 * links and namespaces are left out: other tests on the machine (kernel tests of other worktrees) may make and remove
 * theirs at any time. mdnp makes no namespace; Docker's container namespaces are left out too: Docker unmounts them
 * in a garbage collection every 60 s, not when the container goes.
 *
 * @param links the names of the host's links of interest
 * @param namespaces the names of the named namespaces of interest
 */
public record HostSnapshot(Set<String> links, Set<String> namespaces) {

    private static final List<String> LINK_PREFIXES = List.of("mdnpb", "mdnph", "mdnpc", "br-", "veth", "outmdnpt");
    private static final String OUTSIDE_PREFIX = "mdnpt-out-";

    /** Copies the sets. */
    public HostSnapshot {
        links = Set.copyOf(links);
        namespaces = Set.copyOf(namespaces);
    }

    /** Takes a snapshot of the host now. */
    public static HostSnapshot take() throws IOException, InterruptedException {
        Set<String> links = new TreeSet<>();
        for (String link : HostLinks.names()) {
            if (LINK_PREFIXES.stream().anyMatch(link::startsWith)) {
                links.add(link);
            }
        }
        Set<String> namespaces = new TreeSet<>();
        for (String line : HostCommand.ok("ip", "netns", "list").split("\n")) {
            String name = line.split(" ")[0];
            if (name.startsWith(OUTSIDE_PREFIX)) {
                namespaces.add(name);
            }
        }
        return new HostSnapshot(links, namespaces);
    }
}
