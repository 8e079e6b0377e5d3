package dev.mdnp.daemon.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The links of the host's network namespace, as {@code ip -o link show} lists them: what e2e tests check against. */
public final class HostLinks {

    /** The device group as {@code ip} prints it: a number, or {@code default} for group 0. */
    private static final Pattern GROUP = Pattern.compile(" group (\\S+) ");

    private HostLinks() {
    }

    /** Returns the names of the links in the host's namespace, without the {@code @peer} suffix. */
    public static Set<String> names() throws IOException, InterruptedException {
        return new TreeSet<>(groups().keySet());
    }

    /**
     * Returns the links of the host's namespace by name (without the {@code @peer} suffix) with their device group, 0
     * for the default one: the groups tell whose links mdnp's are ({@code dataplane.Ownership}).
     */
    public static Map<String, Integer> groups() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ip", "-o", "link", "show").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Map<String, Integer> groups = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] fields = line.split(": ", 3);
            if (fields.length > 2) {
                Matcher group = GROUP.matcher(fields[2]);
                groups.put(fields[1].replaceAll("@.*", ""), group.find() ? group(group.group(1)) : 0);
            }
        }
        return groups;
    }

    private static int group(String text) {
        return text.equals("default") ? 0 : Integer.parseUnsignedInt(text);
    }
}
