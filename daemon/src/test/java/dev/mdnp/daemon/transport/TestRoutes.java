package dev.mdnp.daemon.transport;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * The root handler the transport tests serve: a few routes that exercise the non-blocking and the blocking read
 * paths, expose what the transport attached to the exchange, and let a test hold a request in flight.
 *
 * <ul>
 *   <li>{@code /echo}: reads the body without blocking ({@code receiveFullBytes}) and sends it back;</li>
 *   <li>{@code /count}: dispatches to a worker, signals {@link #countEntered}, reads the body through the blocking
 *       stream and answers {@code "<length> <crc32 hex>"};</li>
 *   <li>{@code /peer}: answers {@code "<uid> <gid> <pid> <source address> <host name>"};</li>
 *   <li>{@code /slow}: dispatches, signals {@link #slowEntered}, waits for {@link #releaseSlow} and answers
 *       {@code done};</li>
 *   <li>anything else: {@code hello}.</li>
 * </ul>
 */
final class TestRoutes implements HttpHandler {

    final AtomicInteger echoFailures = new AtomicInteger();
    final AtomicInteger countFailures = new AtomicInteger();
    final CountDownLatch countEntered = new CountDownLatch(1);
    final CountDownLatch slowEntered = new CountDownLatch(1);
    final CountDownLatch releaseSlow = new CountDownLatch(1);

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        switch (exchange.getRequestPath()) {
            case "/echo" -> exchange.getRequestReceiver().receiveFullBytes(
                    (ex, body) -> ex.getResponseSender().send(ByteBuffer.wrap(body)),
                    (ex, error) -> {
                        echoFailures.incrementAndGet();
                        ex.setStatusCode(500);
                        ex.endExchange();
                    });
            case "/count" -> dispatchThen(exchange, this::count);
            case "/peer" -> peer(exchange);
            case "/slow" -> dispatchThen(exchange, this::slow);
            default -> exchange.getResponseSender().send("hello");
        }
    }

    private static void dispatchThen(HttpServerExchange exchange, HttpHandler blocking) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(blocking);
        } else {
            blocking.handleRequest(exchange);
        }
    }

    private void count(HttpServerExchange exchange) {
        countEntered.countDown();
        exchange.startBlocking();
        CRC32 crc = new CRC32();
        long length = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getInputStream()) {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                length += n;
            }
        } catch (IOException e) {
            countFailures.incrementAndGet();
            return;
        }
        exchange.getResponseSender().send(length + " " + Long.toHexString(crc.getValue()));
    }

    private void peer(HttpServerExchange exchange) {
        PeerCredentials peer = exchange.getAttachment(PeerCredentials.ATTACHMENT);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
        exchange.getResponseSender().send(peer.uid() + " " + peer.gid() + " " + peer.pid() + " "
                + exchange.getSourceAddress() + " " + exchange.getHostName());
    }

    private void slow(HttpServerExchange exchange) throws InterruptedException {
        slowEntered.countDown();
        releaseSlow.await();
        exchange.getResponseSender().send("done");
    }
}
