package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * One phase of a call's time, for the timing bars.
 *
 * @param name the phase: {@code decode}, {@code driver}, {@code kernel}, {@code store}, {@code encode}, or
 *     {@code other} for the rest of the total (queueing, transport)
 * @param micros its duration in microseconds
 * @param fraction its share of the call's total duration, from 0 to 1
 */
public record PhaseRow(String name, long micros, double fraction) {

    /** Validates the components. */
    public PhaseRow {
        requireNonNull(name, "name");
    }

    /** Returns {@code call}'s phases in the order they happen, then {@code other} when the phases leave time over. */
    public static List<PhaseRow> of(RequestRecord call) {
        PhaseTimings phases = call.phases();
        long total = call.durationMicros();
        List<PhaseRow> rows = new ArrayList<>(6);
        add(rows, "decode", phases.decodeMicros(), total);
        add(rows, "driver", phases.driverMicros(), total);
        add(rows, "kernel", phases.kernelMicros(), total);
        add(rows, "store", phases.storeMicros(), total);
        add(rows, "encode", phases.encodeMicros(), total);
        long rest = total - rows.stream().mapToLong(PhaseRow::micros).sum();
        if (rest > 0) {
            add(rows, "other", rest, total);
        }
        return List.copyOf(rows);
    }

    private static void add(List<PhaseRow> rows, String name, long micros, long total) {
        rows.add(new PhaseRow(name, micros, total <= 0 ? 0 : Math.min(1.0, (double) micros / total)));
    }
}
