package dev.mdnp.daemon.fuzz;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls the plugin socket as Docker's plugin client does: {@code POST}, Docker's headers, one keep-alive
 * connection, a new one when the daemon closed the last (it does after a 413). Bodies go with
 * {@code Content-Length}, or chunked.
 *
 * <p>A call that gets no reply within {@link #TIMEOUT} fails: a watchdog closes the connection, which ends the
 * blocked read. Not thread-safe: the fuzzer's thread only.
 */
final class PluginClient implements AutoCloseable {

    /** How long a call may take; Docker's legacy plugin client has no timeout at all (§1.5), so a hang is a bug. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final int CHUNK = 8 * 1024;

    private final Path socket;
    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, work -> {
        Thread thread = new Thread(work, "mdnpt-fuzz-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private UnixHttpClient client;
    private long connections;

    PluginClient(Path socket) {
        this.socket = socket;
        watchdog.setRemoveOnCancelPolicy(true); // a call's alarm leaves the queue when the call ends
    }

    /** Returns how many connections this client opened. */
    long connections() {
        return connections;
    }

    /**
     * Posts {@code body} to {@code path} and returns the reply.
     *
     * @throws IOException when the daemon closes the connection without a reply, or answers nothing within
     *     {@link #TIMEOUT}
     */
    Reply post(String path, byte[] body, boolean chunked) throws IOException {
        if (client == null) {
            client = UnixHttpClient.connect(socket);
            connections++;
        }
        UnixHttpClient current = client;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            timedOut.set(true);
            closeQuietly(current);
        }, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Reply reply = exchange(current, request(path, body, chunked));
            if (reply.header("Connection").equalsIgnoreCase("close")) {
                disconnect();
            }
            return reply;
        } catch (IOException e) {
            disconnect();
            throw timedOut.get() ? new IOException("no reply within " + TIMEOUT, e) : e;
        } finally {
            alarm.cancel(false);
        }
    }

    /** Closes the connection; the next call opens a new one. */
    void disconnect() {
        if (client != null) {
            closeQuietly(client);
            client = null;
        }
    }

    @Override
    public void close() {
        disconnect();
        watchdog.shutdownNow();
    }

    /**
     * Sends a request and reads its reply; when the daemon refuses a body before reading it (413) and closes, the
     * write fails but the reply is there to read.
     */
    private static Reply exchange(UnixHttpClient client, byte[] request) throws IOException {
        IOException writeFailure = null;
        try {
            client.send(request);
        } catch (IOException e) {
            writeFailure = e;
        }
        try {
            return client.readReply();
        } catch (IOException e) {
            if (writeFailure != null) {
                e.addSuppressed(writeFailure);
            }
            throw e;
        }
    }

    private static byte[] request(String path, byte[] body, boolean chunked) {
        ByteArrayOutputStream request = new ByteArrayOutputStream(body.length + 256);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: plugin.moby.localhost\r\n"
                + "User-Agent: Go-http-client/1.1\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                + "Accept: application/vnd.docker.plugins.v1.2+json\r\n"
                + "Accept-Encoding: gzip\r\n\r\n";
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        if (!chunked) {
            request.writeBytes(body);
            return request.toByteArray();
        }
        for (int at = 0; at < body.length; at += CHUNK) {
            int length = Math.min(CHUNK, body.length - at);
            request.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.write(body, at, length);
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return request.toByteArray();
    }

    private static void closeQuietly(UnixHttpClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // Closing a socket the daemon has already closed: nothing is left to release.
        }
    }
}
