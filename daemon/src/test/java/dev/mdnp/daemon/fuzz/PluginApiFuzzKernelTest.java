package dev.mdnp.daemon.fuzz;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.fuzz.FuzzCases.FuzzCase;
import dev.mdnp.daemon.fuzz.Oracle.Expectation;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.slf4j.LoggerFactory;

/**
 * Fuzzes every route of the plugin API with generated and mutated bodies ({@link FuzzCases}) against the daemon's
 * real HTTP stack, drivers, store and dataplane ({@link FuzzedDaemon}, in a private network namespace), and checks
 * after every case:
 * <ul>
 *   <li>a reply that is not 200 is a JSON object with a non-empty {@code Err} of at most {@value #MAX_ERR_CHARS}
 *       characters and a 4xx status: every case is the caller's input, and a 500 means mdnp failed, so a 500 is a
 *       finding; a 200 is a JSON object without an error field;</li>
 *   <li>the status the protocol fixes ({@link Oracle}): 413 over the body limit, 400 for malformed or ill-typed
 *       bodies, 200 for argument-less calls and for deletes of unknown ids, a failure for unknown networks;</li>
 *   <li>a call that failed changed nothing: the store's rows, the {@code /v1} views, the kernel's links, addresses
 *       and sockets are as before, and so are the firewall rules when the call reached the dataplane (they are also
 *       compared at every checkpoint); a call that succeeded may change them, and the {@link Baseline} is then
 *       restored through the API, which must leave exactly the state it started from;</li>
 *   <li>the daemon keeps answering, also on a new connection, with a bounded record per call in its request
 *       history, and neither its threads nor its file descriptors grow after a warm-up.</li>
 * </ul>
 *
 * <p>{@code -Dmdnp.fuzz.cases=N} sets the number of cases (CI: 100,000), {@code -Dmdnp.fuzz.seed=S} the seed;
 * {@code -Dmdnp.fuzz.survey=true} goes on after a violation and lists every kind at the end instead of stopping
 * at the first (which jqwik then shrinks).
 */
@Tag("kernel")
@Tag("fuzz")
class PluginApiFuzzKernelTest {

    /** The longest {@code Err} allowed: a message names the problem, it does not echo a 1 MiB input. */
    static final int MAX_ERR_CHARS = 2048;
    /** What one call may keep in the request history: two bodies cut at 64 KiB plus ids and error. */
    private static final long MAX_RECORD_CHARS = 2 * 64 * 1024 + 4 * 1024 + MAX_ERR_CHARS;
    private static final int CHECKPOINT = 2_000;
    private static final int WARM_UP = 2_000;
    private static final long THREAD_SLACK = 4;
    private static final long FD_SLACK = 16;

    private final Seeds seeds = Seeds.load();
    private final Oracle oracle = new Oracle();
    private final ObjectMapper json = new ObjectMapper();
    private final boolean survey = Boolean.getBoolean("mdnp.fuzz.survey");
    private final Findings findings = new Findings();
    private final Map<String, Long> statuses = new TreeMap<>();
    private final Map<String, Long> restoresAfter = new TreeMap<>();
    private final CallLog callLog = new CallLog();
    private final RestartChecks restarts = new RestartChecks();
    private FuzzedDaemon daemon;
    private PluginClient client;
    private Baseline baseline;
    private SystemState expected;
    private List<String> expectedFirewall;
    private Set<String> knownNetworks;
    private ProcessCounts warm;
    private ProcessCounts peak;
    private long cases;
    private long restores;
    private long firewallListings;
    private long startNanos;
    private long postNanos;
    private long stateNanos;
    private long restoreNanos;
    private long firewallNanos;

    @BeforeProperty
    void startDaemonAndBuildTheBaseline() throws Exception {
        daemon = FuzzedDaemon.start();
        client = new PluginClient(daemon.socket());
        callLog.attach();
        for (String route : Routes.ALL) {
            Reply reply = post(route, "");
            if (reply.body().contains("unknown plugin method")) {
                throw new IllegalStateException(route + " is not served: " + reply.body());
            }
        }
        baseline = new Baseline();
        baseline.build(daemon, this::post);
        accept(daemon.state(true), listFirewall());
        startNanos = System.nanoTime();
    }

