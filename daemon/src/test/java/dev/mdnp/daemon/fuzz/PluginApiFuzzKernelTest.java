package dev.mdnp.daemon.fuzz;

import dev.mdnp.daemon.fuzz.Oracle.Expectation;
import dev.mdnp.daemon.fuzz.ReplyChecks.Problem;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
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
import org.jspecify.annotations.Nullable;

/**
 * Fuzzes every route of the plugin API with generated and mutated bodies ({@link FuzzCases}) against the daemon's
 * real HTTP stack, drivers, store and dataplane ({@link FuzzedDaemon}, in a private network namespace), and checks
 * after every case:
 * <ul>
 *   <li>the reply ({@link ReplyChecks}): a failure is a JSON object with a non-empty {@code Err} of at most 2048
 *       characters and a 4xx status, since a 500 says mdnp failed and every case is the caller's input; the status
 *       the protocol fixes ({@link Oracle}): 413 over the body limit, 400 for malformed or ill-typed bodies, 200 for
 *       argument-less calls and for deletes of unknown ids, a failure for unknown networks;</li>
 *   <li>a call that failed changed nothing: the store's rows, the {@code /v1} views, the kernel's links, addresses
 *       and sockets, and the firewall rules are as before (the kernel and the rules are listed again when the call
 *       reached the dataplane, the driver's only way into the kernel, and at every checkpoint); a call that
 *       succeeded may change them, and the {@link Baseline} is then restored through the API, which must leave
 *       exactly the state it started from;</li>
 *   <li>whenever a call changed the store, a restart would load exactly the state the daemon answered for;</li>
 *   <li>at every checkpoint: the daemon answers on a new connection, the inspect server answers every view and the
 *       whole request history, the history keeps a bounded record per call, and neither threads nor file
 *       descriptors grow after a warm-up.</li>
 * </ul>
 *
 * <p>Why in-process over the UNIX socket: it runs everything a call of Docker's runs (the transport's framing,
 * body limit and chunked bodies, routing, decoding, error mapping, recording) at about a millisecond a case, and
 * the fuzzer can read the store, the views and the kernel between two calls, when nothing else changes them.
 *
 * <p>{@code -Dmdnp.fuzz.cases=N} sets the number of cases (CI: 100,000), {@code -Dmdnp.fuzz.seed=S} the seed
 * ({@link FuzzBudget}); {@code -Dmdnp.fuzz.survey=true} goes on after a violation and lists every kind at the end,
 * instead of stopping at the first one, which jqwik then shrinks.
 */
@Tag("kernel")
@Tag("fuzz")
class PluginApiFuzzKernelTest {

    /** What one call may keep in the request history: two bodies cut at 64 KiB, ids cut at 256, the Err. */
    private static final long MAX_RECORD_CHARS = 2 * 64 * 1024 + 3 * 256 + ReplyChecks.MAX_ERR_CHARS + 64;
    private static final int CHECKPOINT = 2_000;
    /** Checkpoints before threads and descriptors are counted: worker pools grow on demand up to their size. */
    private static final int WARM_UP_CHECKPOINTS = 2;
    private static final long THREAD_SLACK = 4;
    private static final long FD_SLACK = 16;

    private final Seeds seeds = Seeds.load();
    private final Oracle oracle = new Oracle();
    private final ReplyChecks replies = new ReplyChecks();
    private final boolean survey = Boolean.getBoolean("mdnp.fuzz.survey");
    private final Findings findings = new Findings();
    private final Map<String, Long> statuses = new TreeMap<>();
    private final Map<String, Long> restoresAfter = new TreeMap<>();
    private final QuietCallLog callLog = new QuietCallLog();
    private final RestartChecks restarts = new RestartChecks();
    private FuzzedDaemon daemon;
    private PluginClient client;
    private Baseline baseline;
    private SystemState expected;
    private List<String> expectedFirewall;
    private Set<String> knownNetworks;
    private @Nullable ProcessCounts warm;
    private ProcessCounts peak;
    private long cases;
    private long checkpoints;
    private long restores;
    private long firewallListings;
    private long startNanos;

