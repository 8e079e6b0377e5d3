package dev.mdnp.daemon.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A named network namespace ({@code ip netns add mdnp-…}) that a separate daemon process can be started in with
 * {@code ip netns exec}, unlike the thread-bound namespace of {@code PrivateNetns}. Its name always starts with
 * {@code mdnp}. {@link #close()} deletes it; the kernel destroys it, and every link in it, once no process is left
 * inside, so the daemon must be stopped first.
 */
public final class NamedNetns implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private boolean open = true;

    private NamedNetns(String name) {
        this.name = name;
    }

    /**
     * Creates {@code ip netns add NAME}; NAME must start with {@code mdnp}.
     *
     * @throws IllegalStateException when {@code ip} fails or the new namespace holds more than {@code lo}
     */
    public static NamedNetns create(String name) throws IOException, InterruptedException {
        if (!name.startsWith("mdnp")) {
            throw new IllegalArgumentException("test namespaces are named mdnp…, not " + name);
        }
        run(List.of("ip", "netns", "add", name));
        NamedNetns netns = new NamedNetns(name);
        try {
            String links = netns.ip("-o", "link", "show");
            if (links.lines().count() != 1 || !links.contains(": lo:")) {
                throw new IllegalStateException("namespace " + name + " is not fresh: " + links);
            }
        } catch (IOException | RuntimeException e) {
            netns.close();
            throw e;
        }
        return netns;
    }

    /** Returns the namespace's name. */
    public String name() {
        return name;
    }

    /** Returns the command a daemon's command line is appended to, to run it inside: {@code ip netns exec NAME}. */
    public List<String> wrapper() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Runs {@code ip -n NAME ARGS} and returns its standard output; fails when it exits non-zero. */
    public String ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs {@code ip netns exec NAME COMMAND} and returns its standard output; fails when it exits non-zero. */
    public String exec(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(wrapper());
        full.addAll(List.of(command));
        return run(full);
    }

    /** Deletes the namespace ({@code ip netns del NAME}); a second call does nothing. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (open) {
            open = false;
            run(List.of("ip", "netns", "del", name));
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, false));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, true));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in time");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + err.join().strip());
        }
        return out.join();
    }

    private static String read(Process process, boolean stderr) {
        try {
            byte[] bytes = (stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }
}
