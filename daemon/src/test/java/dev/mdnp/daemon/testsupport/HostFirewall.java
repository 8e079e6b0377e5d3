package dev.mdnp.daemon.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The host's iptables and ip6tables rules as {@code iptables-save} prints them: what end-to-end tests check for
 * leftovers and restore. Rules of mdnp's networks carry the comment {@code mdnp:BRIDGE}; its base rules (the jumps
 * into its chains) carry {@code mdnp} and stay while the host runs mdnp.
 */
public final class HostFirewall {

    private static final Pattern NETWORK_TAG = Pattern.compile("--comment \"?mdnp:");

    private HostFirewall() {
    }

    /** Returns every rule line ({@code -A ...}) of both families, tables marked by a leading {@code *table} word. */
    public static List<String> rules() throws IOException, InterruptedException {
        List<String> rules = new ArrayList<>();
        for (String tool : List.of("iptables-save", "ip6tables-save")) {
            String table = "";
            for (String line : HostCommand.ok(tool).split("\n")) {
                if (line.startsWith("*")) {
                    table = line;
                } else if (line.startsWith("-A ")) {
                    rules.add((tool.startsWith("ip6") ? "v6 " : "v4 ") + table + " " + line);
                }
            }
        }
        return rules;
    }

    /** Returns the rules of mdnp's networks and their endpoints: those tagged {@code mdnp:BRIDGE}. */
    public static List<String> networkRules() throws IOException, InterruptedException {
        return rules().stream().filter(rule -> NETWORK_TAG.matcher(rule).find()).toList();
    }

    /** Returns the rules of mdnp's networks in {@code chain} (any table, both families). */
    public static List<String> networkRulesIn(String chain) throws IOException, InterruptedException {
        return networkRules().stream().filter(rule -> rule.contains(" -A " + chain + " ")).toList();
    }

    /** Returns every DNAT rule, mdnp's or Docker's, for host port {@code port}. */
    public static List<String> dnatRulesFor(int port) throws IOException, InterruptedException {
        return rules().stream()
                .filter(rule -> rule.contains("-j DNAT") && rule.contains("--dport " + port + " "))
                .toList();
    }

    /**
     * Reloads the whole firewall as a firewall manager does: every table of both families replaced
     * ({@code iptables-restore} without {@code --noflush}) by what {@code iptables-save} printed, less every line that
     * names mdnp: its chains, its rules and the jumps into them are gone, everyone else's rules are as they were.
     */
    public static void reloadWithoutMdnp() throws IOException, InterruptedException {
        for (String family : List.of("iptables", "ip6tables")) {
            HostCommand.ok("sh", "-c", family + "-save | grep -vi mdnp | " + family + "-restore -w");
        }
    }

    /** Runs {@code iptables -w ARGS} on the host, failing when it fails. */
    public static void iptables(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("iptables", "-w"));
        command.addAll(List.of(args));
        HostCommand.ok(command.toArray(String[]::new));
    }
}
