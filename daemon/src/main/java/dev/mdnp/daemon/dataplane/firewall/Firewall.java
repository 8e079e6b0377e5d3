package dev.mdnp.daemon.dataplane.firewall;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * mdnp's firewall: lets each network's forwarded traffic through a host where Docker has set the {@code FORWARD}
 * policy to {@code DROP} and loaded br_netfilter, so that even traffic between two containers on one bridge passes
 * {@code FORWARD}.
 *
 * <p>All rules live in mdnp's own chain {@code MDNP-FORWARD} of the filter table, for IPv4 (iptables) and IPv6
 * (ip6tables), and {@code FORWARD} jumps to it from one rule. That jump is <em>appended</em> to {@code FORWARD}, not
 * inserted: Docker inserts {@code -j DOCKER-USER} and {@code -j DOCKER-ISOLATION-STAGE-1} at the top, so a packet
 * meets the user's rules in {@code DOCKER-USER} before mdnp's accepts, exactly as for Docker's own networks; inserting
 * at the top would let mdnp's accepts bypass the user's rules. Docker re-inserts its rules at the top when it restarts,
 * which keeps that order without mdnp moving anything. The cost: a {@code DROP} or {@code REJECT} that another tool
 * appended to the end of {@code FORWARD} before mdnp's jump shadows it.
 *
 * <p>Each network's rules carry the comment {@code mdnp:BRIDGE}, so {@link #listRules()} can tell whose they are.
 * Every operation is idempotent: it checks ({@code -C}) before it adds or deletes, and a rule already gone is not an
 * error. IPv6 rules are skipped with a warning when ip6tables is missing or the kernel has no IPv6. Implementations
 * use the same {@code iptables} on {@code PATH} as Docker, so both end up in the same backend (nft or legacy).
 *
 * <p>Implementations are thread-safe. Every method throws {@link FirewallException} when a command fails.
 */
public interface Firewall {

    /**
     * Returns the firewall that runs iptables and ip6tables found on this process's {@code PATH}.
     *
     * @param commandPrefix put before every command, such as {@code ip netns exec NAME} in tests; empty in production
     * @param timeout how long one command may run before it is killed; longer than the 5 s xtables lock wait
     * @param listener told about every command the firewall runs; {@link CommandListener#NONE} for none
     * @throws IllegalArgumentException if {@code timeout} is not longer than the lock wait, which would turn a busy
     *     lock into a killed command instead of iptables' own message
     */
    static Firewall iptables(List<String> commandPrefix, Duration timeout, CommandListener listener) {
        Duration lockWait = Duration.ofSeconds(Long.parseLong(IptablesFirewall.LOCK_WAIT_SECONDS));
        if (timeout.compareTo(lockWait) <= 0) {
            throw new IllegalArgumentException("timeout " + timeout + " must be longer than the lock wait " + lockWait);
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), IptablesFirewall.DEFAULT_PATH);
        return new IptablesFirewall(new ProcessCommandRunner(commandPrefix, timeout, listener, path));
    }

    /**
     * Creates mdnp's chain and appends the jump to it from {@code FORWARD}, in each family, unless they exist.
     *
     * @throws FirewallException with {@link FirewallException.Reason#UNAVAILABLE} when iptables is not installed
     */
    void install();

    /**
     * Removes the jump and mdnp's chain, in each family, if no network has rules left in the chain; does nothing when
     * they are already gone. Refuses while rules remain, because removing them would cut running containers off:
     * remove those networks first. Removes nothing in that case.
     *
     * @throws FirewallException with {@link FirewallException.Reason#IN_USE} while the chain holds rules
     */
    void uninstall();

    /**
     * Adds the rules of one network, in IPv6 too when it has IPv6, and first {@link #install()}'s chain and jump if
     * they are missing (a firewall reload may have flushed them). Adds only what is missing.
     */
    void addNetwork(NetworkRules network);

    /** Deletes the rules {@link #addNetwork} adds for the same network, in reverse order; absent ones are skipped. */
    void removeNetwork(NetworkRules network);

    /** Returns mdnp's chains, jumps and rules as they are now, IPv4 first, each in {@code iptables -S} order. */
    List<ListedRule> listRules();
}
