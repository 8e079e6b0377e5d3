package dev.mdnp.daemon.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a worker thread block until a non-blocking channel is ready, which is how Undertow's blocking streams
 * ({@code startBlocking()}) wait through {@code awaitReadable}/{@code awaitWritable}. Each thread gets its own
 * secondary {@link Selector}; the JDK allows a channel to be registered with several selectors at once, so the
 * channel stays registered with its I/O thread meanwhile.
 *
 * <p>Thread safety: every method may be called from any thread. Resource ownership: each selector holds file
 * descriptors until {@link #close()}. The server sizes the task pool with core = max threads, so pool threads are
 * not retired while it runs and the number of selectors stays bounded by the pool size.
 */
final class BlockingSelectors implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockingSelectors.class);

    private final ThreadLocal<Selector> perThread = new ThreadLocal<>();
    private final Set<Selector> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Blocks until {@code channel} is ready for {@code op}, the timeout passes, or the channel is closed.
     *
     * @param timeoutMillis the longest wait, or zero or less to wait without limit
     * @throws InterruptedIOException if the thread is interrupted; its interrupt flag stays set
     * @throws IOException if the selectors were closed because the server stopped
     */
    void await(SelectableChannel channel, int op, long timeoutMillis) throws IOException {
        Selector selector = selector();
        SelectionKey key;
        try {
            key = channel.register(selector, op);
        } catch (ClosedChannelException e) {
            // The caller's next read or write reports the closed channel.
            return;
        }
        try {
            if (timeoutMillis > 0) {
                selector.select(timeoutMillis);
            } else {
                selector.select();
            }
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new IOException("unix socket server stopped while a handler was waiting", e);
        } finally {
            key.cancel();
            flushCancelledKey(selector);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while waiting for a unix socket channel");
        }
    }

    /** Closes every selector; later waits fail. */
    @Override
    public void close() {
        closed = true;
        for (Selector selector : all) {
            try {
                selector.close();
            } catch (IOException e) {
                log.warn("closing a blocking-wait selector failed", e);
            }
        }
        all.clear();
    }

    private Selector selector() throws IOException {
        Selector selector = perThread.get();
        if (selector != null && selector.isOpen()) {
            return selector;
        }
        if (closed) {
            throw new IOException("unix socket server stopped");
        }
        selector = Selector.open();
        all.add(selector);
        perThread.set(selector);
        if (closed) {
            // close() ran between the check and the add and may have missed this selector.
            all.remove(selector);
            selector.close();
            throw new IOException("unix socket server stopped");
        }
        return selector;
    }

    private static void flushCancelledKey(Selector selector) {
        // Deregisters the cancelled key now; registering the channel again with a cancelled key still pending fails.
        try {
            selector.selectNow();
        } catch (IOException | ClosedSelectorException e) {
            log.debug("flushing a cancelled key failed", e);
        }
    }
}
