package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Option;
import org.xnio.StreamConnection;

/**
 * An XNIO {@link StreamConnection} over one accepted UNIX-domain {@link SocketChannel}; Undertow's
 * {@code HttpOpenListener} builds its HTTP connection on it. Both its source and its sink conduit are one
 * {@link UdsConduit}.
 *
 * <p>Addresses are {@link UnixDomainSocketAddress} values, so Undertow sees no {@code InetSocketAddress}; the server's
 * first handler sets synthetic ones on each exchange. The caller's credentials are read through the XNIO option
 * {@link #PEER_CREDENTIALS}, which also works through Undertow's {@code ServerConnection.getOption}.
 *
 * <p>Thread safety: as for any XNIO connection; closing may happen on any thread.
 */
final class UdsStreamConnection extends StreamConnection {

    /** The read-only option that returns the peer's {@link PeerCredentials}. */
    static final Option<PeerCredentials> PEER_CREDENTIALS =
            Option.simple(UdsStreamConnection.class, "PEER_CREDENTIALS", PeerCredentials.class);

    private static final Logger log = LoggerFactory.getLogger(UdsStreamConnection.class);

    private final UdsIoThread ioThread;
    private final SelectionKey key;
    private final UdsConduit conduit;
    private final SocketChannel channel;
    private final PeerCredentials peer;
    private final SocketAddress localAddress;
    private final SocketAddress peerAddress;
    private final Consumer<UdsStreamConnection> onClosed;

    /**
     * Wraps a channel that is registered with {@code ioThread} under {@code key}; attaches the conduit to the key.
     *
     * @param localAddress the server's socket path; the channel itself reports the temporary path it was bound to
     * @param onClosed called once when the connection is closed
     */
    UdsStreamConnection(UdsIoThread ioThread, SelectionKey key, PeerCredentials peer,
            UnixDomainSocketAddress localAddress, BlockingSelectors blockingSelectors,
            Consumer<UdsStreamConnection> onClosed) {
        super(ioThread);
        this.ioThread = ioThread;
        this.peer = requireNonNull(peer, "peer");
        this.localAddress = requireNonNull(localAddress, "localAddress");
        this.onClosed = requireNonNull(onClosed, "onClosed");
        this.key = key;
        this.channel = (SocketChannel) key.channel();
        this.conduit = new UdsConduit(ioThread, key, this, blockingSelectors);
        this.peerAddress = remoteAddressOf(channel);
        key.attach(conduit);
        setSourceConduit(conduit);
        setSinkConduit(conduit);
    }

    @Override
    public SocketAddress getPeerAddress() {
        return peerAddress;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return localAddress;
    }

    @Override
    public boolean supportsOption(Option<?> option) {
        return option == PEER_CREDENTIALS;
    }

    @Override
    public <T> @Nullable T getOption(Option<T> option) {
        return option == PEER_CREDENTIALS ? option.cast(peer) : null;
    }

    @Override
    public <T> @Nullable T setOption(Option<T> option, T value) {
        // No socket option applies to a UNIX connection here; XNIO's contract is to ignore unknown options.
        return null;
    }

    @Override
    public String toString() {
        return "unix connection uid=" + peer.uid() + " gid=" + peer.gid();
    }

    /** Marks the read side closed; {@code true} the first time. Closes the channel when both sides are closed. */
    boolean markReadClosed() {
        return readClosed();
    }

    /** Marks the write side closed; {@code true} the first time. Closes the channel when both sides are closed. */
    boolean markWriteClosed() {
        return writeClosed();
    }

    /** Closes the connection, logging instead of throwing. */
    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            log.debug("closing connection failed {}", this, e);
        }
    }

    @Override
    protected void closeAction() throws IOException {
        try {
            key.cancel();
            // A worker thread waiting on this channel in its own selector is not woken by the close, and the JDK
            // keeps the fd until that selector lets go. Waking it with shutdown() first loses a race in Undertow
            // (this thread closes the UndertowInputStream while the worker is inside readBlocking: an NPE), so the
            // server interrupts such workers when it stops instead.
            channel.close();
        } finally {
            // The selector releases the fd of a cancelled key only when it next selects.
            ioThread.wakeupSelector();
            onClosed.accept(this);
        }
    }

    @Override
    protected void notifyReadClosed() {
        conduit.readTerminated();
        super.notifyReadClosed();
    }

    @Override
    protected void notifyWriteClosed() {
        conduit.writeTerminated();
        super.notifyWriteClosed();
    }

    private static SocketAddress remoteAddressOf(SocketChannel channel) {
        try {
            SocketAddress remote = channel.getRemoteAddress();
            if (remote != null) {
                return remote;
            }
        } catch (IOException e) {
            log.trace("peer address unavailable", e);
        }
        // An unbound client socket has an empty path; use the same when the channel cannot tell.
        return UnixDomainSocketAddress.of("");
    }
}
