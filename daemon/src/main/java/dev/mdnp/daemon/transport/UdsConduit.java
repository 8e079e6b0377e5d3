package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Xnio;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;
import org.xnio.conduits.WriteReadyHandler;

/**
 * The bottom conduit of a UNIX-domain connection: reads and writes go straight to the JDK {@link SocketChannel}, and
 * readiness comes from the connection's {@link UdsIoThread}. The semantics follow XNIO's {@code NioSocketConduit}
 * (3.8.16), which XNIO does not document: resume and suspend change the key's interest set, a wakeup queues a forced
 * readiness call, a read of -1 terminates reads, and terminating reads or writes shuts that direction down with
 * {@code shutdownInput}/{@code shutdownOutput} (never {@code socket()}, which UNIX channels do not support). The
 * connection closes once both directions are terminated.
 *
 * <p>Thread safety: reads and writes happen on one thread at a time (Undertow's rule); resume, suspend and wakeup may
 * be called from any thread. Blocking waits ({@code await*}) run on worker threads only.
 */
final class UdsConduit implements StreamSourceConduit, StreamSinkConduit, UdsIoThread.Ready {

    private static final Logger log = LoggerFactory.getLogger(UdsConduit.class);

    private final UdsIoThread thread;
    private final SelectionKey key;
    private final SocketChannel channel;
    private final UdsStreamConnection connection;
    private final BlockingSelectors blockingSelectors;
    private volatile @Nullable ReadReadyHandler readReadyHandler;
    private volatile @Nullable WriteReadyHandler writeReadyHandler;

    UdsConduit(UdsIoThread thread, SelectionKey key, UdsStreamConnection connection,
            BlockingSelectors blockingSelectors) {
        this.thread = requireNonNull(thread, "thread");
        this.key = requireNonNull(key, "key");
        this.channel = (SocketChannel) key.channel();
        this.connection = requireNonNull(connection, "connection");
        this.blockingSelectors = requireNonNull(blockingSelectors, "blockingSelectors");
    }

    /** Calls the ready handlers; a direction already shut down is suspended instead. Runs on the I/O thread. */
    @Override
    public void handleReady(int ops) {
        ReadReadyHandler read = readReadyHandler;
        if ((ops & SelectionKey.OP_READ) != 0 && read != null) {
            if (isReadShutdown()) {
                suspendReads();
            } else {
                callSafely(read::readReady);
            }
        }
        WriteReadyHandler write = writeReadyHandler;
        if ((ops & SelectionKey.OP_WRITE) != 0 && write != null) {
            if (isWriteShutdown()) {
                suspendWrites();
            } else {
                callSafely(write::writeReady);
            }
        }
    }

