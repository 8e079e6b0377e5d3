package dev.mdnp.daemon.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lists a namespace's iptables and ip6tables rules as {@code iptables-save} prints them: tables, chains with their
 * policies, and rules, each line prefixed with its tool; comments and packet counters left out.
 */
final class FirewallDump {

    private static final long TIMEOUT_SECONDS = 20;

    private FirewallDump() {
    }

    /** Lists the rules of the namespace {@code prefix} enters ({@code nsenter --net=...}); both tools at once. */
    static List<String> read(List<String> prefix) throws IOException, InterruptedException {
        List<String> tools = List.of("iptables-save", "ip6tables-save");
        List<Process> processes = new ArrayList<>();
        try {
            for (String tool : tools) {
                List<String> command = new ArrayList<>(prefix);
                command.add(tool);
                processes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
            }
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < tools.size(); i++) {
                Process process = processes.get(i);
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException(tools.get(i) + " failed: " + out);
                }
                String tool = tools.get(i);
                out.lines()
                        .filter(line -> !line.startsWith("#"))
                        .map(line -> line.startsWith(":") ? line.replaceFirst(" \\[\\d+:\\d+\\]$", "") : line)
                        .forEach(line -> lines.add(tool + " " + line));
            }
            return List.copyOf(lines);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
