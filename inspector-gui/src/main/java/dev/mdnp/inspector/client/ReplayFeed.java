package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A recorded session, read from the NDJSON file a daemon wrote with {@code --record FILE}, played back through
 * {@link #control()} so that a class can follow a flow without root or Docker. Every call reached is reported as a
 * request, and after the calls that changed them the objects rebuilt from the calls so far. When the control goes
 * back, the feed reports {@link FeedUpdate.Rewound}, then the calls up to the new position and the objects rebuilt
 * from them.
 *
 * <p>The connection goes {@code Connected} once the file is read (it starts paused, before the first call) and stays
 * so after the last call, so that the window stays on the last state; where the replay stands is the control's
 * {@link ReplayState}. A file that cannot be read is {@code Closed} at once, with the reason. The file is read on
 * the replay's own thread.
 */
public final class ReplayFeed implements Feed {

    private final Path file;
    private final ReplayScheduler scheduler;
    private final RecordingReader reader;
    private final ReplayObjects objects;
    private final ReplayControl control;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Consumer<FeedUpdate> sink = update -> { };
    /** When the first call arrived, as recorded; the time of the objects before any call. Replay thread only. */
    private Instant firstCall = Instant.EPOCH;

    /** Creates a replay of {@code file}, played in real time on a thread of its own; it reads on {@link #start}. */
    public ReplayFeed(Path file) {
        this(file, new ExecutorReplayScheduler());
    }

    ReplayFeed(Path file, ReplayScheduler scheduler) {
        this.file = requireNonNull(file, "file");
        this.scheduler = requireNonNull(scheduler, "scheduler");
        ObjectMapper mapper = JsonMappers.create();
        this.reader = new RecordingReader(mapper);
        this.objects = new ReplayObjects(file.toString(), mapper);
        this.control = new ReplayControl(scheduler, new Shown());
    }

    /** Returns the play, pause, step, seek and speed controls of this replay; usable before {@link #start}. */
    public ReplayControl control() {
        return control;
    }

    @Override
    public void start(Consumer<FeedUpdate> sink) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the replay of " + file + " was started before");
        }
        this.sink = requireNonNull(sink, "sink");
        scheduler.schedule(this::load, Duration.ZERO);
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public void close() {
        scheduler.close();
    }

    private void load() {
        Recording recording;
        try {
            recording = reader.read(file);
        } catch (IOException e) {
            sink.accept(new FeedUpdate.Connection(new ConnectionState.Closed("cannot read " + file + ": " + reason(e))));
            control.load(Recording.EMPTY);
            return;
        }
        objects.begin(recording.calls());
        firstCall = recording.calls().isEmpty() ? Instant.EPOCH : recording.calls().get(0).start();
        sink.accept(new FeedUpdate.Connection(new ConnectionState.Connected(-1)));
        sink.accept(new FeedUpdate.Objects(objects.snapshot(firstCall)));
        control.load(recording);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return String.valueOf(e.getMessage());
    }

    /** Reports what the control reached: the calls, then the objects when they changed (always after a restart). */
    private final class Shown implements ReplayTarget {

        @Override
        public void advance(List<RequestRecord> calls) {
            if (report(calls)) {
                sink.accept(new FeedUpdate.Objects(objects.snapshot(calls.get(calls.size() - 1).start())));
            }
        }

        @Override
        public void restart(List<RequestRecord> calls) {
            sink.accept(new FeedUpdate.Rewound());
            objects.reset();
            report(calls);
            sink.accept(new FeedUpdate.Objects(objects.snapshot(
                    calls.isEmpty() ? firstCall : calls.get(calls.size() - 1).start())));
        }

        /** Reports each call and applies it to the objects; returns whether any changed them. */
        private boolean report(List<RequestRecord> calls) {
            boolean changed = false;
            for (RequestRecord call : calls) {
                sink.accept(new FeedUpdate.Request(call));
                changed |= objects.apply(call);
            }
            return changed;
        }
    }
}
