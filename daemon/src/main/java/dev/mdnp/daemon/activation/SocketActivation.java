package dev.mdnp.daemon.activation;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.transport.ListenSource;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the listening socket systemd passed to this process, if it passed one.
 *
 * <p>Two ways are understood. By the {@code LISTEN_FDS} protocol of {@code sd_listen_fds(3)}: {@code LISTEN_PID}
 * is this process's pid and {@code LISTEN_FDS=1}, and the socket is fd 3 ({@code systemd-socket-activate -l}, or a
 * {@code .socket} unit without {@code StandardInput=socket}). Or on standard input ({@code StandardInput=socket},
 * {@code systemd-socket-activate --inetd}). The JDK turns only fd 0 into a channel ({@code System.inheritedChannel()},
 * which caches its first answer), so fd 3 is first moved to fd 0. The three variables are always removed from the
 * environment, as {@code sd_listen_fds(1)} does: processes started later must not take them for their own.
 *
 * <p>Not thread-safe, and meant to run once, first thing in {@code serve}, before anything else asks for the
 * inherited channel.
 */
public final class SocketActivation {

    /** The first file descriptor systemd passes sockets on ({@code SD_LISTEN_FDS_START}). */
    static final int LISTEN_FDS_START = 3;
    static final String LISTEN_PID = "LISTEN_PID";
    static final String LISTEN_FDS = "LISTEN_FDS";
    static final String LISTEN_FDNAMES = "LISTEN_FDNAMES";

    private static final Logger log = LoggerFactory.getLogger(SocketActivation.class);

    /** Returns the channel on standard input, as {@code System.inheritedChannel()} does. */
    @FunctionalInterface
    interface StandardInputChannel {
        @Nullable Channel get() throws IOException;
    }

    private final Map<String, String> environment;
    private final long pid;
    private final ProcessDescriptors descriptors;
    private final StandardInputChannel standardInput;

    SocketActivation(Map<String, String> environment, long pid, ProcessDescriptors descriptors,
            StandardInputChannel standardInput) {
        this.environment = Map.copyOf(environment);
        this.pid = pid;
        this.descriptors = requireNonNull(descriptors, "descriptors");
        this.standardInput = requireNonNull(standardInput, "standardInput");
    }

    /** Returns the activation of this process: its environment, pid, file descriptors and inherited channel. */
    public static SocketActivation ofThisProcess() {
        return new SocketActivation(System.getenv(), ProcessHandle.current().pid(), new NativeProcessDescriptors(),
                System::inheritedChannel);
    }

    /**
     * Returns the listening UNIX socket systemd passed, or nothing when it passed none.
     *
     * @throws ActivationException if systemd passed something else: several sockets, a socket that is not a
     *     listening UNIX socket, or nothing usable on fd 3 although {@code LISTEN_FDS} says it did
     */
    public Optional<ListenSource.Inherited> take() {
        boolean onFd3 = passedByListenFds();
        for (String name : List.of(LISTEN_PID, LISTEN_FDS, LISTEN_FDNAMES)) {
            if (environment.containsKey(name)) {
                descriptors.unsetEnvironment(name);
            }
        }
        if (onFd3) {
            descriptors.moveToStandardInput(LISTEN_FDS_START);
        }
        Channel channel;
        try {
            channel = standardInput.get();
        } catch (IOException e) {
            throw new ActivationException("cannot read the socket on standard input: " + e.getMessage(), e);
        }
        if (channel instanceof ServerSocketChannel listening) {
            return Optional.of(inherited(listening));
        }
        if (onFd3) {
            throw new ActivationException("LISTEN_FDS=1, but fd 3 is not a listening socket (" + describe(channel)
                    + "): give mdnp.socket one ListenStream= with a path");
        }
        if (channel != null) {
            log.warn("standard input is {}, not a listening socket; ignoring it (under systemd, mdnp.socket needs"
                    + " Accept=no)", describe(channel));
        }
        return Optional.empty();
    }

    /** Whether {@code LISTEN_PID} and {@code LISTEN_FDS} pass exactly one socket to this process. */
    private boolean passedByListenFds() {
        String listenPid = environment.get(LISTEN_PID);
        String listenFds = environment.get(LISTEN_FDS);
        if (listenPid == null || listenFds == null || !listenPid.trim().equals(Long.toString(pid))) {
            // sd_listen_fds(3): the variables are meant for another process (the one that started this one).
            return false;
        }
        if (listenFds.trim().equals("0")) {
            return false;
        }
        if (!listenFds.trim().equals("1")) {
            throw new ActivationException("systemd passed LISTEN_FDS=" + listenFds + " sockets; mdnp serves exactly"
                    + " one: give mdnp.socket a single ListenStream=");
        }
        return true;
    }

    private static ListenSource.Inherited inherited(ServerSocketChannel listening) {
        try {
            return ListenSource.Inherited.of(listening);
        } catch (IllegalArgumentException | IOException e) {
            throw new ActivationException("systemd passed a socket mdnp cannot serve: " + e.getMessage()
                    + "; give mdnp.socket ListenStream=/run/docker/plugins/<name>.sock", e);
        }
    }

    private static String describe(@Nullable Channel channel) {
        if (channel == null) {
            return "not a socket";
        }
        if (channel instanceof SocketChannel) {
            return "a connected socket";
        }
        return "a " + channel.getClass().getSimpleName();
    }
}
