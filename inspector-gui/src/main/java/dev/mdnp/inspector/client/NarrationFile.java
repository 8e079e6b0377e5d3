package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A narration beside the inspector: a text file another program (such as {@code scripts/demo}) appends a line to
 * at each step, {@code step 4/9: docker run …} and at the end {@code demo finished …}. Its last non-blank line is
 * read every {@link #INTERVAL_MILLIS} ms on a thread of its own and reported when it changed. A file that is
 * missing or cannot be read reports nothing: the last line read stays.
 */
public final class NarrationFile implements AutoCloseable {

    /** How often the file is read, in milliseconds. */
    static final long INTERVAL_MILLIS = 200;

    private final Path file;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mdnp-inspector-narration");
        thread.setDaemon(true);
        return thread;
    });
    private String last = "";

    /** Creates the narration read from {@code file}; nothing is read before {@link #start}. */
    public NarrationFile(Path file) {
        this.file = requireNonNull(file, "file");
    }

    /** Reads the file now and then every {@link #INTERVAL_MILLIS} ms, reporting each new last line to {@code sink}. */
    public void start(Consumer<String> sink) {
        requireNonNull(sink, "sink");
        executor.scheduleWithFixedDelay(() -> check(sink), 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Reads the file once; reports its last non-blank line to {@code sink} if that changed since the last read. */
    synchronized void check(Consumer<String> sink) {
        String line;
        try {
            line = lastLine(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return; // not written yet, or removed at the end: the last line read stays
        }
        if (!line.isEmpty() && !line.equals(last)) {
            last = line;
            sink.accept(line);
        }
    }

    private static String lastLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }

    /** Stops reading; idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
