package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on a server's listening channel, on the server's first I/O thread. Each accepted peer is
 * identified ({@code SO_PEERCRED}) and checked against the {@link PeerPolicy}; a refused one is closed at once and
 * logged; an admitted one goes round-robin to an I/O thread, where the {@link Handoff} opens it.
 *
 * <p>Thread safety: everything but {@link #close()} runs on the first I/O thread, which confines the round-robin
 * counter and the failure flag.
 */
final class Acceptor implements UdsIoThread.Ready {

    /** Opens an admitted connection; called on {@code thread}, the I/O thread that will serve it. */
    @FunctionalInterface
    interface Handoff {
        void open(UdsIoThread thread, SocketChannel channel, PeerCredentials peer);
    }

    private static final Logger log = LoggerFactory.getLogger(Acceptor.class);
    private static final int ACCEPTS_PER_WAKEUP = 64;
    private static final long BACKOFF_MILLIS = 100;

    private final ServerSocketChannel serverChannel;
    private final List<UdsIoThread> ioThreads;
    private final PeerCredentialsReader peerReader;
    private final PeerPolicy peerPolicy;
    private final Path socketPath;
    private final Handoff handoff;
    private final SelectionKey key;
    private int nextThread;
    private boolean failing;

    /** Registers for accepts with the first of {@code ioThreads}, which must not have started yet. */
    Acceptor(ServerSocketChannel serverChannel, List<UdsIoThread> ioThreads, PeerCredentialsReader peerReader,
            PeerPolicy peerPolicy, Path socketPath, Handoff handoff) throws ClosedChannelException {
        this.serverChannel = requireNonNull(serverChannel, "serverChannel");
        this.ioThreads = List.copyOf(ioThreads);
        this.peerReader = requireNonNull(peerReader, "peerReader");
        this.peerPolicy = requireNonNull(peerPolicy, "peerPolicy");
        this.socketPath = requireNonNull(socketPath, "socketPath");
        this.handoff = requireNonNull(handoff, "handoff");
        this.key = this.ioThreads.get(0).register(serverChannel, SelectionKey.OP_ACCEPT, this);
    }

    /** Accepts what is pending, in batches so that the connections served by this thread also get their turn. */
    @Override
    public void handleReady(int ops) {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP && key.isValid(); i++) {
            SocketChannel channel;
            try {
                channel = serverChannel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                backOff(e);
                return;
            }
            if (channel == null) {
                return;
            }
            failing = false;
            admit(channel);
        }
    }

    @Override
    public void forceTermination() {
        close();
    }

    /**
     * Stops accepting: cancels the registration, and leaves closing the channel to its owner (an inherited one stays
     * open). May be called from any thread, more than once.
     */
    void close() {
        key.cancel();
        // A closed channel's fd is released only when the selector deregisters the cancelled key.
        ioThreads.get(0).wakeupSelector();
    }

    private void backOff(IOException e) {
        // EMFILE/ENFILE leave the connection queued, so the key stays ready: without a pause the loop would spin.
        if (!failing) {
            log.warn("accept failed path={}; pausing accepts for {} ms: {}", socketPath, BACKOFF_MILLIS, e.toString());
            failing = true;
        } else {
            log.debug("accept still failing path={}: {}", socketPath, e.toString());
        }
        UdsIoThread thread = ioThreads.get(0);
        thread.clearOps(key, SelectionKey.OP_ACCEPT);
        thread.executeAfter(() -> thread.setOps(key, SelectionKey.OP_ACCEPT), BACKOFF_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void admit(SocketChannel channel) {
        try {
            channel.configureBlocking(false);
            PeerCredentials peer = peerReader.read(channel);
            if (!peerPolicy.permits(peer)) {
                log.warn("refused connection path={} uid={} gid={} pid={}", socketPath, peer.uid(), peer.gid(),
                        peer.pid());
                channel.close();
                return;
            }
            UdsIoThread thread = ioThreads.get(nextThread);
            nextThread = (nextThread + 1) % ioThreads.size();
            if (thread == Thread.currentThread()) {
                handoff.open(thread, channel, peer);
            } else {
                thread.execute(() -> handoff.open(thread, channel, peer));
            }
        } catch (IOException | RejectedExecutionException e) {
            log.debug("dropping accepted connection path={}", socketPath, e);
            try {
                channel.close();
            } catch (IOException closeFailure) {
                log.debug("closing dropped connection failed path={}", socketPath, closeFailure);
            }
        }
    }
}
