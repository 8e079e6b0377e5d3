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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A recorded session, read from the NDJSON file a daemon wrote with {@code --record FILE}, played back through
 * {@link #control()} so that a class can follow a flow without root or Docker. Every played call is reported as a
 * request, and after each call that changed them the objects rebuilt from the calls so far.
 *
 * <p>The connection goes {@code Connected} once the file is read (it starts paused, at the first call) and
 * {@code Closed} when every call was played, naming the lines that were not calls; a file that cannot be read is
 * {@code Closed} at once, with the reason. The file is read on the replay's own thread.
 */
public final class ReplayFeed implements Feed {

    /** How many malformed lines the closing message names; the count covers them all. */
    private static final int NAMED_PROBLEMS = 3;

    private final Path file;
    private final ReplayScheduler scheduler;
    private final RecordingReader reader;
    private final ReplayObjects objects;
    private final ReplayControl control;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean finishReported = new AtomicBoolean();
    private volatile Consumer<FeedUpdate> sink = update -> { };

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
        this.control = new ReplayControl(scheduler, this::play);
    }

    /** Returns the play, pause, step and speed controls of this replay; usable before {@link #start}. */
    public ReplayControl control() {
        return control;
    }

    @Override
    public void start(Consumer<FeedUpdate> sink) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the replay of " + file + " was started before");
        }
        this.sink = requireNonNull(sink, "sink");
        control.subscribe(this::reportFinish);
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
            finishReported.set(true);
            sink.accept(new FeedUpdate.Connection(new ConnectionState.Closed("cannot read " + file + ": " + reason(e))));
            control.load(Recording.EMPTY);
            return;
        }
        objects.begin(recording.calls());
        sink.accept(new FeedUpdate.Connection(new ConnectionState.Connected(-1)));
        sink.accept(new FeedUpdate.Objects(objects.snapshot(
                recording.calls().isEmpty() ? Instant.EPOCH : recording.calls().get(0).start())));
        control.load(recording);
    }

    /** Reports one call, then the objects when it changed them; called by the control, one call at a time. */
    private void play(RequestRecord call) {
        sink.accept(new FeedUpdate.Request(call));
        if (objects.apply(call)) {
            sink.accept(new FeedUpdate.Objects(objects.snapshot(call.start())));
        }
    }

    private void reportFinish(ReplayState state) {
        if (state.finished() && finishReported.compareAndSet(false, true)) {
            sink.accept(new FeedUpdate.Connection(new ConnectionState.Closed(finishText(state))));
        }
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

    private String finishText(ReplayState state) {
        String text = "replay of " + file.getFileName() + " finished after " + state.total() + " calls";
        if (state.malformed().isEmpty()) {
            return text;
        }
        return text + "; " + state.malformed().size() + " lines were not calls and were skipped ("
                + state.malformed().stream().limit(NAMED_PROBLEMS).map(MalformedLine::describe)
                        .collect(Collectors.joining("; "))
                + (state.malformed().size() > NAMED_PROBLEMS ? "; …" : "") + ")";
    }
}
