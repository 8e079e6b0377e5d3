package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The daemon itself, as {@code /v1/info} shows it.
 *
 * @param name the plugin name
 * @param version mdnp's version
 * @param startedAt when the daemon started
 * @param pluginSocket the plugin API socket Docker calls
 * @param stateDir the state directory
 * @param networks how many networks it holds
 * @param endpoints how many endpoints it holds
 * @param requests how many plugin calls it has served since it started
 * @param lastSeq the sequence number of the last recorded call, 0 before the first
 * @param historySize how many calls the request history keeps
 * @param droppedEvents events a slow event-stream client missed since the start
 */
public record InfoView(String name, String version, Instant startedAt, String pluginSocket, String stateDir,
        int networks, int endpoints, long requests, long lastSeq, int historySize, long droppedEvents) {

    /** Validates the components. */
    public InfoView {
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(pluginSocket, "pluginSocket");
        requireNonNull(stateDir, "stateDir");
    }
}
