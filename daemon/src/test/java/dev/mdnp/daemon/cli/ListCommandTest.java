package dev.mdnp.daemon.cli;

import dev.mdnp.daemon.testsupport.CommandRun;
import dev.mdnp.daemon.testsupport.InspectBodies;
import dev.mdnp.model.client.StubHttpServer;
import static dev.mdnp.daemon.testsupport.InspectBodies.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mdnp status|networks|endpoints|containers|links|pools} against a stub inspect socket: tables, JSON, exit
 * codes.
 */
class ListCommandTest {

    private StubHttpServer daemon;
    private String socket;

    @BeforeEach
    void start() throws IOException {
        daemon = StubHttpServer.start();
        socket = daemon.socket().toString();
        daemon.reply("/v1/info", 200, InspectBodies.INFO);
        daemon.reply("/v1/networks", 200, InspectBodies.NETWORKS);
        daemon.reply("/v1/endpoints", 200, InspectBodies.ENDPOINTS);
        daemon.reply("/v1/links", 200, InspectBodies.LINKS);
        daemon.reply("/v1/ipam/pools", 200, InspectBodies.POOLS);
        daemon.reply("/v1/containers", 200, InspectBodies.CONTAINERS);
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
    }

    @Test
    void statusSummarisesTheDaemon() {
        CommandRun run = CommandRun.of(new StatusCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(String.join("\n",
                "mdnp             running",
                "plugin           mdnp",
                "version          0.1.0",
                "started          2026-11-28T19:55:30Z (up 2h 4m)",
                "plugin socket    /run/docker/plugins/mdnp.sock",
                "inspect socket   " + socket,
                "state dir        /var/lib/mdnp/mdnp",
                "networks         2",
                "endpoints        1",
                "calls served     42",
                "last call seq    42",
                "history size     10000",
                "dropped events   0",
                ""));
    }

    @Test
    void networksAreATableWithShortIdsAndDockersNames() {
        CommandRun run = CommandRun.of(new NetworksCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(String.join("\n",
                "NETWORK ID     NAME    BRIDGE            SUBNETS                  GATEWAYS                  MTU"
                        + "       ENDPOINTS   CREATED",
                "8f6511a52af0   front   mdnpb8f6511a52a   10.77.0.0/24,fd77::/64   10.77.0.1/24,fd77::1/64   1400"
                        + "      1           3m ago",
                "77aa0011bb22   -       br-lab            -                        -                         default"
                        + "   0           2d ago",
                ""));
    }

    @Test
    void endpointsAreATableWithTheirContainers() {
        CommandRun run = CommandRun.of(new EndpointsCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(String.join("\n",
                "ENDPOINT ID    NETWORK ID     CONTAINER   HOST IF           CONTAINER IF      MAC               "
                        + "  IPV4           IPV6         JOINED   PORTS",
                "1a2b3c4d5e6f   8f6511a52af0   web (www)   mdnph1a2b3c4d5e   mdnpc1a2b3c4d5e   02:42:0a:4d:00:02 "
                        + "  10.77.0.2/24   fd77::2/64   yes      0.0.0.0:8080->80/tcp, [::]:8080->80/tcp",
                "9c8d7e6f5a4b   8f6511a52af0   -           mdnph9c8d7e6f5a   mdnpc9c8d7e6f5a   02:42:0a:4d:00:03 "
                        + "  10.77.0.3/24   -            no       -",
                ""));
    }

    @Test
    void linksShowStateTrafficAndDrift() {
        CommandRun run = CommandRun.of(new LinksCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "NAME              KIND     STATE             MASTER            PEER              MTU    MAC       "
                        + "          RX       TX       NETWORK ID     ENDPOINT ID    DRIFT",
                "mdnpb8f6511a52a   bridge   UP                -                 -                 1400   02:00:00:"
                        + "00:00:01   1.5KiB   900B     8f6511a52af0   -              -",
                "mdnph1a2b3c4d5e   veth     missing           mdnpb8f6511a52a   -                 -      -         "
                        + "          -        -        8f6511a52af0   1a2b3c4d5e6f   missing in kernel",
                "mdnphdeadbeef00   veth     DOWN,admin-down   -                 mdnpcdeadbeef00   1500   02:00:00:"
                        + "00:00:09   0B       3.0MiB   -              -              unknown to state");
    }

    @Test
    void poolsShowUse() {
        CommandRun run = CommandRun.of(new PoolsCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "POOL ID                               ADDRESS SPACE   POOL           SUB POOL       USED   FREE",
                "MdnpLocal/10.77.0.0/24                MdnpLocal       10.77.0.0/24   -              2      252",
                "MdnpLocal/10.78.0.0/16/10.78.1.0/24   MdnpLocal       10.78.0.0/16   10.78.1.0/24   1      253");
    }

    @Test
    void anEmptyListIsJustTheHeader() {
        daemon.reply("/v1/networks", 200, "[]");

        CommandRun run = CommandRun.of(new NetworksCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.out().lines()).singleElement().asString().startsWith("NETWORK ID");
    }

    @Test
    void jsonIsPrintedAsReceived() {
        daemon.reply("/v1/networks", 200, "[ {\"id\" : \"x\"} ]");

        for (Object command : new Object[] {new NetworksCommand(CLOCK)}) {
            CommandRun run = CommandRun.of(command, "--inspect-socket", socket, "--json");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo("[ {\"id\" : \"x\"} ]\n");
        }
        assertThat(CommandRun.of(new StatusCommand(CLOCK), "--inspect-socket", socket, "--json").out())
                .isEqualTo(InspectBodies.INFO);
        assertThat(CommandRun.of(new EndpointsCommand(CLOCK), "--inspect-socket", socket, "--json").out())
                .isEqualTo(InspectBodies.ENDPOINTS);
        assertThat(CommandRun.of(new LinksCommand(CLOCK), "--inspect-socket", socket, "--json").out())
                .isEqualTo(InspectBodies.LINKS);
        assertThat(CommandRun.of(new PoolsCommand(CLOCK), "--inspect-socket", socket, "--json").out())
                .isEqualTo(InspectBodies.POOLS);
    }

    @Test
    void anErrorFromTheDaemonExitsWithOne() {
        daemon.reply("/v1/links", 500, "{\"Err\":\"netlink dump failed: operation not permitted (EPERM)\"}");

        CommandRun run = CommandRun.of(new LinksCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("mdnp links: mdnp at " + socket + " answered GET /v1/links with 500: netlink"
                + " dump failed: operation not permitted (EPERM)\n");
    }

    @Test
    void anUnreadableAnswerExitsWithOne() {
        daemon.reply("/v1/ipam/pools", 200, "{\"not\":\"a list\"}");

        CommandRun run = CommandRun.of(new PoolsCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("sent an unreadable body for GET /v1/ipam/pools");
    }

    @Test
    void aDaemonThatIsNotRunningExitsWithTwoAndSaysWhatToCheck() throws IOException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "mdnpcli");
        String missing = directory.resolve("inspect.sock").toString();
        try {
            for (Object command : new Object[] {new StatusCommand(CLOCK), new NetworksCommand(CLOCK),
                new EndpointsCommand(CLOCK), new LinksCommand(CLOCK), new PoolsCommand(CLOCK),
                new LogCommand(CLOCK)}) {
                CommandRun run = CommandRun.of(command, "--inspect-socket", missing, "--timeout", "2s");
                assertThat(run.exitCode()).as(command.getClass().getSimpleName()).isEqualTo(2);
                assertThat(run.err()).startsWith("mdnp ").contains("cannot reach mdnp at " + missing)
                        .contains("is mdnp running? is --inspect-socket right?");
            }
        } finally {
            Files.delete(directory);
        }
    }

    @Test
    void eachInterfaceIsARowWithItsNetworkAddressStateAndTrafficAndUnreadOnesSayWhy() {
        CommandRun run = CommandRun.of(new ContainersCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(String.join("\n",
                "CONTAINER     INTERFACE   NETWORK   ADDRESS        STATE    RX     TX",
                "web           eth0        front     10.77.0.2/24   UP       378B   2.0KiB",
                "sandbox def   ?           front     10.77.0.3/24   unread   -      -",
                "",
                "unread: sandbox def, endpoint 9c8d7e6f5a4b: the container's namespace is gone:"
                        + " /var/run/docker/netns/def does not exist",
                ""));
    }

    @Test
    void jsonIsTheDaemonsAnswerAsReceived() {
        CommandRun run = CommandRun.of(new ContainersCommand(CLOCK), "--inspect-socket", socket, "--json");

        assertThat(run.out()).isEqualTo(InspectBodies.CONTAINERS);
    }
}
