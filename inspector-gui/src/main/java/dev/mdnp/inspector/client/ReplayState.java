package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.ReplaySpeed;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a replay stands, as its {@link ReplayControl} reports it after every change.
 *
 * @param position how many calls were played so far: the inspector shows the state after the first {@code position}
 *     calls (seeking back lowers it)
 * @param total how many calls the session has; 0 until the file is read
 * @param playing whether calls are played on their own, at the recorded pace divided by {@code speed}
 * @param speed the pace
 * @param finished whether every call was played (or the file could not be read); only a seek back goes on
 * @param malformed the lines of the file that were not calls and were skipped
 * @param at when the last call played arrived, as recorded; null before the first
 */
public record ReplayState(int position, int total, boolean playing, ReplaySpeed speed, boolean finished,
        List<MalformedLine> malformed, @Nullable Instant at) {

    /** Validates the components and copies the list. */
    public ReplayState {
        requireNonNull(speed, "speed");
        malformed = List.copyOf(malformed);
    }
}