    @BeforeProperty
    void startTheDaemonAndBuildTheBaseline() throws Exception {
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
            if (daemon != null) {
                // The last case may have left the connection mid-exchange (a shrink cut off by jqwik's timeout): the
                // final checks start on a new one, so that a violation is never hidden behind a closed channel.
                client.disconnect();
                checkpoint();
                System.out.printf(Locale.ROOT, "fuzz: %d cases in %d s; %d restores of the baseline (after %s);"
                        + " %d firewall listings; %d restart checks; %d connections; threads and fds after the"
                        + " warm-up %s, at most %s; %d log lines, the longest %d characters%nfuzz: statuses %s%n",
                        cases, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), restores,
                        restoresAfter, firewallListings, restarts.count(), client.connections(), warm, peak,
                        callLog.lines(), callLog.longest(), statuses);
                if (survey && !findings.isEmpty()) {
                    throw new AssertionError(findings.report());
                }
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
        long kernelCalls = daemon.kernelCalls();
        long firewallCalls = daemon.firewallCalls();
        Expectation expectation = oracle.expect(fuzzCase.route(), fuzzCase.body(), knownNetworks);
        Reply reply;
        try {
            reply = client.post(fuzzCase.route(), fuzzCase.body(), fuzzCase.chunked());
        } catch (IOException e) {
            violation("no reply", fuzzCase, "no reply: " + e);
            return;
        }
        statuses.merge(method(fuzzCase) + " " + reply.status(), 1L, Long::sum);
        List<Problem> problems = replies.check(fuzzCase.route(), reply, expectation);
        SystemState now = daemon.state(daemon.kernelCalls() != kernelCalls);
        List<String> firewallNow = daemon.firewallCalls() != firewallCalls ? listFirewall() : expectedFirewall;
        boolean changed = !now.equals(expected) || !firewallNow.equals(expectedFirewall);
        if (reply.status() != 200 && changed) {
            problems.add(new Problem("a failed call changed state", now.changesSince(expected)
                    + firewallSection(SystemState.diff(expectedFirewall, firewallNow))));
        }
        if (!now.store().equals(expected.store())) {
            restarts.check(fuzzCase, daemon.restartCheck());
        }
        for (Problem problem : problems) {
            violation(problem.kind() + " " + fuzzCase.route() + " " + reply.status() + replies.errKey(reply),
                    fuzzCase, problem.detail() + "\n  reply " + reply.status() + ": "
                            + FuzzCase.excerpt(reply.bodyBytes(), 400));
        }
        if (changed) {
            restoresAfter.merge(method(fuzzCase) + (reply.status() == 200 ? "" : " (failed)"), 1L, Long::sum);
            restoreBaseline(fuzzCase, kernelCalls, firewallCalls);
        }
        reportRestarts(false);
        if (cases % CHECKPOINT == 0) {
            checkpoint();
        }
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        return new FuzzCases(seeds).cases();
    }

