package dev.mdnp.inspector.client;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Placeholder, replaced by the replay work: a recorded session read from an NDJSON file. */
public final class ReplayFeed implements Feed {

    private final Path file;

    /** Creates a replay of {@code file}. */
    public ReplayFeed(Path file) {
        this.file = file;
    }

    @Override
    public void start(Consumer<FeedUpdate> sink) {
        throw new UnsupportedOperationException("replay is not built yet");
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public void close() {
    }
}
