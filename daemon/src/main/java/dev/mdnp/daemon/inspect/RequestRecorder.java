package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.mdnp.daemon.api.RequestSink;
import dev.mdnp.daemon.concurrent.Threads;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every recorded call to an NDJSON file ({@code --record FILE}), one {@link RequestRecord} JSON per line,
 * which the inspector replays offline. A background thread writes; {@link #recorded} only offers the record to a
 * bounded queue and counts it as dropped when the queue is full, so a slow disk never delays a call. The file is
 * created with mode 0600 (an existing one is set to 0600) and rotated when it reaches its size bound: {@code FILE}
 * becomes {@code FILE.1}, {@code FILE.1} becomes {@code FILE.2}, and so on up to the number kept.
 *
 * <p>Thread safety: {@link #recorded} and {@link #dropped} may be called from any thread; the file belongs to the
 * writer thread. A write error is logged once and the records that follow are dropped until a rotation reopens the
 * file.
 */
final class RequestRecorder implements RequestSink, AutoCloseable {

    static final int QUEUE_CAPACITY = 8192;
    private static final Logger log = LoggerFactory.getLogger(RequestRecorder.class);
    private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-------");
    private static final long POLL_MILLIS = 200;

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final ObjectWriter writer;
    private final BlockingQueue<RequestRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private @Nullable FileChannel channel;
    private long size;

    private RequestRecorder(Path file, long maxBytes, int keep, int queueCapacity, ObjectWriter writer)
            throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.channel = open(file);
        this.size = channel.size();
        this.thread = new Thread(this::run, "mdnp-inspect-recorder");
        thread.setDaemon(true);
    }

    /**
     * Opens (or creates) the file and starts the writer thread.
     *
     * @param maxBytes the size at which the file is rotated
     * @param keep how many rotated files are kept
     * @param queueCapacity how many records may wait for the writer
     * @throws IOException if the file cannot be opened
     */
    static RequestRecorder start(Path file, long maxBytes, int keep, int queueCapacity, ObjectWriter writer)
            throws IOException {
        RequestRecorder recorder = open(file, maxBytes, keep, queueCapacity, writer);
        recorder.startWriting();
        log.info("recording calls path={} rotateAt={}B keep={}", recorder.file, maxBytes, keep);
        return recorder;
    }

    /** As {@link #start}, but the writer thread waits for {@link #startWriting()}: tests fill the queue first. */
    static RequestRecorder open(Path file, long maxBytes, int keep, int queueCapacity, ObjectWriter writer)
            throws IOException {
        requireNonNull(file, "file");
        requireNonNull(writer, "writer");
        return new RequestRecorder(file.toAbsolutePath(), maxBytes, keep, queueCapacity, writer);
    }

    /** Starts the writer thread. */
    void startWriting() {
        thread.start();
    }

    @Override
    public void recorded(RequestRecord record) {
        if (closing || !queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    /** Returns how many records were not written because the queue was full or the file failed. */
    long dropped() {
        return dropped.get();
    }

    /** Writes what is queued, stops the thread and closes the file. */
    @Override
    public void close() {
        closing = true;
        if (thread.getState() == Thread.State.NEW) {
            closeChannel();
            return;
        }
        Threads.joinUninterruptibly(thread);
    }

    private void run() {
        List<RequestRecord> batch = new ArrayList<>();
        try {
            while (!closing || !queue.isEmpty()) {
                RequestRecord first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch);
                write(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeChannel();
        }
    }

    private void write(List<RequestRecord> batch) {
        for (RequestRecord record : batch) {
            try {
                if (channel == null) {
                    reopen();
                }
                FileChannel out = requireNonNull(channel, "channel");
                byte[] line = writer.writeValueAsBytes(record);
                ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
                while (buffer.hasRemaining()) {
                    size += out.write(buffer);
                }
                if (size >= maxBytes) {
                    rotate();
                }
            } catch (IOException | UncheckedIOException e) {
                dropped.incrementAndGet();
                if (channel != null) {
                    log.warn("request log write failed path={}; dropping calls until it can be reopened", file, e);
                    closeChannel();
                }
            }
        }
    }

    private void rotate() throws IOException {
        closeChannel();
        Files.deleteIfExists(numbered(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        reopen();
    }

    private void reopen() throws IOException {
        FileChannel opened = open(file);
        channel = opened;
        size = opened.size();
    }

    private Path numbered(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private static FileChannel open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), PosixFilePermissions.asFileAttribute(MODE));
        try {
            Files.setPosixFilePermissions(file, MODE);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    private void closeChannel() {
        FileChannel open = channel;
        if (open == null) {
            return;
        }
        try {
            open.close();
        } catch (IOException e) {
            log.warn("closing request log failed path={}", file, e);
        }
        channel = null;
    }
}
