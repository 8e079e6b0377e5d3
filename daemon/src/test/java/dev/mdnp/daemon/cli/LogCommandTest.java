package dev.mdnp.daemon.cli;

import dev.mdnp.daemon.testsupport.CommandRun;
import dev.mdnp.daemon.testsupport.InspectBodies;
import dev.mdnp.model.client.StubHttpServer;
import static dev.mdnp.daemon.testsupport.InspectBodies.CLOCK;
import static dev.mdnp.daemon.testsupport.InspectBodies.EP_ID;
import static dev.mdnp.daemon.testsupport.InspectBodies.NET_ID;
import static dev.mdnp.daemon.testsupport.InspectBodies.record;
import static dev.mdnp.daemon.testsupport.InspectBodies.requestEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LogCommandTest {

    private static final String CREATE = record(41, "NetworkDriver.CreateNetwork", NET_ID, "", 200, "", 1_920,
            "2026-11-28T21:40:02.113Z");
    private static final String JOIN = record(42, "NetworkDriver.Join", NET_ID, EP_ID, 500,
            "join: no such device (ENODEV)", 251_000, "2026-11-28T21:40:03Z");
    private static final String CREATE_LINE = "2026-11-28T21:40:02.113Z  NetworkDriver.CreateNetwork"
            + "                   200      1.92 ms  8f6511a52af0  -";
    private static final String JOIN_LINE = "2026-11-28T21:40:03.000Z  NetworkDriver.Join"
            + "                            500    251.00 ms  8f6511a52af0  1a2b3c4d5e6f  join: no such device (ENODEV)";

    private StubHttpServer daemon;
    private String socket;

    @BeforeEach
    void start() throws IOException {
        daemon = StubHttpServer.start();
        socket = daemon.socket().toString();
        daemon.reply("/v1/info", 200, InspectBodies.INFO);
        daemon.reply("/v1/requests", 200, "[" + CREATE + "," + JOIN + "]");
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
    }

    @Test
    void theLatestCallsArePrintedOnePerLine() throws InterruptedException {
        CommandRun run = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket, "--limit", "2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(LogCommand.HEADER, CREATE_LINE, JOIN_LINE);
        assertThat(LogCommand.HEADER).isEqualTo("TIME                      METHOD" + " ".repeat(37)
                + "STATUS     DURATION  NETWORK       ENDPOINT      ERROR");
        daemon.nextRequest();
        assertThat(daemon.nextRequest().target()).isEqualTo("/v1/requests?after=40&limit=2");
    }

    @Test
    void aLimitBeyondTheHistoryStartsAtTheOldest() throws InterruptedException {
        CommandRun run = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isZero();
        daemon.nextRequest();
        assertThat(daemon.nextRequest().target()).isEqualTo("/v1/requests?after=0&limit=50");
    }

    @Test
    void theFilterPicksCalls() {
        CommandRun run = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket, "--filter",
                "status:error OR slower-than:1s");

        assertThat(run.out().lines()).containsExactly(LogCommand.HEADER, JOIN_LINE);
    }

    @Test
    void jsonIsTheListAsReceived() {
        CommandRun run = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket, "--json");

        assertThat(run.out()).isEqualTo("[" + CREATE + "," + JOIN + "]\n");
    }

    @Test
    void filteredJsonIsTheMatchingRecords() throws IOException {
        CommandRun run = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket, "--json", "--filter",
                "-method:create");

        JsonNode records = new ObjectMapper().readTree(run.out());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("seq").asLong()).isEqualTo(42);
        assertThat(records.get(0).get("error").asText()).isEqualTo("join: no such device (ENODEV)");
    }

    @Test
    void anInvalidFilterIsAUsageErrorThatSaysWhy() {
        CommandRun run = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket, "--filter", "colour:red");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).startsWith("invalid --filter: unknown filter key \"colour:\"");
        assertThat(daemon.requests()).isEmpty();
    }

    @Test
    void followPrintsEachMatchingCallAsItHappensUntilInterrupted() throws Exception {
        daemon.streamThenHold(": heartbeat\n\n",
                requestEvent(43, record(43, "NetworkDriver.Join", NET_ID, EP_ID, 200, "", 800,
                        "2026-11-28T21:41:00Z")),
                "id: 44\nevent: state\ndata: {\"type\":\"state\",\"seq\":44,\"change\":\"endpoint-joined\","
                        + "\"id\":\"x\"}\n\n",
                requestEvent(45, record(45, "NetworkDriver.Leave", NET_ID, EP_ID, 200, "", 500,
                        "2026-11-28T21:42:00Z")),
                requestEvent(46, record(46, "NetworkDriver.Join", NET_ID, EP_ID, 500, "boom", 900,
                        "2026-11-28T21:43:00Z")));
        Following following = follow("--filter", "method:join");

        await().atMost(10, TimeUnit.SECONDS).until(() -> following.out.toString().lines().count() == 3);
        int exitCode = following.stop();

        assertThat(exitCode).isZero();
        assertThat(following.out.toString().lines()).containsExactly(LogCommand.HEADER,
                "2026-11-28T21:41:00.000Z  NetworkDriver.Join                            200      0.80 ms  "
                        + "8f6511a52af0  1a2b3c4d5e6f",
                "2026-11-28T21:43:00.000Z  NetworkDriver.Join                            500      0.90 ms  "
                        + "8f6511a52af0  1a2b3c4d5e6f  boom");
        assertThat(daemon.requests()).extracting(StubHttpServer.Request::target).contains("/v1/events");
    }

    @Test
    void followWithJsonPrintsOneRecordPerLine() throws Exception {
        daemon.streamThenHold(requestEvent(43, record(43, "NetworkDriver.Join", NET_ID, EP_ID, 200, "", 800,
                "2026-11-28T21:41:00Z")), requestEvent(44, record(44, "NetworkDriver.Leave", NET_ID, EP_ID, 200, "",
                500, "2026-11-28T21:42:00Z")));
        Following following = follow("--json");

        await().atMost(10, TimeUnit.SECONDS).until(() -> following.out.toString().lines().count() == 2);
        following.stop();

        ObjectMapper mapper = new ObjectMapper();
        assertThat(following.out.toString().lines().map(line -> {
            try {
                return mapper.readTree(line).get("seq").asLong();
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
        })).containsExactly(43L, 44L);
    }

    @Test
    void followSaysWhenItLosesAndRegainsTheDaemonAndWhenCallsWereDropped() throws Exception {
        daemon.streamThenClose(requestEvent(43, record(43, "NetworkDriver.Join", NET_ID, EP_ID, 200, "", 800,
                "2026-11-28T21:41:00Z")));
        daemon.streamThenHold("id: 60\nevent: lost\ndata: {\"type\":\"lost\",\"seq\":60,\"firstKept\":50}\n\n");
        Following following = follow();

        await().atMost(10, TimeUnit.SECONDS).until(() -> following.err.toString().contains("dropped"));
        following.stop();

        assertThat(following.err.toString().lines()).containsExactly(
                "mdnp log: mdnp at " + socket + " ended the event stream; reconnecting",
                "mdnp log: reconnected to " + socket,
                "mdnp log: some calls were dropped before they could be shown (the daemon now keeps events from"
                        + " 50)");
        assertThat(daemon.requests()).extracting(StubHttpServer.Request::target)
                .contains("/v1/events", "/v1/events?after=43");
    }

    @Test
    void theFilterMatchesDockersNamesAsTheDaemonServesThem() {
        daemon.reply("/v1/networks", 200, InspectBodies.NETWORKS);
        daemon.reply("/v1/endpoints", 200, InspectBodies.ENDPOINTS);

        CommandRun byNetwork = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket, "--filter",
                "net:front");
        CommandRun byContainer = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket, "--filter",
                "container:web");

        assertThat(byNetwork.out().lines()).containsExactly(LogCommand.HEADER, CREATE_LINE, JOIN_LINE);
        assertThat(byContainer.out().lines()).containsExactly(LogCommand.HEADER, JOIN_LINE);
    }

    @Test
    void withoutNamesTheFilterStillMatchesIdsAndSaysWhy() {
        CommandRun run = CommandRun.of(new LogCommand(CLOCK), "--inspect-socket", socket, "--filter",
                "net:8f65 OR container:web");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(LogCommand.HEADER, CREATE_LINE, JOIN_LINE);
        assertThat(run.err()).startsWith("mdnp log: cannot read Docker's names");
    }

    @Test
    void followReadsTheNamesAgainWhenAStateEventArrives() throws Exception {
        daemon.reply("/v1/networks", 200, InspectBodies.NETWORKS);
        daemon.reply("/v1/endpoints", 200, "[]");
        daemon.streamThenClose(
                requestEvent(43, record(43, "NetworkDriver.Join", NET_ID, EP_ID, 200, "", 800,
                        "2026-11-28T21:41:00Z")),
                requestEvent(44, record(44, "NetworkDriver.Leave", NET_ID, EP_ID, 200, "", 500,
                        "2026-11-28T21:42:00Z")));
        Following following = follow("--filter", "container:web OR method:leave");
        await().atMost(10, TimeUnit.SECONDS).until(() -> following.out.toString().contains("Leave"));

        daemon.reply("/v1/endpoints", 200, InspectBodies.ENDPOINTS);
        daemon.streamThenHold(
                "id: 45\nevent: state\ndata: {\"type\":\"state\",\"seq\":45,\"change\":\"container-named\","
                        + "\"id\":\"" + EP_ID + "\"}\n\n",
                requestEvent(46, record(46, "NetworkDriver.Join", NET_ID, EP_ID, 200, "", 900,
                        "2026-11-28T21:43:00Z")));
        await().atMost(10, TimeUnit.SECONDS).until(() -> following.out.toString().lines().count() == 3);
        following.stop();

        assertThat(following.out.toString().lines()).extracting(line -> line.substring(26, 67).strip())
                .containsExactly("METHOD", "NetworkDriver.Leave", "NetworkDriver.Join");
    }

    private Following follow(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--inspect-socket";
        args[1] = socket;
        args[2] = "-f";
        System.arraycopy(extra, 0, args, 3, extra.length);
        Following following = new Following();
        CommandLine commandLine = new CommandLine(new LogCommand(CLOCK));
        commandLine.setOut(new PrintWriter(following.out, true));
        commandLine.setErr(new PrintWriter(following.err, true));
        Thread thread = new Thread(() -> following.exitCode.complete(commandLine.execute(args)), "log-follow");
        following.thread = thread;
        thread.start();
        return following;
    }

    /** A {@code log -f} running on its own thread. */
    private static final class Following {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        Thread thread;

        int stop() throws Exception {
            thread.interrupt();
            return exitCode.get(10, TimeUnit.SECONDS);
        }
    }
}
