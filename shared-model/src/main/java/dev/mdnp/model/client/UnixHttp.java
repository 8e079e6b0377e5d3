package dev.mdnp.model.client;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTP/1.1 to one local server on a UNIX socket (the inspect socket, Docker's socket) through the Jetty HTTP client:
 * the one place that builds the client, sends a {@code GET} and waits for its answer, opens a streamed answer, and
 * says why a request failed ({@link UnixHttpException}). Callers turn that failure into their own exception.
 *
 * <p>Thread safety: every method may be called from any thread. It owns its Jetty client and threads and releases
 * them in {@link #close()}.
 */
public final class UnixHttp implements AutoCloseable {

    private final Path socket;
    private final String host;
    private final Duration timeout;
    private final Transport transport;
    private final HttpClient client;

    private UnixHttp(Path socket, String host, Duration timeout, HttpClient client) {
        this.socket = socket;
        this.host = host;
        this.timeout = timeout;
        this.transport = new Transport.TCPUnix(socket);
        this.client = client;
    }

    /**
     * Starts a client of the server on {@code socket}, with a pool of at most {@code maxThreads} daemon threads named
     * {@code threadName} (Jetty's selector takes one or two of them), connecting within {@code timeout} and never
     * following redirects. It does not connect yet: each request connects as it needs to.
     *
     * @param host the {@code Host} every request names, such as {@code docker}, as the docker CLI sends it
     * @param timeout how long a request may take, connecting included
     * @throws IllegalArgumentException if {@code timeout} is under a millisecond
     */
    public static UnixHttp start(Path socket, String host, String threadName, int maxThreads, Duration timeout) {
        requireNonNull(socket, "socket");
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
        return new UnixHttp(socket, host, timeout, client);
    }

    /** Returns the socket this client talks to. */
    public Path socket() {
        return socket;
    }

    /** Returns whether the client still runs, that is, has not been closed. */
    public boolean isRunning() {
        return client.isRunning();
    }

    /** Closes a pooled connection that has been idle for {@code idle}, instead of after Jetty's default. */
    public void closeIdleConnectionsAfter(Duration idle) {
        client.setIdleTimeout(idle.toMillis());
    }

    /** Returns a new {@code GET target} over the socket, for a caller that sets more (headers, its idle timeout). */
    public Request request(String target) {
        return client.newRequest(URI.create("http://" + host + target)).transport(transport);
    }

    /**
     * Sends {@code GET target} and waits, within the timeout, for the whole answer, whatever its status.
     *
     * @param maxBodyBytes the longest body accepted; a longer one fails the request
     * @throws UnixHttpException if the server cannot be reached, does not answer in time, or the thread is
     *     interrupted (the request is then aborted and the interrupt left pending)
     */
    public ContentResponse get(String target, int maxBodyBytes) throws UnixHttpException {
        Request request = request(target).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return new CompletableResponseListener(request, maxBodyBytes).send().get();
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        } catch (ExecutionException e) {
            throw failed(e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Sends {@code request} and waits, within the timeout, for the head of its answer; the body is read as it comes.
     *
     * @return the head and the body, which the caller closes
     * @throws UnixHttpException as {@link #get} does
     */
    public StreamedReply open(Request request) throws UnixHttpException {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response head = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new StreamedReply(head, listener.getInputStream());
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        } catch (TimeoutException e) {
            request.abort(e);
            throw failed(e);
        } catch (ExecutionException e) {
            throw failed(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Stops the client and its threads, aborting requests in flight. */
    @Override
    public void close() {
        LifeCycle.stop(client);
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

    private static UnixHttpException interrupted(Request request, InterruptedException e) {
        Thread.currentThread().interrupt();
        request.abort(e);
        return new UnixHttpException(UnixHttpException.Kind.INTERRUPTED, "interrupted", e);
    }

    private UnixHttpException failed(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new UnixHttpException(UnixHttpException.Kind.TIMED_OUT,
                    "no answer within " + timeout.toMillis() + " ms", cause);
        }
        return new UnixHttpException(UnixHttpException.Kind.FAILED, reasons(cause), cause);
    }

    /**
     * The answer of {@link #open}: its head, and its body as it comes.
     *
     * @param head the status and headers
     * @param body the body; closing it ends the exchange
     */
    public record StreamedReply(Response head, InputStream body) {
    }
}
