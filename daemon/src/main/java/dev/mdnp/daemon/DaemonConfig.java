package dev.mdnp.daemon;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.ipam.DefaultPools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What {@code mdnp serve} was asked to do.
 *
 * @param name the plugin name users pass to {@code docker network create -d}; also the socket's file name
 * @param pluginDir the directory Docker searches for plugin sockets
 * @param stateDir where durable state is kept
 * @param inspect the introspection channel's socket, group, history size and record file
 * @param shutdownGrace how long a stop waits for calls in flight
 * @param defaultPools the ranges mdnp's IPAM carves automatic pools from
 * @param dockerHost the Docker engine the orphan collector asks and Docker's names are learned from, a
 *     {@code unix://} URI
 * @param reconcileInterval how often the orphan collector asks Docker
 */
record DaemonConfig(String name, Path pluginDir, Path stateDir, IntrospectionOptions inspect, Duration shutdownGrace,
        DefaultPools defaultPools, String dockerHost, Duration reconcileInterval) {

    /** Plugin names as Docker users type them: short, lower case, no path separators. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    DaemonConfig {
        requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid plugin name \"" + name
                    + "\": use 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        requireNonNull(pluginDir, "pluginDir");
        requireNonNull(stateDir, "stateDir");
        requireNonNull(inspect, "inspect");
        requireNonNull(defaultPools, "defaultPools");
        if (!dockerHost.startsWith("unix:///")) {
            throw new IllegalArgumentException("invalid --docker-host \"" + dockerHost
                    + "\": use the engine's UNIX socket as unix:///path, e.g. unix:///var/run/docker.sock");
        }
        if (reconcileInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("reconcile interval must be at least 1s");
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdown grace must not be negative");
        }
    }

    /** Returns the plugin API socket, {@code <plugin-dir>/<name>.sock} (cnm-remote-api.md §1.1). */
    Path pluginSocket() {
        return pluginDir.resolve(name + ".sock");
    }
}
