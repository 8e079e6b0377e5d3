package dev.mdnp.daemon.dataplane.firewall;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * mdnp's firewall, the one owner of its iptables and ip6tables rules: per network, forwarding through a host whose
 * {@code FORWARD} policy is {@code DROP}, egress NAT, {@code --internal}, isolation from other networks (mdnp's and
 * Docker's bridges) and ICC; per endpoint, published ports. {@link RuleTable} says which rules those are.
 *
 * <p>Each network's rules carry {@code mdnp:INSTANCE:BRIDGE}: several daemons (plugin names) on one host share
 * mdnp's chains and jumps and never delete each other's rules; the chains go when no daemon has rules left in them.
 *
 * <p>mdnp's filter rules are reached from {@code DOCKER-USER} when Docker's chains exist (right after the user's own
 * rules, before Docker's, so isolation holds against Docker's accepts) and from the end of {@code FORWARD} (a host
 * without Docker's chains, such as one whose dockerd runs with {@code --iptables=false}). Every change is one
 * {@code iptables-restore --noflush} per family, in the iptables variant Docker uses on the host; every rule carries
 * its owner's comment, and rules mdnp cannot prove its own are never changed.
 *
 * <p>Implementations are thread-safe. Every method throws {@link FirewallException} when a command fails; a change
 * that fails is retried once against a fresh listing before it fails.
 */
public interface Firewall {

    /**
     * Returns the firewall of the mdnp daemon named {@code instance} (its plugin name), which runs the iptables tools
     * found on this process's {@code PATH} and tags its networks' rules {@code mdnp:INSTANCE:BRIDGE}.
     *
     * @param instance the daemon's plugin name; daemons with different names share mdnp's chains, never each other's
     *     rules
     * @param commandPrefix put before every command, such as {@code ip netns exec NAME} in tests; empty in production
     * @param timeout how long one command may run before it is killed; longer than the 5 s xtables lock wait
     * @param listener told about every command the firewall runs; {@link CommandListener#NONE} for none
     * @param scratchDirectory where each command's input and output files are while it runs: an existing directory
     *     of the caller's alone, which it empties at start (the daemon's is in its state directory), never
     *     {@code /tmp}, where the files of a command interrupted by a {@code kill -9} would stay for good
     * @throws IllegalArgumentException if {@code timeout} is not longer than the lock wait, which would turn a busy
     *     lock into a killed command instead of iptables' own message
     */
    static Firewall iptables(String instance, List<String> commandPrefix, Duration timeout, CommandListener listener,
            Path scratchDirectory) {
        Duration lockWait = Duration.ofSeconds(Long.parseLong(IptablesFirewall.LOCK_WAIT_SECONDS));
        if (timeout.compareTo(lockWait) <= 0) {
            throw new IllegalArgumentException("timeout " + timeout + " must be longer than the lock wait " + lockWait);
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), IptablesFirewall.DEFAULT_PATH);
        return new IptablesFirewall(new ProcessCommandRunner(commandPrefix, timeout, listener, path,
                scratchDirectory), instance);
    }

    /**
     * Adds a network's rules (with mdnp's chains and jumps when they are missing), in IPv6 too when it has IPv6.
     *
     * @throws FirewallException with {@link FirewallException.Reason#UNAVAILABLE} when iptables is not installed
     */
    void addNetwork(NetworkRules network);

    /** Deletes every rule of the network's bridge, its endpoints' published ports included; absent ones are skipped. */
    void removeNetwork(NetworkRules network);

    /** Adds the rules of an endpoint's published ports, and forgets conntrack's entries for its UDP ports. */
    void addPorts(PortRules ports);

    /** Deletes the rules {@link #addPorts} added for the same endpoint; absent ones are skipped. */
    void removePorts(PortRules ports);

    /**
     * Makes the kernel's tables hold exactly mdnp's chains, jumps and the rules of these networks and ports, at start:
     * puts back what is missing or misplaced and deletes mdnp's rules and chains nothing here owns (a crash between
     * the rules and the record, an earlier release's chains).
     */
    FirewallReport restore(List<NetworkRules> networks, List<PortRules> ports);

    /**
     * Puts back what is missing of the rules added or restored so far, and deletes mdnp's rules nothing owns: the
     * background repair after someone flushed a chain or Docker restarted.
     */
    FirewallReport repair();

    /** Returns what is missing of the rules added or restored so far, per owner; changes nothing. */
    List<MissingRules> check();

    /**
     * Removes mdnp's chains and the jumps into them when no network's rules are left in them, in each family, so a
     * daemon stopped without networks leaves nothing behind; keeps everything of a family that still holds a network's
     * rules (of this daemon or another one). Nothing to remove is nothing to do.
     *
     * @return true when a family's chains were kept because they still hold networks' rules
     */
    boolean removeIfUnused();
}
