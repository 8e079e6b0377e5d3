package dev.mdnp.inspector.client;

import dev.mdnp.model.inspect.RequestRecord;
import java.util.List;
import java.util.stream.LongStream;

/** Builds replay controls on a {@link FakeReplayScheduler}, for tests outside this package. */
public final class ReplayControls {

    private ReplayControls() {
    }

    /** Returns a control with {@code calls} and {@code malformed} already read, showing them on {@code target}. */
    public static ReplayControl loaded(FakeReplayScheduler scheduler, List<RequestRecord> calls,
            List<MalformedLine> malformed, RecordingReplayTarget target) {
        ReplayControl control = new ReplayControl(scheduler, target);
        control.load(new Recording(calls, malformed));
        return control;
    }

    /** Returns {@code count} calls 100 ms apart, for replays whose content does not matter. */
    public static List<RequestRecord> calls(int count) {
        return LongStream.rangeClosed(1, count)
                .mapToObj(seq -> RecordedCalls.at(seq, (seq - 1) * 100))
                .toList();
    }
}
