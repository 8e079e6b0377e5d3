package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDetailViewModelTest {

    private final InspectorStore store = new InspectorStore();
    private final RequestDetailViewModel detail =
            InspectorViewModels.over(store, "test", Clock.systemDefaultZone()).detail();

    private final RequestRecord join = call(7, "NetworkDriver.Join").network("n1").endpoint("e1")
            .request("{\"NetworkID\":\"n1\",\"EndpointID\":\"e1\"}").response("{\"InterfaceName\":{}}")
            .micros(2_000).phases(100, 300, 1_000, 400, 100)
            .op("add link", "veth1a2b", 600, "").op("set master", "veth1a2b", 400, "file exists").build();

    @Test
    void nothingSelectedShowsNothing() {
        assertThat(detail.summary()).isEmpty();
        assertThat(detail.requestJsonProperty().get()).isEmpty();
        assertThat(detail.curlProperty().get()).isEmpty();
    }

    @Test
    void summaryListsTheCallsFields() {
        detail.selectedProperty().set(join);

        assertThat(detail.summary()).containsExactly(
                new SummaryRow("#", "7"),
                new SummaryRow("Time", CallText.dateTime(join.start(), ZoneId.systemDefault())),
                new SummaryRow("Method", "NetworkDriver.Join"),
                new SummaryRow("Network", "n1"),
                new SummaryRow("Endpoint", "e1"),
                new SummaryRow("Status", "200"),
                new SummaryRow("Error", ""),
                new SummaryRow("Duration", "2.00 ms"));
    }

    @Test
    void anIpamCallsSummaryNamesItsPoolAddressAndTheEndpointAndContainerItServed() {
        ObjectsFixture.show(store, ObjectsFixture.objects(
                List.of(ObjectsFixture.named(ObjectsFixture.demoNetwork(1), "front")),
                List.of(ObjectsFixture.endpoint('1', "10.77.0.2/24", true)
                        .withContainer(ObjectsFixture.container("web", "www"))),
                List.of(), List.of(ObjectsFixture.pool(ObjectsFixture.SUBNET, 2, 252))));
        RequestRecord address = ObjectsFixture.runCalls(4, '1', "10.77.0.2/24", 1_000).get(0);

        detail.selectedProperty().set(address);

        assertThat(detail.summary()).contains(
                new SummaryRow("Network (of pool)", ObjectsFixture.NET),
                new SummaryRow("Network name", "front"),
                new SummaryRow("Pool", ObjectsFixture.SUBNET),
                new SummaryRow("Address", "10.77.0.2"),
                new SummaryRow("Served endpoint", "1".repeat(40)),
                new SummaryRow("Container", "web (web000000000)"),
                new SummaryRow("Aliases", "www"));
        assertThat(detail.networkProperty().get().name()).isEqualTo("front");
        assertThat(detail.endpointProperty().get().id()).isEqualTo("1".repeat(40));
    }

    @Test
    void theGatewaysAddressIsMarkedAndServesNoEndpoint() {
        List<RequestRecord> network = ObjectsFixture.networkCalls(1);
        store.apply(network.stream().<FeedUpdate>map(FeedUpdate.Request::new).toList());

        detail.selectedProperty().set(network.get(1));

        assertThat(detail.summary()).contains(new SummaryRow("Address", "10.77.0.1 (gateway)"),
                new SummaryRow("Pool", ObjectsFixture.SUBNET));
        assertThat(detail.summary()).extracting(SummaryRow::key).doesNotContain("Served endpoint", "Container");
    }

    @Test
    void theSummaryShowsThePortsACallRevokedAndPublished() {
        detail.selectedProperty().set(call(8, "NetworkDriver.ProgramExternalConnectivity").network("n1")
                .endpoint("e1").micros(1_500).op("undo publish ports", "0.0.0.0:8080->80/tcp", 300, "")
                .op("undo reserve host ports", "endpoint e1", 10, "")
                .op("reserve host ports", "0.0.0.0:32768->80/tcp, [::]:32768->80/tcp", 50, "")
                .op("publish ports", "0.0.0.0:32768->80/tcp, [::]:32768->80/tcp", 900, "").build());

        assertThat(detail.summary()).endsWith(new SummaryRow("Duration", "1.50 ms"),
                new SummaryRow("Ports revoked", "0.0.0.0:8080->80/tcp"),
                new SummaryRow("Ports published", "0.0.0.0:32768->80/tcp, [::]:32768->80/tcp"));
    }

    @Test
    void portsThatFailedToPublishAreNotInTheSummary() {
        detail.selectedProperty().set(call(9, "NetworkDriver.ProgramExternalConnectivity").failed(500, "taken")
                .op("reserve host ports", "endpoint e1", 50, "port 8080 is already in use").build());

        assertThat(detail.summary()).extracting(SummaryRow::key).doesNotContain("Ports published", "Ports revoked");
    }

    @Test
    void bodiesArePrettyPrinted() {
        detail.selectedProperty().set(join);

        assertThat(detail.requestJsonProperty().get()).contains("\n  \"NetworkID\" : \"n1\",\n");
        assertThat(detail.responseJsonProperty().get()).contains("\"InterfaceName\" : { }");
    }

    @Test
    void phasesAreSharesOfTheTotal() {
        detail.selectedProperty().set(join);

        assertThat(detail.phases()).containsExactly(
                new PhaseRow("decode", 100, 0.05), new PhaseRow("driver", 300, 0.15),
                new PhaseRow("kernel", 1_000, 0.5), new PhaseRow("store", 400, 0.2),
                new PhaseRow("encode", 100, 0.05), new PhaseRow("other", 100, 0.05));
    }

    @Test
    void kernelOpsKeepTheirOrder() {
        detail.selectedProperty().set(join);

        assertThat(detail.kernelOps()).extracting(KernelOpRecord::operation).containsExactly("add link", "set master");
        assertThat(detail.kernelOps().get(1).ok()).isFalse();
    }

    @Test
    void relatedObjectsComeFromTheStoreAndFollowIt() {
        detail.selectedProperty().set(join);
        assertThat(detail.networkProperty().get()).isNull();

        store.apply(List.of(new FeedUpdate.Objects(objects("/run/docker/plugins/mdnp.sock"))));

        assertThat(detail.networkProperty().get()).extracting(NetworkView::bridge).isEqualTo("mdnp-n1");
        assertThat(detail.endpointProperty().get()).extracting(EndpointView::hostIfName).isEqualTo("veth1a2b");
        assertThat(detail.curlProperty().get()).startsWith("curl --unix-socket /run/docker/plugins/mdnp.sock ");
    }

    @Test
    void deselectingClearsEverything() {
        detail.selectedProperty().set(join);

        detail.selectedProperty().set(null);

        assertThat(detail.kernelOps()).isEmpty();
        assertThat(detail.phases()).isEmpty();
        assertThat(detail.responseJsonProperty().get()).isEmpty();
    }

    private static DaemonObjects objects(String socket) {
        InfoView info = new InfoView("mdnp", "0.1.0", Instant.EPOCH, socket, "/var/lib/mdnp", 1, 1, 7, 7, 1000, 0);
        NetworkView network = new NetworkView("n1", "", "mdnp-n1", 1500, List.of("10.1.0.0/24"), List.of(),
                List.of("10.1.0.1/24"), Map.of(), 1, Instant.EPOCH);
        EndpointView endpoint = new EndpointView("e1", "n1", "veth1a2b", "eth0", "02:42:0a:01:00:02",
                "10.1.0.2/24", "", true, "/var/run/docker/netns/x", List.of(), ContainerRef.UNKNOWN);
        return new DaemonObjects(info, List.of(network), List.of(endpoint), List.of(), List.of(), Instant.EPOCH);
    }
}
