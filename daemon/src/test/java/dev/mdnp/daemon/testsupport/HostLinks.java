package dev.mdnp.daemon.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/** The links of the host's network namespace, as {@code ip -o link show} lists them: what e2e tests check against. */
public final class HostLinks {

    private HostLinks() {
    }

    /** Returns the names of the links in the host's namespace, without the {@code @peer} suffix. */
    public static Set<String> names() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ip", "-o", "link", "show").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Set<String> names = new TreeSet<>();
        for (String line : out.split("\n")) {
            String[] fields = line.split(": ", 3);
            if (fields.length > 1) {
                names.add(fields[1].replaceAll("@.*", ""));
            }
        }
        return names;
    }
}
