package dev.mdnp.inspector.client;

import static dev.mdnp.inspector.client.RecordedCalls.call;
import static dev.mdnp.inspector.client.RecordedCalls.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import dev.mdnp.model.inspect.PortView;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayObjectsTest {

    private static final String NET = "{\"NetworkID\":\"n1\",\"EndpointID\":\"e1\"}";
    private static final RequestRecord CREATE_NETWORK = call(1, 0, "NetworkDriver.CreateNetwork", 200, """
            {"NetworkID":"n1","Options":{"com.docker.network.enable_ipv6":true,
             "com.docker.network.generic":{"com.docker.network.driver.mtu":"1400","foo":"bar"}},
             "IPv4Data":[{"AddressSpace":"MdnpLocal","Pool":"10.1.0.0/24","Gateway":"10.1.0.1/24"}],
             "IPv6Data":[{"AddressSpace":"MdnpLocal","Pool":"fd00:1::/64","Gateway":"fd00:1::1/64"}]}""", "{}",
            op("create bridge", "mdnpbn1"), op("set up", "mdnpbn1"));
    private static final RequestRecord CREATE_ENDPOINT = call(2, 10, "NetworkDriver.CreateEndpoint", 200, """
            {"NetworkID":"n1","EndpointID":"e1","Interface":{"Address":"10.1.0.2/24","AddressIPv6":"",
             "MacAddress":""},"Options":{}}""",
            "{\"Interface\":{\"Address\":\"\",\"AddressIPv6\":\"\",\"MacAddress\":\"02:00:00:00:00:01\"}}",
            op("create veth", "mdnphe1/mdnpce1"), op("set master mdnpbn1", "mdnphe1"));
    private static final RequestRecord JOIN = call(3, 20, "NetworkDriver.Join", 200,
            "{\"NetworkID\":\"n1\",\"EndpointID\":\"e1\",\"SandboxKey\":\"/var/run/docker/netns/abc\"}",
            "{\"InterfaceName\":{\"SrcName\":\"mdnpce1\",\"DstPrefix\":\"eth\"},\"Gateway\":\"10.1.0.1\"}");

    /** What the daemon records for {@code -p 80 -p 127.0.0.1:18081:53/udp} on a network with IPv6. */
    private static final String PORTS = "0.0.0.0:32768->80/tcp, [::]:32768->80/tcp, 127.0.0.1:18081->53/udp";
    private static final String PROGRAM = """
            {"NetworkID":"n1","EndpointID":"e1","Options":{"com.docker.network.portmap":[
             {"Proto":6,"IP":"","Port":80,"HostIP":"","HostPort":0,"HostPortEnd":0},
             {"Proto":17,"IP":"","Port":53,"HostIP":"127.0.0.1","HostPort":18081,"HostPortEnd":18081}]}}""";

    private final ReplayObjects objects = new ReplayObjects("/tmp/session.ndjson", JsonMappers.create());

    private DaemonObjects snapshot() {
        return objects.snapshot(RecordedCalls.T0);
    }

    @Test
    void createNetworkAddsTheNetworkWithItsBridgeMtuPoolsAndOptions() {
        assertThat(objects.apply(CREATE_NETWORK)).isTrue();

        NetworkView network = snapshot().networks().get(0);
        assertThat(network.id()).isEqualTo("n1");
        assertThat(network.bridge()).isEqualTo("mdnpbn1");
        assertThat(network.mtu()).isEqualTo(1400);
        assertThat(network.ipv4Subnets()).containsExactly("10.1.0.0/24");
        assertThat(network.ipv6Subnets()).containsExactly("fd00:1::/64");
        assertThat(network.gateways()).containsExactly("10.1.0.1/24", "fd00:1::1/64");
        assertThat(network.options()).containsEntry("foo", "bar");
        assertThat(network.createdAt()).isEqualTo(CREATE_NETWORK.start());
    }

    @Test
    void createEndpointTakesTheRequestAddressesTheResponseMacAndTheVethNames() {
        objects.apply(CREATE_NETWORK);
        assertThat(objects.apply(CREATE_ENDPOINT)).isTrue();

        DaemonObjects read = snapshot();
        assertThat(read.endpoints()).containsExactly(new EndpointView("e1", "n1", "mdnphe1", "mdnpce1",
                "02:00:00:00:00:01", "10.1.0.2/24", "", false, "", List.of(), ContainerRef.UNKNOWN));
        assertThat(read.networks().get(0).endpoints()).isEqualTo(1);
    }

    @Test
    void beforeTheJoinBothVethEndsAreOnTheHost() {
        objects.apply(CREATE_NETWORK);
        objects.apply(CREATE_ENDPOINT);

        assertThat(snapshot().links()).containsExactly(
                new LinkView("mdnpbn1", "bridge", 0, "", "", 1400, "", true, "UNKNOWN", 0, 0, "n1", "", Drift.NONE),
                new LinkView("mdnpce1", "veth", 0, "mdnphe1", "", 1400, "02:00:00:00:00:01", true, "UNKNOWN", 0, 0,
                        "n1", "e1", Drift.NONE),
                new LinkView("mdnphe1", "veth", 0, "mdnpce1", "mdnpbn1", 1400, "", true, "UNKNOWN", 0, 0, "n1",
                        "e1", Drift.NONE));
    }

    @Test
    void joinMarksTheEndpointJoinedWithItsSandboxAndMovesTheContainerEndAway() {
        objects.apply(CREATE_NETWORK);
        objects.apply(CREATE_ENDPOINT);
        assertThat(objects.apply(JOIN)).isTrue();

        DaemonObjects read = snapshot();
        EndpointView endpoint = read.endpoints().get(0);
        assertThat(endpoint.joined()).isTrue();
        assertThat(endpoint.sandboxKey()).isEqualTo("/var/run/docker/netns/abc");
        assertThat(endpoint.containerIfName()).isEqualTo("mdnpce1");
        assertThat(read.links()).extracting(LinkView::name).containsExactly("mdnpbn1", "mdnphe1");
        assertThat(read.links().get(1).peer()).isEmpty();
    }

    @Test
    void theBridgeNameComesFromDockersKeyOrMdnpsOlderOneWhenNoBridgeWasCreated() {
        String request = "{\"NetworkID\":\"%s\",\"Options\":{\"com.docker.network.generic\":{\"%s\":\"%s\"}},"
                + "\"IPv4Data\":[{\"AddressSpace\":\"MdnpLocal\",\"Pool\":\"10.%d.0.0/24\"}]}";
        objects.apply(call(1, 0, "NetworkDriver.CreateNetwork", 200,
                request.formatted("n1", OptionKeys.BRIDGE_NAME, "br-docker", 1), "{}"));
        objects.apply(call(2, 0, "NetworkDriver.CreateNetwork", 200,
                request.formatted("n2", OptionKeys.MDNP_BRIDGE_NAME, "br-mdnp", 2), "{}"));

        assertThat(snapshot().networks()).extracting(NetworkView::bridge).containsExactly("br-docker", "br-mdnp");
    }

    @Test
    void programTakesTheChosenHostPortsFromThePublishOperation() {
        objects.apply(CREATE_NETWORK);
        objects.apply(call(2, 10, "NetworkDriver.CreateEndpoint", 200, """
                {"NetworkID":"n1","EndpointID":"e1","Interface":{"Address":"10.1.0.2/24",
                 "AddressIPv6":"fd00:1::2/64","MacAddress":""},"Options":{}}""", "{}",
                op("create veth", "mdnphe1/mdnpce1")));
        objects.apply(JOIN);

        assertThat(objects.apply(call(4, 30, "NetworkDriver.ProgramExternalConnectivity", 200, PROGRAM, "{}",
                op("reserve host ports", PORTS), op("publish ports", PORTS)))).isTrue();

        assertThat(snapshot().endpoints().get(0).ports()).containsExactly(
                new PortView("tcp", "0.0.0.0", 32768, "10.1.0.2", 80, false),
                new PortView("tcp", "::", 32768, "fd00:1::2", 80, false),
                new PortView("udp", "127.0.0.1", 18081, "10.1.0.2", 53, false));
    }

    @Test
    void aRoutedPortIsTheContainersOwnAddressAndPort() {
        objects.apply(CREATE_NETWORK);
        objects.apply(CREATE_ENDPOINT);

        objects.apply(call(3, 30, "NetworkDriver.ProgramExternalConnectivity", 200, PROGRAM, "{}",
                op("publish ports", "10.1.0.2:80->80/tcp")));

        assertThat(snapshot().endpoints().get(0).ports())
                .containsExactly(new PortView("tcp", "10.1.0.2", 80, "10.1.0.2", 80, true));
    }

    @Test
    void revokeAndAProgramWithoutPortsRemoveThePorts() {
        objects.apply(CREATE_NETWORK);
        objects.apply(CREATE_ENDPOINT);
        objects.apply(call(3, 30, "NetworkDriver.ProgramExternalConnectivity", 200, PROGRAM, "{}",
                op("publish ports", PORTS)));

        assertThat(objects.apply(call(4, 40, "NetworkDriver.RevokeExternalConnectivity", 200, NET, "{}",
                op("undo publish ports", PORTS), op("undo reserve host ports", "endpoint e1")))).isTrue();
        assertThat(snapshot().endpoints().get(0).ports()).isEmpty();

        objects.apply(call(5, 50, "NetworkDriver.ProgramExternalConnectivity", 200, PROGRAM, "{}",
                op("publish ports", PORTS)));
        assertThat(objects.apply(call(6, 60, "NetworkDriver.ProgramExternalConnectivity", 200,
                "{\"NetworkID\":\"n1\",\"EndpointID\":\"e1\",\"Options\":{}}", "{}",
                op("undo publish ports", PORTS)))).isTrue();
        assertThat(snapshot().endpoints().get(0).ports()).isEmpty();
    }

    @Test
    void portsOfAnEndpointNotSeenCreatedAreIgnored() {
        assertThat(objects.apply(call(1, 0, "NetworkDriver.ProgramExternalConnectivity", 200, PROGRAM, "{}",
                op("publish ports", PORTS)))).isFalse();
        assertThat(objects.apply(call(2, 0, "NetworkDriver.RevokeExternalConnectivity", 200, NET, "{}"))).isFalse();
    }

    @Test
    void leaveThenDeleteEndpointThenDeleteNetworkEmptyTheState() {
        objects.apply(CREATE_NETWORK);
        objects.apply(CREATE_ENDPOINT);
        objects.apply(JOIN);

        assertThat(objects.apply(call(4, 30, "NetworkDriver.Leave", 200, NET, "{}"))).isTrue();
        assertThat(snapshot().endpoints().get(0).joined()).isFalse();
        assertThat(snapshot().endpoints().get(0).sandboxKey()).isEmpty();

        assertThat(objects.apply(call(5, 40, "NetworkDriver.DeleteEndpoint", 200, NET, "{}"))).isTrue();
        assertThat(snapshot().endpoints()).isEmpty();

        assertThat(objects.apply(call(6, 50, "NetworkDriver.DeleteNetwork", 200, "{\"NetworkID\":\"n1\"}", "{}")))
                .isTrue();
        assertThat(snapshot().networks()).isEmpty();
        assertThat(snapshot().links()).isEmpty();
    }

    @Test
    void failedCallsChangeNothing() {
        assertThat(objects.apply(call(1, 0, CREATE_NETWORK.method(), 500, CREATE_NETWORK.requestJson(),
                "{\"Err\":\"no\"}"))).isFalse();

        assertThat(snapshot().networks()).isEmpty();
    }

    @Test
    void aCallWhoseBodyWasCutChangesNothing() {
        assertThat(objects.apply(call(1, 0, CREATE_NETWORK.method(), 200, "{\"NetworkID\":\"n1\",\"Opt…", "{}")))
                .isFalse();
    }

    @Test
    void callsThatChangeNoObjectSayNo() {
        assertThat(objects.apply(call(1, 0, "NetworkDriver.EndpointOperInfo", 200, NET, "{\"Value\":{}}")))
                .isFalse();
        assertThat(objects.apply(call(2, 0, "NetworkDriver.DeleteEndpoint", 200, NET, "{}"))).isFalse();
    }

    @Test
    void ipamCallsTrackPoolsAndUsedAndFreeAddresses() {
        objects.apply(call(1, 0, "IpamDriver.RequestPool", 200,
                "{\"AddressSpace\":\"MdnpLocal\",\"Pool\":\"\",\"SubPool\":\"\",\"Options\":{},\"V6\":false}",
                "{\"PoolID\":\"MdnpLocal/10.9.0.0/24\",\"Pool\":\"10.9.0.0/24\",\"Data\":{}}"));
        objects.apply(call(2, 0, "IpamDriver.RequestAddress", 200, "{\"PoolID\":\"MdnpLocal/10.9.0.0/24\"}",
                "{\"Address\":\"10.9.0.1/24\",\"Data\":{}}"));
        objects.apply(call(3, 0, "IpamDriver.RequestAddress", 200, "{\"PoolID\":\"MdnpLocal/10.9.0.0/24\"}",
                "{\"Address\":\"10.9.0.2/24\",\"Data\":{}}"));
        assertThat(snapshot().pools()).containsExactly(
                new PoolView("MdnpLocal/10.9.0.0/24", "MdnpLocal", "10.9.0.0/24", "", 2, 252));

        objects.apply(call(4, 0, "IpamDriver.ReleaseAddress", 200,
                "{\"PoolID\":\"MdnpLocal/10.9.0.0/24\",\"Address\":\"10.9.0.2\"}", "{}"));
        assertThat(snapshot().pools().get(0).used()).isEqualTo(1);

        assertThat(objects.apply(call(5, 0, "IpamDriver.ReleasePool", 200,
                "{\"PoolID\":\"MdnpLocal/10.9.0.0/24\"}", "{}"))).isTrue();
        assertThat(snapshot().pools()).isEmpty();
    }

    @Test
    void aSubPoolBoundsTheFreeAddresses() {
        objects.apply(call(1, 0, "IpamDriver.RequestPool", 200,
                "{\"AddressSpace\":\"MdnpLocal\",\"Pool\":\"10.9.0.0/16\",\"SubPool\":\"10.9.5.0/28\"}",
                "{\"PoolID\":\"p\",\"Pool\":\"10.9.0.0/16\"}"));
        objects.apply(call(2, 0, "IpamDriver.RequestAddress", 200, "{\"PoolID\":\"p\"}",
                "{\"Address\":\"10.9.0.1/16\"}"));
        objects.apply(call(3, 0, "IpamDriver.RequestAddress", 200, "{\"PoolID\":\"p\"}",
                "{\"Address\":\"10.9.5.1/16\"}"));

        PoolView pool = snapshot().pools().get(0);
        assertThat(pool.used()).isEqualTo(2);
        assertThat(pool.free()).isEqualTo(15); // 10.9.5.0 to .15, less the one taken inside
    }

    @Test
    void ipv6PoolsCountTheirLastAddressAsUsable() {
        objects.apply(call(1, 0, "IpamDriver.RequestPool", 200,
                "{\"AddressSpace\":\"MdnpLocal\",\"Pool\":\"fd00::/120\",\"V6\":true}",
                "{\"PoolID\":\"p6\",\"Pool\":\"fd00::/120\"}"));

        assertThat(snapshot().pools().get(0).free()).isEqualTo(255);
    }

    @Test
    void infoNamesTheFileAndCountsTheCallsPlayed() {
        objects.begin(List.of(CREATE_NETWORK, CREATE_ENDPOINT, JOIN));
        objects.apply(CREATE_NETWORK);
        objects.apply(call(7, 1, "NetworkDriver.EndpointOperInfo", 200, NET, "{}"));

        DaemonObjects read = snapshot();
        assertThat(read.info().name()).isEqualTo("replay");
        assertThat(read.info().version()).isEqualTo("recorded");
        assertThat(read.info().pluginSocket()).isEqualTo("/tmp/session.ndjson");
        assertThat(read.info().startedAt()).isEqualTo(CREATE_NETWORK.start());
        assertThat(read.info().requests()).isEqualTo(2);
        assertThat(read.info().lastSeq()).isEqualTo(7);
        assertThat(read.info().historySize()).isEqualTo(3);
        assertThat(read.info().networks()).isEqualTo(1);
    }

    @Test
    void theDaemonsOwnRecordingEndsWithNothingLeft() throws IOException {
        Recording recording = new RecordingReader(JsonMappers.create())
                .read(RecordingReaderTest.resource("daemon-session.ndjson"));
        objects.begin(recording.calls());
        DaemonObjects afterJoin = null;
        for (RequestRecord call : recording.calls()) {
            objects.apply(call);
            if (call.method().equals("NetworkDriver.Join")) {
                afterJoin = snapshot();
            }
        }

        assertThat(afterJoin).isNotNull();
        assertThat(afterJoin.networks()).extracting(NetworkView::bridge).containsExactly("mdnpb8f6511a52a");
        assertThat(afterJoin.networks().get(0).options()).isEqualTo(Map.of(OptionKeys.MTU, "1400",
                "foo", "bar"));
        assertThat(afterJoin.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.hostIfName()).isEqualTo("mdnphe0b0a8e294");
            assertThat(e.containerIfName()).isEqualTo("mdnpce0b0a8e294");
            assertThat(e.mac()).isEqualTo("02:ab:2c:2b:c9:2b");
            assertThat(e.ipv4Address()).isEqualTo("10.88.0.2/24");
            assertThat(e.joined()).isTrue();
        });
        assertThat(afterJoin.pools()).singleElement().satisfies(p -> assertThat(p.used()).isEqualTo(2));
        DaemonObjects end = snapshot();
        assertThat(end.networks()).isEmpty();
        assertThat(end.endpoints()).isEmpty();
        assertThat(end.pools()).isEmpty();
    }
}