    @AfterProperty
    void checkTheDaemonStillAnswersAndLeaksNothingThenStop() throws Exception {
        try {
            if (daemon == null) {
                return;
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
            System.out.printf(Locale.ROOT, "fuzz: %d cases in %d s, %d restores of the baseline, %d firewall"
                    + " listings, %d connections, call log lines: %d (longest %d chars)%nfuzz: statuses %s%n",
                    cases, seconds, restores, firewallListings, client.connections(), callLog.lines(),
                    callLog.longest(), statuses);
            System.out.printf(Locale.ROOT, "fuzz: ms post %d state %d restore %d firewall %d, restart checks %d%n",
                    postNanos / 1_000_000, stateNanos / 1_000_000, restoreNanos / 1_000_000,
                    firewallNanos / 1_000_000, restarts.count());
            System.out.printf(Locale.ROOT, "fuzz: restores after %s%n", restoresAfter);
            checkpoint();
            if (survey && !findings.isEmpty()) {
                throw new AssertionError(findings.report());
            }
        } finally {
            restarts.close();
            callLog.detach();
            if (client != null) {
                client.close();
            }
            if (daemon != null) {
                daemon.close();
            }
        }
    }

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(FuzzBudget.class)
    void everyCallAnswersWithinTheProtocolAndAFailedCallChangesNothing(@ForAll("cases") FuzzCase fuzzCase)
            throws Exception {
        cases++;
        long firewallCalls = daemon.firewallCalls();
        long kernelCalls = daemon.kernelCalls();
        Expectation expectation = oracle.expect(fuzzCase.route(), fuzzCase.body(), knownNetworks);
        Reply reply;
        long t0 = System.nanoTime();
        try {
            reply = client.post(fuzzCase.route(), fuzzCase.body(), fuzzCase.chunked());
            postNanos += System.nanoTime() - t0;
        } catch (IOException e) {
            violation("no reply", fuzzCase, "no reply: " + e);
            return;
        }
        statuses.merge(fuzzCase.route().substring(fuzzCase.route().indexOf('.') + 1) + " " + reply.status(), 1L,
                Long::sum);
        List<String> problems = replyProblems(fuzzCase, reply, expectation);
        long t1 = System.nanoTime();
        SystemState now = daemon.state(daemon.kernelCalls() != kernelCalls);
        stateNanos += System.nanoTime() - t1;
        List<String> firewallNow = expectedFirewall;
        if (daemon.firewallCalls() != firewallCalls) {
            firewallNow = listFirewall();
        }
        boolean changed = !now.equals(expected) || !firewallNow.equals(expectedFirewall);
        if (reply.status() != 200 && changed) {
            problems.add("a failed call changed state|" + now.changesSince(expected)
                    + firewallSection(SystemState.diff(expectedFirewall, firewallNow)));
        }
        if (!now.store().equals(expected.store())) {
            restarts.check(fuzzCase, daemon.restartCheck());
        }
        reportRestarts(false);
        for (String problem : problems) {
            String[] parts = problem.split("\\|", 2);
            violation(parts[0] + " " + fuzzCase.route() + " " + reply.status() + errKey(reply),
                    fuzzCase, parts[1] + "\n  reply " + reply.status() + ": " + FuzzCases.excerpt(reply.bodyBytes(),
                            400));
        }
        if (changed) {
            long t2 = System.nanoTime();
            restoresAfter.merge(fuzzCase.route().substring(fuzzCase.route().indexOf('.') + 1)
                    + (reply.status() == 200 ? "" : " (failed)"), 1L, Long::sum);
            restoreBaseline(fuzzCase, kernelCalls, firewallCalls);
            restoreNanos += System.nanoTime() - t2;
        }
        if (cases % CHECKPOINT == 0) {
            checkpoint();
        }
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        return new FuzzCases(seeds).cases();
    }

    /** Checks the reply's shape and status; returns "kind|detail" for each problem. */
    private List<String> replyProblems(FuzzCase fuzzCase, Reply reply, Expectation expectation) {
        List<String> problems = new ArrayList<>();
        int status = reply.status();
        JsonNode body = null;
        try {
            body = json.readTree(reply.bodyBytes());
        } catch (IOException e) {
            // body stays null: not JSON
        }
        if (status == 200) {
            String errorField = Routes.isIpam(fuzzCase.route()) ? "Error" : "Err";
            if (body == null || !body.isObject()) {
                problems.add("a 200 without a JSON object|the reply is not a JSON object");
            } else if (!body.path(errorField).asText("").isEmpty()) {
                problems.add("a 200 with an error|a 200 whose " + errorField + " is set");
            }
        } else {
            String err = body != null && body.isObject() && body.path("Err").isTextual()
                    ? body.path("Err").textValue() : "";
            if (err.isBlank()) {
                problems.add("a failure without Err|status " + status + " without a JSON object with an Err");
            } else if (err.length() > MAX_ERR_CHARS) {
                problems.add("an Err of more than " + MAX_ERR_CHARS + " characters|Err has " + err.length()
                        + " characters");
            }
            if (status == 500) {
                problems.add("a 500 for the caller's input|mdnp says it failed itself, but the input was the"
                        + " cause");
            } else if (status < 400 || status > 499) {
                problems.add("a status outside 4xx|status " + status);
            }
        }
        if (!expectation.allows(status)) {
            problems.add("not the status the protocol fixes|expected " + expectation + ", got " + status);
        }
        return problems;
    }

    /**
     * Brings the daemon back to the baseline after a call that changed something, through the API, and checks that
     * it is there. Sockets and rules are listed again only when the case or the restore reached the dataplane since
     * {@code kernelCalls} and {@code firewallCalls}.
     */
    private void restoreBaseline(FuzzCase after, long kernelCalls, long firewallCalls) throws Exception {
        restores++;
        List<String> done = baseline.restore(daemon, this::post);
        SystemState state = daemon.state(daemon.kernelCalls() != kernelCalls);
        List<String> firewall = daemon.firewallCalls() != firewallCalls ? listFirewall() : expectedFirewall;
        String left = baseline.differences(state, firewall);
        if (left.isEmpty()) {
            accept(state, firewall);
            return;
        }
        baseline.rebuild(daemon, this::post);
        baseline.restore(daemon, this::post);
        SystemState rebuilt = daemon.state(true);
        List<String> rebuiltFirewall = listFirewall();
        String still = baseline.differences(rebuilt, rebuiltFirewall);
        if (!still.isEmpty()) {
            throw new IllegalStateException("the baseline cannot be built again; the run cannot go on:\n" + still);
        }
        accept(rebuilt, rebuiltFirewall);
        violation("the baseline could not be restored", after, "restoring the baseline through the API ("
                + done + ") left differences, which deleting everything and building it again did not:\n" + left);
    }

    private void accept(SystemState state, List<String> firewall) {
        expected = state;
        expectedFirewall = firewall;
        knownNetworks = Baseline.networkIds(expected);
    }

    /**
     * Checks what is too slow for every case: the firewall, that the daemon answers on a new connection, the size of
     * what the request history keeps per call, and threads and file descriptors against the counts after the
     * warm-up.
     */
    private void checkpoint() throws Exception {
        String firewall = SystemState.diff(expectedFirewall, listFirewall());
        String settled = baseline.settledDifferences(daemon);
        if (!firewall.isEmpty() || !settled.isEmpty()) {
            violation("the state drifted from the baseline between checkpoints", null, settled
                    + firewallSection(firewall));
            restoreBaseline(null, -1, -1);
        }
        try (UnixHttpClient fresh = UnixHttpClient.connect(daemon.socket())) {
            Reply reply = fresh.post(Routes.ACTIVATE, "");
            if (reply.status() != 200) {
                violation("Activate fails on a new connection", null, reply.status() + " " + reply.body());
            }
        }
        checkInspectServer();
        restarts.check(null, daemon.restartCheck());
        reportRestarts(true);
        RequestRecord largest = daemon.history().stream()
                .max((a, b) -> Long.compare(chars(a), chars(b))).orElseThrow();
        if (chars(largest) > MAX_RECORD_CHARS) {
            violation("the request history keeps more than " + MAX_RECORD_CHARS + " characters of a call", null,
                    "record " + largest.seq() + " " + largest.method() + " keeps " + chars(largest)
                            + " characters (network id " + largest.networkId().length() + ", endpoint id "
                            + largest.endpointId().length() + ", error " + largest.error().length() + ", request "
                            + largest.requestJson().length() + ", response " + largest.responseJson().length() + ")");
        }
        ProcessCounts counts = ProcessCounts.now();
        if (cases >= WARM_UP && warm == null) {
            warm = counts;
            peak = counts;
        } else if (warm != null) {
            peak = peak.max(counts);
            if (counts.threads() > warm.threads() + THREAD_SLACK || counts.fds() > warm.fds() + FD_SLACK) {
                violation("threads or file descriptors grow", null, "after the warm-up: " + warm + ", now: "
                        + counts + " after " + cases + " cases");
            }
        }
    }

    /** Reports the restart checks that found a difference: those done so far, or all of them after waiting. */
    private void reportRestarts(boolean wait) throws Exception {
        for (RestartChecks.Difference difference : restarts.differences(wait)) {
            violation("a restart would not see what mdnp answered for", difference.after(), "loading the store as a"
                    + " restart does gives (- running daemon, + after a restart):\n" + difference.text());
        }
    }

    /**
     * Asks the inspect server for every view, the whole request history and the metrics: each must answer 200 with
     * a body it could encode (the history holds whatever the fuzzer sent: lone surrogates, NULs, cut bodies).
     */
    private void checkInspectServer() throws Exception {
        try (UnixHttpClient inspect = UnixHttpClient.connect(daemon.inspectSocket())) {
            for (String path : List.of("/v1/info", "/v1/networks", "/v1/endpoints", "/v1/links", "/v1/ipam/pools",
                    "/v1/firewall", "/v1/requests?after=0&limit=10000", "/metrics")) {
                Reply reply = inspect.exchange(UnixHttpClient.request("GET", path, new byte[0]));
                boolean json = path.startsWith("/v1/");
                if (reply.status() != 200 || json && !isJson(reply.bodyBytes())) {
                    violation("the inspect server fails " + path.replaceFirst("\\?.*", ""), null, reply.status()
                            + " " + FuzzCases.excerpt(reply.bodyBytes(), 400));
                }
            }
        }
    }

    private boolean isJson(byte[] body) {
        try {
            json.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long chars(RequestRecord record) {
        return (long) record.networkId().length() + record.endpointId().length() + record.error().length()
                + record.requestJson().length() + record.responseJson().length() + record.method().length();
    }

    private List<String> listFirewall() throws Exception {
        firewallListings++;
        long t = System.nanoTime();
        try {
            return daemon.firewall();
        } finally {
            firewallNanos += System.nanoTime() - t;
        }
    }

    private Reply post(String route, String body) throws IOException {
        return client.post(route, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private void violation(String kind, FuzzCase fuzzCase, String detail) throws Exception {
        String report = kind + " (case " + cases + ")\n" + (fuzzCase == null ? "" : fuzzCase + "\n") + detail;
        if (survey) {
            findings.add(kind, report);
            return;
        }
        if (fuzzCase != null && !detail.startsWith("restoring")) {
            restoreBaseline(fuzzCase, -1, -1); // shrinking runs the next tries from the baseline again
        }
        throw new AssertionError(report);
    }

    private static String firewallSection(String diff) {
        return diff.isEmpty() ? "" : "firewall:\n" + diff;
    }

    /** The start of an error reply's Err with ids, numbers and quoted text blanked: one kind per message. */
    private String errKey(Reply reply) {
        if (reply.status() == 200) {
            return "";
        }
        try {
            String err = json.readTree(reply.bodyBytes()).path("Err").asText("");
            String key = err.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("[0-9a-fA-F]{6,}", "…")
                    .replaceAll("\\d+", "N");
            return " (" + FuzzCases.excerpt(key, 60) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Takes the place of the console while the fuzzer runs: the daemon logs one line per call, a few hundred
     * thousand here. Each event is still formatted, as the console would, and the longest line is reported.
     */
    private static final class CallLog extends AppenderBase<ILoggingEvent> {

        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final List<Appender<ILoggingEvent>> console = new ArrayList<>();
        private long lines;
        private long longest;

        void attach() {
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                console.add(it.next());
            }
            console.forEach(root::detachAppender);
            setContext(root.getLoggerContext());
            start();
            root.addAppender(this);
        }

        void detach() {
            root.detachAppender(this);
            stop();
            console.forEach(root::addAppender);
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            lines++;
            longest = Math.max(longest, event.getFormattedMessage().length());
            if (event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) {
                console.forEach(appender -> appender.doAppend(event));
            }
        }

        synchronized long lines() {
            return lines;
        }

        synchronized long longest() {
            return longest;
        }
    }
}