    @Override
    public void forceTermination() {
        ReadReadyHandler read = readReadyHandler;
        if (read != null) {
            callSafely(read::forceTermination);
        }
        WriteReadyHandler write = writeReadyHandler;
        if (write != null) {
            callSafely(write::forceTermination);
        }
        // A handler that ignored the termination must not keep the channel open.
        connection.closeQuietly();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        try {
            return (int) endReadsAtEof(channel.read(dst));
        } catch (ClosedChannelException e) {
            return -1;
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        try {
            return length == 1 ? read(dsts[offset]) : endReadsAtEof(channel.read(dsts, offset, length));
        } catch (ClosedChannelException e) {
            return -1L;
        }
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(channel, position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return Conduits.transfer(this, count, throughBuffer, target);
    }

    @Override
    public void terminateReads() {
        if (connection.markReadClosed()) {
            shutDown(SelectionKey.OP_READ);
            readTerminated();
        }
    }

    @Override
    public boolean isReadShutdown() {
        return connection.isReadShutdown();
    }

    @Override
    public void resumeReads() {
        resume(SelectionKey.OP_READ);
    }

    @Override
    public void suspendReads() {
        thread.clearOps(key, SelectionKey.OP_READ);
    }

    @Override
    public void wakeupReads() {
        wakeup(SelectionKey.OP_READ);
    }

    @Override
    public boolean isReadResumed() {
        return isResumed(SelectionKey.OP_READ);
    }

    @Override
    public void awaitReadable() throws IOException {
        awaitReadable(0L, TimeUnit.MILLISECONDS);
    }

    @Override
    public void awaitReadable(long time, TimeUnit timeUnit) throws IOException {
        Xnio.checkBlockingAllowed();
        blockingSelectors.await(channel, SelectionKey.OP_READ, timeUnit.toMillis(time));
    }

    @Override
    public XnioIoThread getReadThread() {
        return thread;
    }

    @Override
    public void setReadReadyHandler(ReadReadyHandler handler) {
        readReadyHandler = handler;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return channel.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return length == 1 ? write(srcs[offset]) : channel.write(srcs, offset, length);
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
        return Conduits.writeFinalBasic(this, src);
    }

    @Override
    public long writeFinal(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return Conduits.writeFinalBasic(this, srcs, offset, length);
    }

    @Override
    public long transferFrom(FileChannel src, long position, long count) throws IOException {
        return src.transferTo(position, count, channel);
    }

    @Override
    public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) throws IOException {
        return Conduits.transfer(source, count, throughBuffer, this);
    }

    @Override
    public boolean flush() {
        // Nothing is buffered at this level.
        return true;
    }

    @Override
    public void terminateWrites() {
        if (connection.markWriteClosed()) {
            shutDown(SelectionKey.OP_WRITE);
            writeTerminated();
        }
    }

    @Override
    public void truncateWrites() {
        terminateWrites();
    }

    @Override
    public boolean isWriteShutdown() {
        return connection.isWriteShutdown();
    }

    @Override
    public void resumeWrites() {
        resume(SelectionKey.OP_WRITE);
    }

    @Override
    public void suspendWrites() {
        thread.clearOps(key, SelectionKey.OP_WRITE);
    }

    @Override
    public void wakeupWrites() {
        wakeup(SelectionKey.OP_WRITE);
    }

    @Override
    public boolean isWriteResumed() {
        return isResumed(SelectionKey.OP_WRITE);
    }

    @Override
    public void awaitWritable() throws IOException {
        awaitWritable(0L, TimeUnit.MILLISECONDS);
    }

    @Override
    public void awaitWritable(long time, TimeUnit timeUnit) throws IOException {
        Xnio.checkBlockingAllowed();
        if (!isWriteShutdown()) {
            blockingSelectors.await(channel, SelectionKey.OP_WRITE, timeUnit.toMillis(time));
        }
    }

    @Override
    public XnioIoThread getWriteThread() {
        return thread;
    }

    @Override
    public void setWriteReadyHandler(WriteReadyHandler handler) {
        writeReadyHandler = handler;
    }

    @Override
    public XnioWorker getWorker() {
        return thread.getWorker();
    }

    void readTerminated() {
        ReadReadyHandler read = readReadyHandler;
        if (read != null) {
            callSafely(read::terminated);
        }
    }

    void writeTerminated() {
        WriteReadyHandler write = writeReadyHandler;
        if (write != null) {
            callSafely(write::terminated);
        }
    }

    private long endReadsAtEof(long read) {
        if (read == -1L) {
            terminateReads();
        }
        return read;
    }

    private void shutDown(int op) {
        thread.clearOps(key, op);
        if (!channel.isOpen()) {
            return;
        }
        try {
            if (op == SelectionKey.OP_READ) {
                channel.shutdownInput();
            } else {
                channel.shutdownOutput();
            }
        } catch (IOException e) {
            // As in XNIO: the peer may be gone already (ENOTCONN), or the channel closed meanwhile.
            log.trace("shutting down one direction failed op={}", op, e);
        }
    }

    private void resume(int ops) {
        if (!isResumed(ops)) {
            thread.setOps(key, ops);
        }
    }

    private void wakeup(int ops) {
        // Undertow wakes a channel when it holds buffered data the selector cannot see: deliver readiness anyway.
        try {
            thread.execute(() -> handleReady(ops));
        } catch (RejectedExecutionException e) {
            log.debug("wakeup dropped, i/o thread stopped thread={}", thread.getName());
            return;
        }
        resume(ops);
    }

    private boolean isResumed(int ops) {
        try {
            return (key.interestOps() & ops) == ops;
        } catch (CancelledKeyException e) {
            return false;
        }
    }

    private static void callSafely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // XNIO swallows these too; a listener's failure must not break the I/O loop or other connections.
            log.warn("connection listener failed", e);
        }
    }
}
