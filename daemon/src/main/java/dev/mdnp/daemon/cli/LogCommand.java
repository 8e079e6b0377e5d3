package dev.mdnp.daemon.cli;

import static dev.mdnp.daemon.cli.Cells.shortId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.client.EventSubscription;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.client.InspectException;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.RequestFilter;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code mdnp log}: the latest plugin calls the daemon recorded ({@code /v1/requests}), or with {@code -f} each call
 * as it happens ({@code /v1/events}) until Ctrl-C; one line per call, or one JSON record per line.
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"Show the latest plugin calls mdnp recorded, one per line: time, method, status, duration,"
                + " network and endpoint (short ids), error.",
            "Filter: method:Join net:8f65|front ep:1a2b container:web status:ok|error|404|5xx slower-than:20ms"
                + " since:10s, free text (method, ids, Docker's names, error); '-' negates a term, spaces mean AND,"
                + " OR separates alternatives."})
public final class LogCommand extends ClientCommand {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String HEADER = line("TIME", "METHOD", "STATUS", "DURATION", "NETWORK", "ENDPOINT", "ERROR");

    @Option(names = {"-f", "--follow"}, description = "Keep printing calls as they happen, until Ctrl-C.")
    boolean follow;

    @Option(names = "--filter", paramLabel = "EXPR", description = "Show only the calls the expression matches.")
    String filterExpression = "";

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N",
            description = "How many of the latest calls to look at without -f (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    private final ObjectMapper mapper = JsonMappers.create();

    LogCommand() {
        this(InstantSource.system());
    }

    LogCommand(InstantSource clock) {
        super(clock);
    }

    @Override
    int run(InspectClient client, PrintWriter out) throws InterruptedException {
        DaemonNames names = new DaemonNames(client);
        RequestFilter filter = filter(names);
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
        }
        long lastSeq = client.info().lastSeq();
        if (!filter.matchesAll()) {
            refresh(names, spec.commandLine().getErr());
        }
        return follow ? follow(client, filter, names, out) : latest(client, lastSeq, filter, out);
    }

    private int latest(InspectClient client, long lastSeq, RequestFilter filter, PrintWriter out) {
        long after = Math.max(0, lastSeq - limit);
        if (json && filter.matchesAll()) {
            printJson(out, client.getText(InspectClient.requestsTarget(after, limit)));
            return EXIT_OK;
        }
        List<RequestRecord> records = client.requests(after, limit).stream().filter(filter)
                .collect(Collectors.toList());
        if (json) {
            printJson(out, encode(records));
            return EXIT_OK;
        }
        out.println(HEADER);
        records.forEach(record -> out.println(line(record)));
        out.flush();
        return EXIT_OK;
    }

    /**
     * Follows the event stream until this thread is interrupted (Ctrl-C ends the process anyway); reads Docker's
     * names again at each state event when a filter may use them.
     */
    private int follow(InspectClient client, RequestFilter filter, DaemonNames names, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> endReason = new AtomicReference<>("");
        AtomicReference<String> lastProblem = new AtomicReference<>("");
        if (!json) {
            out.println(HEADER);
            out.flush();
        }
        EventSubscription subscription = client.subscribe(InspectClient.DAEMON_DEFAULT, event -> {
            if (event instanceof InspectEvent.Request request && filter.test(request.record())) {
                out.println(json ? encode(request.record()) : line(request.record()));
                out.flush();
            } else if (event instanceof InspectEvent.StateChange && !filter.matchesAll()) {
                // A network, an endpoint or a Docker name changed: the filter's names follow.
                refresh(names, err);
            } else if (event instanceof InspectEvent.Lost lost) {
                err.println("mdnp log: some calls were dropped before they could be shown (the daemon now keeps"
                        + " events from " + lost.firstKept() + ")");
                err.flush();
            }
        }, state -> {
            if (state instanceof ConnectionState.Disconnected disconnected
                    && !disconnected.reason().equals(lastProblem.getAndSet(disconnected.reason()))) {
                err.println("mdnp log: " + disconnected.reason() + "; reconnecting");
                err.flush();
            } else if (state instanceof ConnectionState.Connected && !lastProblem.getAndSet("").isEmpty()) {
                err.println("mdnp log: reconnected to " + client.socket());
                err.flush();
            } else if (state instanceof ConnectionState.Closed closed) {
                endReason.set(closed.reason());
                ended.countDown();
            }
        });
        boolean interrupted = false;
        try {
            ended.await();
        } catch (InterruptedException e) {
            // Asked to stop: Ctrl-C ends the process anyway; an embedding caller (a test) interrupts.
            interrupted = true;
        }
        subscription.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
            return EXIT_OK;
        }
        err.println("mdnp log: stopped following: " + endReason.get());
        return EXIT_DAEMON_ERROR;
    }

    private static void refresh(DaemonNames names, PrintWriter err) {
        try {
            names.refresh();
        } catch (InspectException e) {
            err.println("mdnp log: cannot read Docker's names, the filter matches what it knows (ids at least): "
                    + e.getMessage());
            err.flush();
        }
    }

    private RequestFilter filter(DaemonNames names) {
        try {
            return RequestFilter.parse(filterExpression, clock, names);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid --filter: " + e.getMessage(), e);
        }
    }

    private String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode a request record", e);
        }
    }

    /** Returns one call as a log line. */
    static String line(RequestRecord record) {
        return line(TIME.format(record.start()), record.method(),
                Integer.toString(record.status()),
                String.format(Locale.ROOT, "%.2f ms", record.durationMicros() / 1000.0),
                shortId(record.networkId()), shortId(record.endpointId()), record.error());
    }

    private static String line(String time, String method, String status, String duration, String network,
            String endpoint, String error) {
        // Fixed widths, so that lines printed one by one (-f) line up: the longest method has 41 characters.
        return String.format(Locale.ROOT, "%-24s  %-41s  %6s  %11s  %-12s  %-12s  %s", time, method, status,
                duration, network, endpoint, error).stripTrailing();
    }
}
