package dev.mdnp.model.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What every mdnp client of a local HTTP server on a UNIX socket (the inspect socket, Docker's socket) shares: one
 * way to build a started Jetty client, and one way to say why a request failed. Requests pick the socket with
 * {@code request.transport(new Transport.TCPUnix(path))}.
 */
public final class UnixHttp {

    private UnixHttp() {
    }

    /**
     * Returns a started client with a pool of at most {@code maxThreads} daemon threads named {@code threadName}
     * (Jetty's selector takes one or two of them), connecting within
     * {@code timeout} and never following redirects; the caller stops it ({@link LifeCycle#stop}).
     *
     * @throws IllegalArgumentException if {@code timeout} is under a millisecond
     */
    public static HttpClient startClient(String threadName, int maxThreads, Duration timeout) {
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms, got " + timeout);
        }
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 1);
        threads.setName(threadName);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setConnectTimeout(timeout.toMillis());
        client.setFollowRedirects(false);
        LifeCycle.start(client);
        return client;
    }

    /** Joins the distinct messages down a cause chain: Jetty's "could not connect" wraps the JDK's errno text. */
    public static String reasons(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (!messages.contains(message)) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }
}
