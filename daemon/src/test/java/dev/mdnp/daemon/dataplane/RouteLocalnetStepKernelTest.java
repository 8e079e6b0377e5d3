package dev.mdnp.daemon.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RouteLocalnetStep} against the real kernel in a private namespace. The step runs on the test thread, which is
 * in the host's namespace: it changes the private namespace's bridge all the same, because it goes through the
 * handle's socket and not through the calling thread's {@code /proc/sys}.
 */
@Tag("kernel")
class RouteLocalnetStepKernelTest {

    private static final String BRIDGE = "mdnptbr0";

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private RtNetlink rtnl;
    private final RouteLocalnetStep step = new RouteLocalnetStep(BRIDGE);

    @BeforeEach
    void createBridgeInAPrivateNamespace() throws Exception {
        netns = namespace.get();
        rtnl = netns.rtnl();
        rtnl.links().createBridge(BRIDGE);
    }

    @Test
    void applyTurnsTheBridgesRouteLocalnetOnFromAThreadOutsideTheNamespace() throws Exception {
        step.apply(rtnl);

        assertThat(routeLocalnet()).isEqualTo("1");
    }

    @Test
    void undoTurnsItOffAgain() throws Exception {
        step.apply(rtnl);

        step.undo(rtnl);

        assertThat(routeLocalnet()).isEqualTo("0");
    }

    @Test
    void undoOfABridgeThatIsGoneIsDone() {
        step.apply(rtnl);
        rtnl.links().delete(BRIDGE);

        step.undo(rtnl);

        assertThat(rtnl.links().get(BRIDGE)).isEmpty();
    }

    private String routeLocalnet() throws Exception {
        return netns.inside(() -> new Sysctl(List.of("net", "ipv4", "conf", BRIDGE, "route_localnet")).read());
    }
}
