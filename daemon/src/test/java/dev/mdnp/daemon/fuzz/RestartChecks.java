package dev.mdnp.daemon.fuzz;


import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Runs the fuzzer's restart checks ({@link FuzzedDaemon#restartCheck()}) on a thread of their own, beside the next
 * cases: loading a copy of the store costs about 20 ms, and the copy was taken when the case was done.
 *
 * <p>Not thread-safe: the fuzzer's thread submits and collects.
 */
final class RestartChecks implements AutoCloseable {

    /**
     * A check that found a difference.
     *
     * @param after the case after which the store was copied, null for a checkpoint
     * @param text what differs
     */
    record Difference(@Nullable FuzzCase after, String text) {
    }

    private record Pending(@Nullable FuzzCase after, Future<String> result) {
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread checker = new Thread(work, "mdnpt-fuzz-restart");
        checker.setDaemon(true);
        return checker;
    });
    private final List<Pending> pending = new ArrayList<>();
    private long count;

    /** Starts a check of the store copied after {@code after}. */
    void check(@Nullable FuzzCase after, Callable<String> check) {
        count++;
        pending.add(new Pending(after, thread.submit(check)));
    }

    /** Returns how many checks were started. */
    long count() {
        return count;
    }

    /** Returns the differences of the checks that are done, or of all of them after waiting when {@code wait}. */
    List<Difference> differences(boolean wait) throws InterruptedException, ExecutionException {
        List<Difference> found = new ArrayList<>();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending check = it.next();
            if (!wait && !check.result().isDone()) {
                continue;
            }
            it.remove();
            String text = check.result().get();
            if (!text.isEmpty()) {
                found.add(new Difference(check.after(), text));
            }
        }
        return found;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
