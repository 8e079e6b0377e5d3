package dev.mdnp.daemon;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.ipam.DefaultPools;
import dev.mdnp.daemon.transport.ListenSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What {@code mdnp serve} was asked to do.
 *
 * @param name the plugin name: the socket's file name, and the owner mark on links and firewall rules
 * @param driverName the name Docker knows the driver by, which users pass to {@code docker network create -d}: the
 *     plugin name, or a managed plugin's full reference such as {@code mdnp/mdnp:1.0}
 * @param pluginDir the directory Docker searches for plugin sockets
 * @param pluginListen the plugin API socket: {@code <plugin-dir>/<name>.sock} of its own, or the one systemd passed
 * @param stateDir where durable state is kept
 * @param inspect the introspection channel's socket, group, history size and record file
 * @param shutdownGrace how long a stop waits for calls in flight
 * @param defaultPools the ranges mdnp's IPAM carves automatic pools from
 * @param dockerHost the Docker engine the orphan collector asks and Docker's names are learned from, a
 *     {@code unix://} URI
 * @param reconcileInterval how often the orphan collector asks Docker
 */
record DaemonConfig(String name, String driverName, Path pluginDir, ListenSource pluginListen, Path stateDir, IntrospectionOptions inspect, Duration shutdownGrace,
        DefaultPools defaultPools, String dockerHost, Duration reconcileInterval) {

    /** Plugin names as Docker users type them: short, lower case, no path separators. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Docker plugin references: a name, or repository/name with a tag or digest. */
    private static final Pattern DRIVER_NAME = Pattern.compile("[a-z0-9][a-z0-9._/:@-]{0,254}");

    DaemonConfig {
        requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid plugin name \"" + name
                    + "\": use 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        requireNonNull(driverName, "driverName");
        if (!DRIVER_NAME.matcher(driverName).matches()) {
            throw new IllegalArgumentException("invalid driver name \"" + driverName + "\": use the plugin name or"
                    + " reference Docker shows in 'docker network ls', e.g. mdnp or mdnp/mdnp:1.0");
        }
        requireNonNull(pluginDir, "pluginDir");
        requireNonNull(pluginListen, "pluginListen");
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

    /**
     * Returns the path of the plugin API socket: {@code <plugin-dir>/<name>.sock} (cnm-remote-api.md §1.1), or where
     * the socket systemd passed is bound.
     */
    Path pluginSocket() {
        return pluginListen.path();
    }
}
