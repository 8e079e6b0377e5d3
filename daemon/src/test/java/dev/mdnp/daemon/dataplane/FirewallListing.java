package dev.mdnp.daemon.dataplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a namespace's iptables and ip6tables rules as {@code iptables-save} prints them; kernel tests only. */
final class FirewallListing {

    private FirewallListing() {
    }

    /** Returns the {@code -A} lines of both families that carry mdnp's comment for {@code bridge}, of any daemon. */
    static List<String> rulesOf(List<String> prefix, String bridge) throws IOException, InterruptedException {
        return allRules(prefix).stream()
                .filter(line -> line.contains("\"mdnp:") && line.contains(":" + bridge + "\"")).toList();
    }

    /** Returns every {@code -A} line of both families, each prefixed with its tool's family, v4 first. */
    static List<String> allRules(List<String> prefix) throws IOException, InterruptedException {
        return lines(prefix, "-A ");
    }

    /** Returns the names of every chain of both families' tables, built-in ones included. */
    static List<String> chains(List<String> prefix) throws IOException, InterruptedException {
        return lines(prefix, ":").stream().map(line -> line.substring(line.indexOf(':') + 1).split(" ")[0]).toList();
    }

    private static List<String> lines(List<String> prefix, String start) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (String tool : List.of("iptables-save", "ip6tables-save")) {
            List<String> command = new ArrayList<>(prefix);
            command.add(tool);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command + " failed: " + out);
            }
            out.lines().filter(line -> line.startsWith(start)).forEach(line -> lines.add(tool + " " + line));
        }
        return lines;
    }
}
