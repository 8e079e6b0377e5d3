package dev.mdnp.inspector.store;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Moves feed updates to the store on the FX thread: every {@link #PERIOD} it drains what the feed queued and applies
 * it as one batch, so a busy daemon costs one list change per tick instead of one per call.
 */
public final class FxUpdatePump implements AutoCloseable {

    /** How often the queue is drained: fast enough to look live, slow enough to batch. */
    public static final Duration PERIOD = Duration.millis(50);
    /** The most updates applied in one tick, so one tick never freezes the window; the rest wait for the next. */
    public static final int MAX_BATCH = 25_000;

    private final Timeline timeline;

    /** Creates a pump from {@code queue} into {@code store}; it runs after {@link #start}. */
    public FxUpdatePump(UpdateQueue queue, InspectorStore store) {
        timeline = new Timeline(new KeyFrame(PERIOD, event -> {
            if (queue.size() > 0) {
                store.apply(queue.drain(MAX_BATCH));
            }
        }));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    /** Starts draining; call on the FX thread. */
    public void start() {
        timeline.play();
    }

    /** Stops draining; call on the FX thread. */
    @Override
    public void close() {
        timeline.stop();
    }
}