    /**
     * Brings the daemon back to the baseline after a call that changed something, through the API, and checks that
     * it is there; when it is not, deletes everything, builds the baseline again and reports what the restore left.
     * Sockets and rules are listed again only when the case or the restore reached the dataplane since
     * {@code kernelCalls} and {@code firewallCalls} (-1: always).
     */
    private void restoreBaseline(@Nullable FuzzCase after, long kernelCalls, long firewallCalls) throws Exception {
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
     * Checks what is too slow for every case: the firewall and the links' view against the baseline, a restart,
     * that the daemon answers on a new connection and the inspect server every view, the size of what the request
     * history keeps per call, and threads and file descriptors against the counts after the warm-up.
     */
    private void checkpoint() throws Exception {
        checkpoints++;
        String firewall = SystemState.diff(expectedFirewall, listFirewall());
        String settled = baseline.settledDifferences(daemon);
        if (!firewall.isEmpty() || !settled.isEmpty()) {
            restoreBaseline(null, -1, -1);
            violation("the state drifted from the baseline between checkpoints", null, settled
                    + firewallSection(firewall));
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
        checkRequestHistory();
        checkThreadsAndDescriptors();
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
     * a body it could encode (the history holds whatever the fuzzer sent: NULs, cut bodies, odd Unicode).
     */
    private void checkInspectServer() throws Exception {
        try (UnixHttpClient inspect = UnixHttpClient.connect(daemon.inspectSocket())) {
            for (String path : List.of("/v1/info", "/v1/networks", "/v1/endpoints", "/v1/links", "/v1/ipam/pools",
                    "/v1/firewall", "/v1/requests?after=0&limit=10000", "/metrics")) {
                Reply reply = inspect.exchange(UnixHttpClient.request("GET", path, new byte[0]));
                if (reply.status() != 200 || path.startsWith("/v1/") && !replies.isJson(reply.bodyBytes())) {
                    violation("the inspect server fails " + path.replaceFirst("\\?.*", ""), null, reply.status()
                            + " " + FuzzCase.excerpt(reply.bodyBytes(), 400));
                }
            }
        }
    }

    /** Checks that no call the history keeps holds more than {@link #MAX_RECORD_CHARS} characters. */
    private void checkRequestHistory() throws Exception {
        RequestRecord largest = daemon.history().stream()
                .max(Comparator.comparingLong(PluginApiFuzzKernelTest::chars)).orElseThrow();
        if (chars(largest) > MAX_RECORD_CHARS) {
            violation("the request history keeps more than " + MAX_RECORD_CHARS + " characters of a call", null,
                    "record " + largest.seq() + " " + largest.method() + " keeps " + chars(largest)
                            + " characters (network id " + largest.networkId().length() + ", endpoint id "
                            + largest.endpointId().length() + ", error " + largest.error().length() + ", request "
                            + largest.requestJson().length() + ", response " + largest.responseJson().length() + ")");
        }
    }

    private void checkThreadsAndDescriptors() throws Exception {
        ProcessCounts counts = ProcessCounts.now();
        if (warm == null) {
            if (checkpoints >= WARM_UP_CHECKPOINTS) {
                warm = counts;
                peak = counts;
            }
            return;
        }
        peak = peak.max(counts);
        if (counts.threads() > warm.threads() + THREAD_SLACK || counts.fds() > warm.fds() + FD_SLACK) {
            violation("threads or file descriptors grow", null, "after the warm-up: " + warm + ", now: " + counts
                    + " after " + cases + " cases");
        }
    }

    private static long chars(RequestRecord record) {
        return (long) record.networkId().length() + record.endpointId().length() + record.error().length()
                + record.requestJson().length() + record.responseJson().length() + record.method().length();
    }

    private List<String> listFirewall() throws Exception {
        firewallListings++;
        return daemon.firewall();
    }

    private Reply post(String route, String body) throws IOException {
        return client.post(route, body.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Reports a violation: collects it in a survey, else brings the daemon back to the baseline (jqwik's shrinking
     * runs the next tries) and fails the try.
     */
    private void violation(String kind, @Nullable FuzzCase fuzzCase, String detail) throws Exception {
        String report = kind + " (case " + cases + ")\n" + (fuzzCase == null ? "" : fuzzCase + "\n") + detail;
        if (survey) {
            findings.add(kind, report);
            return;
        }
        if (fuzzCase != null && !detail.startsWith("restoring")) {
            restoreBaseline(fuzzCase, -1, -1);
        }
        throw new AssertionError(report);
    }

    private static String method(FuzzCase fuzzCase) {
        return fuzzCase.route().substring(fuzzCase.route().indexOf('.') + 1);
    }

    private static String firewallSection(String diff) {
        return diff.isEmpty() ? "" : "firewall:\n" + diff;
    }
}
