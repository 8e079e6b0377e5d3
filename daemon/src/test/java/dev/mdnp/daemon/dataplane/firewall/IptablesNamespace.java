package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A private network namespace whose firewall writes one iptables variant, {@link Backend#NFT} or
 * {@link Backend#LEGACY}, chosen as a host chooses it: by what {@code iptables} on {@code PATH} is.
 *
 * <p>The firewall's commands run as {@code ip netns exec NS env PATH=DIR:...}, where {@code DIR} is a temporary
 * directory holding {@code iptables} and {@code ip6tables} as links to {@code iptables-<variant>} (the links Debian's
 * alternatives make); so {@code iptables -V} names the variant and the firewall writes it, without touching the host's
 * alternatives or adding anything to the tables to steer it. Without IPv6 tools, {@code DIR} is the whole
 * {@code PATH} and holds only the IPv4 programs, as on a host without ip6tables. The test's own commands name the
 * variant's programs ({@code iptables-legacy}) directly. Not thread-safe; {@link #close()} deletes the directory,
 * {@link Namespaces} the namespace.
 */
final class IptablesNamespace implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final Backend backend;
    private final Path bin;
    private final ProcessCommandRunner runner;
    private final RecordingCommandListener listener = new RecordingCommandListener();
    private final ProcessCommandRunner firewallRunner;

    private IptablesNamespace(String name, Backend backend, boolean ipv6Tools) {
        this.name = name;
        this.backend = backend;
        this.runner = Namespaces.runnerIn(name);
        try {
            bin = Files.createTempDirectory("mdnptfw-bin-");
            List<String> programs = new ArrayList<>(List.of("iptables", backend.save(IpFamily.IPV4),
                    backend.restore(IpFamily.IPV4)));
            if (ipv6Tools) {
                programs.addAll(List.of("ip6tables", backend.save(IpFamily.IPV6), backend.restore(IpFamily.IPV6)));
            }
            for (String program : programs) {
                String target = program.equals("iptables") || program.equals("ip6tables") ? tool(program) : program;
                Files.createSymbolicLink(bin.resolve(program), locate(target));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = ipv6Tools ? bin + ":" + IptablesFirewall.DEFAULT_PATH : bin.toString();
        List<String> prefix = new ArrayList<>(Namespaces.prefix(name));
        prefix.addAll(List.of("env", "PATH=" + path));
        firewallRunner = new ProcessCommandRunner(prefix, TIMEOUT, listener, path, Namespaces.SCRATCH);
    }

    /** Creates a namespace whose firewall writes {@code backend}'s tables, in both families. */
    static IptablesNamespace create(Namespaces namespaces, Backend backend) {
        return new IptablesNamespace(namespaces.create("-" + backend.name().toLowerCase(java.util.Locale.ROOT)), backend, true);
    }

    /** Creates a namespace whose firewall finds no ip6tables program. */
    static IptablesNamespace withoutIp6tables(Namespaces namespaces, Backend backend) {
        return new IptablesNamespace(namespaces.create("-no6"), backend, false);
    }

    /** Returns a new firewall in the namespace, as a daemon that just started has it. */
    IptablesFirewall firewall() {
        return new IptablesFirewall(firewallRunner, FirewallVariants.INSTANCE);
    }

    /** Returns what the firewalls of this namespace ran. */
    RecordingCommandListener listener() {
        return listener;
    }

    String name() {
        return name;
    }

    Backend backend() {
        return backend;
    }

    /** Runs {@code iptables-<variant> -w 5 ARGS} (or ip6tables) in the namespace and requires it to succeed. */
    CommandResult iptables(IpFamily family, String... args) {
        List<String> command = new ArrayList<>(List.of(tool(family.tool()), "-w", IptablesFirewall.LOCK_WAIT_SECONDS));
        command.addAll(List.of(args));
        return require(command, "");
    }

    /** Runs the other variant's {@code iptables-<other> -w 5 ARGS} in the namespace and requires it to succeed. */
    CommandResult otherIptables(IpFamily family, String... args) {
        String other = family.tool() + (backend == Backend.NFT ? "-legacy" : "-nft");
        List<String> command = new ArrayList<>(List.of(other, "-w", IptablesFirewall.LOCK_WAIT_SECONDS));
        command.addAll(List.of(args));
        return require(command, "");
    }

    /** Feeds {@code script} to {@code iptables-<variant>-restore --noflush} and requires it to succeed. */
    void restore(IpFamily family, String script) {
        require(List.of(backend.restore(family), "--noflush"), script);
    }

    /** Returns the family's tables of the variant without comment lines and with every counter at zero. */
    List<String> dump(IpFamily family) {
        return require(List.of(backend.save(family)), "").stdout().lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.replaceAll("\\[[0-9]+:[0-9]+]", "[0:0]"))
                .toList();
    }

    /** Returns what the other variant's {@code iptables-save} prints, which must hold nothing of mdnp's. */
    List<String> dumpOfTheOtherVariant(IpFamily family) {
        return require(List.of(backend.other().save(family)), "").stdout().lines().toList();
    }

    /** Returns the family's tables of the variant, parsed. */
    Ruleset ruleset(IpFamily family) {
        return Ruleset.parse(String.join("\n", dump(family)));
    }

    /** Returns the rules of one chain as {@code iptables-save} prints them. */
    List<String> chain(IpFamily family, String table, String chain) {
        return ruleset(family).rules(table, chain).stream().map(RuleLine::appendLine).toList();
    }

    /** Returns every rule of the family's tables as a multiset of keys, sorted, for comparing with RuleTable's. */
    List<String> keys(IpFamily family) {
        return ruleset(family).allRules().stream().map(rule -> String.join(" ", rule.key())).sorted().toList();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(bin)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the sorted keys of {@code rules}, as {@link #keys} returns the kernel's. */
    static List<String> keysOf(List<RuleLine> rules) {
        return rules.stream().map(rule -> String.join(" ", rule.key())).sorted().collect(Collectors.toList());
    }

    private String tool(String family) {
        return family + (backend == Backend.NFT ? "-nft" : "-legacy");
    }

    private CommandResult require(List<String> command, String input) {
        CommandResult result = runner.run(command, input);
        assertThat(result.exitCode()).as("%s: %s%s", result.commandLine(), result.stderr(), input).isZero();
        return result;
    }

    private static Path locate(String program) {
        return Stream.of(IptablesFirewall.DEFAULT_PATH.split(":")).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(program + " is not installed"));
    }
}
