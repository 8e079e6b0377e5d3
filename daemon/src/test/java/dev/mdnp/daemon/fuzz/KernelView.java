package dev.mdnp.daemon.fuzz;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.Address;
import dev.mdnp.daemon.netlink.BridgeLink;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.VethLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the kernel of the fuzzed daemon's namespace holds that mdnp sets: every link with its kind, MTU, MAC, master,
 * admin state, alias and device group; every address but the link-local ones the kernel adds by itself; and every
 * TCP socket listening and UDP socket bound there (the host ports published ports hold).
 *
 * <p>Left out, because the kernel changes them by itself after mdnp is done: traffic counters, the operational state,
 * a bridge's MAC (a bridge takes the lowest MAC of its ports), link-local addresses, and the veths in the daemon's
 * doomed group (with their peers), which the link reaper deletes about 200 ms after a DeleteEndpoint: a veth that a
 * call dooms shows as one that is gone.
 */
final class KernelView {

    private final RtNetlink rtnl;
    private final int doomedGroup;
    private final Path procNet;
    private List<String> lines = List.of();

    /**
     * Reads through {@code rtnl}, and the sockets in {@code procNet} ({@code /proc/PID/task/TID/net} of a thread in
     * the namespace).
     */
    KernelView(RtNetlink rtnl, int doomedGroup, Path procNet) {
        this.rtnl = requireNonNull(rtnl, "rtnl");
        this.doomedGroup = doomedGroup;
        this.procNet = requireNonNull(procNet, "procNet");
    }

    /**
     * Returns the links, addresses and sockets, one line each, links first, in the kernel's order; or, unless
     * {@code again}, those of the last reading. Only the dataplane changes links, addresses, sockets and rules, so
     * the fuzzer reads them again when a call reached the dataplane (and at every checkpoint); reading the sockets
     * costs most: {@code /proc/net/tcp} walks every bucket of the host's socket hash, about 3 ms a file.
     */
    List<String> read(boolean again) throws IOException {
        if (!again) {
            return lines;
        }
        List<Link> links = rtnl.links().list();
        Map<Integer, String> names = new HashMap<>();
        links.forEach(link -> names.put(link.index(), link.name()));
        Set<Integer> doomed = new HashSet<>();
        links.stream().filter(link -> link.group() == doomedGroup).forEach(link -> doomed.add(link.index()));
        List<String> lines = new ArrayList<>();
        for (Link link : links) {
            if (doomed.contains(link.index()) || link instanceof VethLink veth && doomed.contains(veth.peerIndex())) {
                continue;
            }
            boolean bridge = link instanceof BridgeLink;
            lines.add("link " + link.name() + " kind=" + link.kind() + " mtu=" + link.mtu()
                    + " mac=" + (bridge ? "*" : String.valueOf(link.mac()))
                    + " master=" + names.getOrDefault(link.masterIndex(), "")
                    + " up=" + link.up() + " alias=" + link.alias() + " group=" + link.group());
        }
        for (Address address : rtnl.addresses().list()) {
            if (address.address().isLinkLocalAddress()) {
                continue;
            }
            lines.add("address " + names.getOrDefault(address.linkIndex(), "#" + address.linkIndex()) + " "
                    + address.address().getHostAddress() + "/" + address.prefixLength());
        }
        lines.addAll(sockets("tcp", "0A")); // TCP_LISTEN
        lines.addAll(sockets("tcp6", "0A"));
        lines.addAll(sockets("udp", "07")); // TCP_CLOSE: every bound, unconnected UDP socket
        lines.addAll(sockets("udp6", "07"));
        this.lines = List.copyOf(lines);
        return this.lines;
    }

    /** Returns the local address of each socket in {@code /proc/net/FILE} in the given state, sorted. */
    private List<String> sockets(String file, String state) throws IOException {
        List<String> result = new ArrayList<>();
        List<String> rows = Files.readAllLines(procNet.resolve(file));
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.trim().split("\\s+");
            if (fields[3].equals(state)) {
                result.add("socket " + file + " " + fields[1]);
            }
        }
        result.sort(null);
        return result;
    }
}
