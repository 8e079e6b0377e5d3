package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * Serves an Undertow {@link HttpHandler} over HTTP/1.1 on a UNIX-domain socket.
 *
 * <p>{@link #start} creates the socket file with exactly the configured mode (see {@link SocketFile}), or takes an
 * inherited listening socket as it is (see {@link ListenSource.Inherited}), accepts on the first I/O thread, refuses peers that the {@link PeerPolicy} rejects, and hands every other connection to Undertow's
 * {@code HttpOpenListener} on the connection's own I/O thread. Each exchange carries {@link PeerCredentials#ATTACHMENT}
 * and synthetic addresses ({@code 127.0.0.1:0} as source, unresolved {@code localhost:0} as destination), because
 * Undertow code expects an {@code InetSocketAddress}. {@code Expect: 100-continue} is answered when the handler first
 * reads the body. Keep-alive connections never time out while idle; a request whose head stalls for
 * {@value #REQUEST_PARSE_TIMEOUT_MILLIS} ms is dropped. A request body may have up to 64 MiB unless a handler
 * changes the limit with {@code exchange.setMaxEntitySize}. Dispatched and blocking work runs in the task pool of an
 * XNIO NIO worker that this server owns.
 *
 * <p>Thread safety: all methods may be called from any thread; {@link #close()} is idempotent. The server owns its
 * threads, the worker, the buffer pool and an own socket's file, and releases them all in {@code close()}; an inherited
 * socket stays open and its file stays in place.
 */
public final class UnixSocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnixSocketServer.class);
    private static final int REQUEST_PARSE_TIMEOUT_MILLIS = 60_000;
    // Undertow's default when HttpOpenListener is used directly is 2 MiB; handlers may change it per exchange.
    private static final long MAX_ENTITY_BYTES = 64L << 20;
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final long THREAD_STOP_MILLIS = 5_000;
    private static final InetSocketAddress SOURCE_ADDRESS = new InetSocketAddress(loopback(), 0);
    private static final InetSocketAddress DESTINATION_ADDRESS = InetSocketAddress.createUnresolved("localhost", 0);

    private final UnixSocketServerConfig config;
    private final ListeningSocket listening;
    private final UnixDomainSocketAddress localAddress;
    private final XnioWorker worker;
    private final List<UdsIoThread> ioThreads;
    private final Acceptor acceptor;
    private final DefaultByteBufferPool bufferPool;
    private final BlockingSelectors blockingSelectors = new BlockingSelectors();
    private final GracefulShutdownHandler graceful;
    private final HttpOpenListener openListener;
    private final Set<UdsStreamConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private UnixSocketServer(UnixSocketServerConfig config, HttpHandler rootHandler, ListeningSocket listening,
            XnioWorker worker) throws IOException {
        this.config = config;
        this.listening = listening;
        this.worker = worker;
        this.localAddress = UnixDomainSocketAddress.of(config.socketPath());
        this.bufferPool = new DefaultByteBufferPool(true, BUFFER_SIZE);
        this.graceful = new GracefulShutdownHandler(new HttpContinueReadHandler(rootHandler));
        this.openListener = new HttpOpenListener(bufferPool, OptionMap.builder()
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, REQUEST_PARSE_TIMEOUT_MILLIS)
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .set(UndertowOptions.MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
                .getMap());
        openListener.setRootHandler(this::prepareExchange);
        this.ioThreads = createIoThreads(config, worker);
        try {
            this.acceptor = new Acceptor(listening.channel(), ioThreads,
                    new PeerCredentialsReader(Path.of("/etc/passwd"), Path.of("/etc/group")), config.peerPolicy(),
                    config.socketPath(), this::open);
        } catch (IOException | RuntimeException e) {
            ioThreads.forEach(UdsIoThread::discard);
            throw e;
        }
    }

    /**
     * Creates the socket file, or takes the inherited socket, and starts serving {@code rootHandler} on it.
     *
     * @return the running server; close it to stop
     * @throws SocketInUseException if a live server already answers on an own socket's path
     * @throws java.nio.file.FileAlreadyExistsException if an own socket's path exists and is not a socket (it is
     *     kept)
     * @throws IOException if the socket, its directory or the threads cannot be created
     */
    public static UnixSocketServer start(UnixSocketServerConfig config, HttpHandler rootHandler) throws IOException {
        requireNonNull(config, "config");
        requireNonNull(rootHandler, "rootHandler");
        ListeningSocket listening = ListeningSocket.open(config.listen(), config.backlog());
        XnioWorker worker = null;
        UnixSocketServer server = null;
        try {
            listening.channel().configureBlocking(false);
            worker = Xnio.getInstance(UnixSocketServer.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_NAME, "mdnp-uds-" + config.socketPath().getFileName())
                    .set(Options.WORKER_IO_THREADS, 1)
                    // Core = max: pool threads are never retired, so their blocking-wait selectors stay bounded.
                    .set(Options.WORKER_TASK_CORE_THREADS, config.workerThreads())
                    .set(Options.WORKER_TASK_MAX_THREADS, config.workerThreads())
                    .getMap());
            server = new UnixSocketServer(config, rootHandler, listening, worker);
            server.startThreads();
            log.info("serving path={} {} ioThreads={} workerThreads={}", config.socketPath(),
                    listening.description(), config.ioThreads(), config.workerThreads());
            return server;
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            } else {
                listening.release();
                if (worker != null) {
                    worker.shutdownNow();
                }
            }
            throw e;
        }
    }

    /** Returns the path of the socket file. */
    public Path socketPath() {
        return config.socketPath();
    }

    /** Returns how many accepted connections are open now; meant for tests and metrics. */
    public int openConnections() {
        return connections.size();
    }

    /**
     * Stops the server gracefully: removes an own socket's file so that new clients fail at once (an inherited
     * socket's clients wait in its backlog instead), stops accepting, waits
     * up to the configured grace for requests in flight, then closes every connection, the threads and the worker.
     * Calling it again does nothing. It never throws; an interrupt cuts the grace short and stays set.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        listening.release();
        acceptor.close();
        boolean drained = awaitRequestsInFlight();
        stopIoThreads();
        if (drained) {
            worker.shutdown();
        } else {
            // Interrupts handlers that outlived the grace, also those blocked waiting for a body: closing their
            // connection does not wake a thread that waits in a selector.
            worker.shutdownNow();
        }
        awaitWorker();
        blockingSelectors.close();
        bufferPool.close();
        log.info("stopped serving path={} took={}ms", config.socketPath(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static List<UdsIoThread> createIoThreads(UnixSocketServerConfig config, XnioWorker worker)
            throws IOException {
        List<UdsIoThread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < config.ioThreads(); i++) {
                threads.add(new UdsIoThread(worker, i, "mdnp-uds-" + config.socketPath().getFileName() + "-" + i));
            }
        } catch (IOException e) {
            threads.forEach(UdsIoThread::discard);
            throw e;
        }
        return List.copyOf(threads);
    }

    private void startThreads() {
        for (UdsIoThread thread : ioThreads) {
            thread.start();
        }
    }

    /** On the connection's own I/O thread, as Undertow expects: registers the channel and starts HTTP on it. */
    private void open(UdsIoThread thread, SocketChannel channel, PeerCredentials peer) {
        UdsStreamConnection connection;
        try {
            SelectionKey key = thread.register(channel, 0, null);
            connection = new UdsStreamConnection(thread, key, peer, localAddress, blockingSelectors,
                    connections::remove);
        } catch (IOException | RuntimeException e) {
            log.debug("cannot register accepted connection path={}", config.socketPath(), e);
            closeQuietly(channel);
            return;
        }
        // Added before Undertow sees it: handleEvent may already close it, and closing removes it.
        connections.add(connection);
        try {
            openListener.handleEvent(connection);
        } catch (RuntimeException e) {
            log.error("undertow failed to open a connection path={}", config.socketPath(), e);
            connection.closeQuietly();
        }
    }

    private void prepareExchange(HttpServerExchange exchange) throws Exception {
        PeerCredentials peer = exchange.getConnection().getOption(UdsStreamConnection.PEER_CREDENTIALS);
        exchange.putAttachment(PeerCredentials.ATTACHMENT, peer != null ? peer : PeerCredentials.UNIDENTIFIED);
        exchange.setSourceAddress(SOURCE_ADDRESS);
        exchange.setDestinationAddress(DESTINATION_ADDRESS);
        graceful.handleRequest(exchange);
    }

    private boolean awaitRequestsInFlight() {
        graceful.shutdown();
        try {
            if (graceful.awaitShutdown(config.shutdownGrace().toMillis())) {
                return true;
            }
            log.warn("requests still running after the grace period path={} grace={}", config.socketPath(),
                    config.shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while waiting for requests path={}", config.socketPath());
        }
        return false;
    }

    private void stopIoThreads() {
        for (UdsIoThread thread : ioThreads) {
            thread.shutdown();
        }
        for (UdsIoThread thread : ioThreads) {
            try {
                thread.join(THREAD_STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("interrupted while stopping i/o threads path={}", config.socketPath());
                return;
            }
            if (thread.isAlive()) {
                log.warn("i/o thread did not stop thread={}", thread.getName());
            }
        }
    }

    private void awaitWorker() {
        try {
            if (!worker.awaitTermination(THREAD_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("worker tasks still running; interrupting them path={}", config.socketPath());
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }

    private static InetAddress loopback() {
        try {
            // By address, not getLoopbackAddress(): that one may be ::1 and carries the name "localhost".
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are a valid IPv4 address", e);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing an accepted connection failed", e);
        }
    }
}
