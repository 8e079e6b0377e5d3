package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.LinkAttrs;
import dev.mdnp.daemon.netlink.LinkStats;
import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.OperState;
import dev.mdnp.daemon.netlink.OtherLink;
import dev.mdnp.daemon.netlink.VethLink;
import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.EndpointView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping joined endpoints into containers and ordering them, over sandboxes whose links the test sets. */
class ContainerViewsTest {

    private static final String NET_A = "aaaa" + "0".repeat(60);
    private static final String NET_B = "bbbb" + "0".repeat(60);
    private static final String SANDBOX_1 = "/var/run/docker/netns/111111111111";
    private static final String SANDBOX_2 = "/var/run/docker/netns/222222222222";
    private static final String SANDBOX_3 = "/var/run/docker/netns/333333333333";
    private static final Link LO = new OtherLink(new LinkAttrs(1, "lo", 65536, null, 0, true, OperState.UNKNOWN,
            LinkStats.NONE), "");

    private final StubSandboxLinks sandboxes = new StubSandboxLinks();
    private final ContainerViews containers = new ContainerViews(new SandboxReader(sandboxes));

    @Test
    void endpointsThatShareASandboxAreOneContainerWithItsInterfacesByNameAndOneDumpOfItsNamespace() {
        sandboxes.set(SANDBOX_1, List.of(LO, link(7, "eth1", "02:42:0a:00:00:07", 100, 200),
                link(9, "eth0", "02:42:0a:00:00:09", 300, 400)));

        List<ContainerView> views = containers.of(List.of(
                endpoint("ep-a", NET_A, "02:42:0a:00:00:07", SANDBOX_1),
                endpoint("ep-b", NET_B, "02:42:0a:00:00:09", SANDBOX_1)));

        assertThat(views).singleElement().satisfies(container -> {
            assertThat(container.sandboxKey()).isEqualTo(SANDBOX_1);
            assertThat(container.interfaces()).containsExactly(
                    new ContainerInterfaceView("ep-b", NET_B, "eth0", "02:42:0a:00:00:09", "UP", 300, 400, ""),
                    new ContainerInterfaceView("ep-a", NET_A, "eth1", "02:42:0a:00:00:07", "UP", 100, 200, ""));
        });
        assertThat(sandboxes.dumps(SANDBOX_1)).isEqualTo(1);
    }

    @Test
    void endpointsNotJoinedAreNoContainer() {
        EndpointView created = new EndpointView("ep-a", NET_A, "mdnpha", "mdnpca", "02:42:0a:00:00:07", "", "",
                false, "", List.of(), ContainerRef.UNKNOWN);

        assertThat(containers.of(List.of(created))).isEmpty();
    }

    @Test
    void unreadInterfacesGoLastWithTheirProblem() {
        sandboxes.set(SANDBOX_1, List.of(LO, link(9, "eth0", "02:42:0a:00:00:09", 0, 0)));

        ContainerView container = containers.of(List.of(
                endpoint("ep-a", NET_A, "02:42:0a:00:00:99", SANDBOX_1),
                endpoint("ep-b", NET_B, "02:42:0a:00:00:09", SANDBOX_1))).get(0);

        assertThat(container.interfaces()).extracting(ContainerInterfaceView::endpointId).containsExactly("ep-b",
                "ep-a");
        assertThat(container.interfaces().get(1).problem())
                .isEqualTo("no interface in the container has the endpoint's MAC 02:42:0a:00:00:99");
    }

    @Test
    void aNamespaceThatIsGoneLeavesEveryInterfaceOfThatContainerUnreadAndNoOther() {
        sandboxes.set(SANDBOX_2, List.of(LO, link(9, "eth0", "02:42:0a:00:00:09", 0, 0)));

        List<ContainerView> views = containers.of(List.of(
                endpoint("ep-a", NET_A, "02:42:0a:00:00:07", SANDBOX_1),
                endpoint("ep-b", NET_B, "02:42:0a:00:00:08", SANDBOX_1),
                endpoint("ep-c", NET_A, "02:42:0a:00:00:09", SANDBOX_2)));

        assertThat(views.get(0).interfaces()).extracting(ContainerInterfaceView::problem).containsOnly(
                "the container's namespace is gone: " + SANDBOX_1 + " does not exist");
        assertThat(views.get(0).interfaces()).extracting(ContainerInterfaceView::endpointId)
                .containsExactly("ep-a", "ep-b");
        assertThat(views.get(1).interfaces()).extracting(ContainerInterfaceView::isRead).containsExactly(true);
    }

    @Test
    void containersGoByNameThenSandboxKey() {
        sandboxes.set(SANDBOX_1, List.of(LO));
        sandboxes.set(SANDBOX_2, List.of(LO));
        sandboxes.set(SANDBOX_3, List.of(LO));

        List<ContainerView> views = containers.of(List.of(
                endpoint("ep-a", NET_A, "02:42:0a:00:00:07", SANDBOX_1).withContainer(named("web")),
                endpoint("ep-b", NET_A, "02:42:0a:00:00:08", SANDBOX_3).withContainer(named("db")),
                endpoint("ep-c", NET_A, "02:42:0a:00:00:09", SANDBOX_2).withContainer(named("db"))));

        assertThat(views).extracting(view -> view.container().name() + " " + view.sandboxKey()).containsExactly(
                "db " + SANDBOX_2, "db " + SANDBOX_3, "web " + SANDBOX_1);
    }

    @Test
    void theContainerIsNamedAfterItsFirstInterfacesEndpointWithThatNetworksAliases() {
        sandboxes.set(SANDBOX_1, List.of(LO, link(7, "eth1", "02:42:0a:00:00:07", 0, 0),
                link(9, "eth0", "02:42:0a:00:00:09", 0, 0)));
        ContainerRef onA = new ContainerRef("c0ffee", "web", List.of("www-a"));
        ContainerRef onB = new ContainerRef("c0ffee", "web", List.of("www-b"));

        ContainerView container = containers.of(List.of(
                endpoint("ep-a", NET_A, "02:42:0a:00:00:07", SANDBOX_1).withContainer(onA),
                endpoint("ep-b", NET_B, "02:42:0a:00:00:09", SANDBOX_1).withContainer(onB))).get(0);

        assertThat(container.container()).isEqualTo(onB);
    }

    @Test
    void aContainerDockerHasNotNamedYetIsUnknown() {
        sandboxes.set(SANDBOX_1, List.of(LO));

        assertThat(containers.of(List.of(endpoint("ep-a", NET_A, "02:42:0a:00:00:07", SANDBOX_1))))
                .extracting(ContainerView::container).containsExactly(ContainerRef.UNKNOWN);
    }

    private static ContainerRef named(String name) {
        return new ContainerRef(name + "-id", name, List.of());
    }

    private static Link link(int index, String name, String mac, long rxBytes, long txBytes) {
        return new VethLink(new LinkAttrs(index, name, 1500, MacAddress.parse(mac), 0, true, OperState.UP,
                new LinkStats(1, 1, rxBytes, txBytes)), 0);
    }

    private static EndpointView endpoint(String id, String networkId, String mac, String sandboxKey) {
        return new EndpointView(id, networkId, "mdnph" + id, "mdnpc" + id, mac, "", "", true, sandboxKey, List.of(),
                ContainerRef.UNKNOWN);
    }
}
