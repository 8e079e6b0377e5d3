package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.netlink.BridgeLink;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.LinkAttrs;
import dev.mdnp.daemon.netlink.LinkStats;
import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.OperState;
import dev.mdnp.daemon.netlink.OtherLink;
import dev.mdnp.daemon.netlink.VethLink;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.LinkView;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkDriftTest {

    private final InspectFixture.Docker docker = new InspectFixture.Docker(new DriverState());

    static LinkAttrs attrs(int index, String name, int master) {
        return new LinkAttrs(index, name, 1500, MacAddress.parse("02:42:ac:11:00:0" + (index % 10)), master, true,
                OperState.UP, new LinkStats(1, 2, 300, 400));
    }

    @Test
    void kernelLinksTheStateKnowsHaveNoDriftAndNameTheirPeerMasterAndOwners() {
        docker.network(InspectFixture.NET);
        docker.endpoint(InspectFixture.NET, InspectFixture.EP);
        List<Link> kernel = List.of(
                new OtherLink(attrs(1, "lo", 0), ""),
                new BridgeLink(attrs(5, "mdnpb8f6511a52a", 0)),
                new VethLink(attrs(6, "mdnphe0b0a8e294", 5), 7),
                new VethLink(attrs(7, "mdnpce0b0a8e294", 0), 6));

        List<LinkView> views = LinkDrift.join(kernel, docker.state().networks(), docker.state().endpoints());

        assertThat(views).extracting(LinkView::name).containsExactly("mdnpb8f6511a52a", "mdnpce0b0a8e294",
                "mdnphe0b0a8e294");
        assertThat(views).allSatisfy(view -> assertThat(view.drift()).isEqualTo(Drift.NONE));
        LinkView host = views.get(2);
        assertThat(host.peer()).isEqualTo("mdnpce0b0a8e294");
        assertThat(host.master()).isEqualTo("mdnpb8f6511a52a");
        assertThat(host.endpointId()).isEqualTo(InspectFixture.EP);
        assertThat(host.networkId()).isEqualTo(InspectFixture.NET);
        assertThat(host.rxBytes()).isEqualTo(300);
        assertThat(host.operState()).isEqualTo("UP");
        assertThat(views.get(0).kind()).isEqualTo("bridge");
    }

    @Test
    void aKnownLinkTheKernelLacksIsMissingAndAnUnknownOneWithThePrefixIsUnknown() {
        docker.network(InspectFixture.NET);
        docker.endpoint(InspectFixture.NET, InspectFixture.EP);
        List<Link> kernel = List.of(new BridgeLink(attrs(5, "mdnpb8f6511a52a", 0)),
                new BridgeLink(attrs(9, "mdnpbstale00000", 0)));

        List<LinkView> views = LinkDrift.join(kernel, docker.state().networks(), docker.state().endpoints());

        assertThat(views).extracting(LinkView::name, LinkView::drift).containsExactly(
                tuple("mdnpb8f6511a52a", Drift.NONE),
                tuple("mdnpbstale00000", Drift.UNKNOWN_TO_STATE),
                tuple("mdnpce0b0a8e294", Drift.MISSING_IN_KERNEL),
                tuple("mdnphe0b0a8e294", Drift.MISSING_IN_KERNEL));
        assertThat(views.get(2).index()).isZero();
    }

    @Test
    void theContainerEndOfAJoinedEndpointCountsAsPresent() {
        docker.network(InspectFixture.NET);
        docker.endpoint(InspectFixture.NET, InspectFixture.EP);
        docker.join(InspectFixture.NET, InspectFixture.EP);
        List<Link> kernel = List.of(new BridgeLink(attrs(5, "mdnpb8f6511a52a", 0)),
                new VethLink(attrs(6, "mdnphe0b0a8e294", 5), 0));

        List<LinkView> views = LinkDrift.join(kernel, docker.state().networks(), docker.state().endpoints());

        assertThat(views).extracting(LinkView::drift).containsOnly(Drift.NONE);
        assertThat(views).extracting(LinkView::name).contains("mdnpce0b0a8e294");
        assertThat(views).filteredOn(view -> view.name().equals("mdnphe0b0a8e294")).extracting(LinkView::peer)
                .containsExactly("");
    }
}
