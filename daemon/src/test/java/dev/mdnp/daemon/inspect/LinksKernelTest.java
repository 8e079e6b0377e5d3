package dev.mdnp.daemon.inspect;

import static dev.mdnp.daemon.inspect.InspectFixture.EP;
import static dev.mdnp.daemon.inspect.InspectFixture.NET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mdnp.daemon.netlink.LinkOps;
import dev.mdnp.daemon.netlink.VethPair;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import dev.mdnp.model.json.JsonMappers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/links} against a real kernel: links read from netlink in a private namespace, with drift flags. */
@Tag("kernel")
class LinksKernelTest {

    /** The device group of the daemon under test's links; another daemon's links are in other groups. */
    private static final int OWN_GROUP = 28100;

    private static final String EP2 = "f1c1b9f3058c15e86d35e55161b0061e054522ff22d62e81e0eee5984456dbfe";
    private static final String EP3 = "a2d2c0a4169d26f97e46f66272c1172f165633aa33e73f92f1fff6a95567ecaf";

    @TempDir
    Path dir;

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;

    @BeforeEach
    void openNamespace() throws Exception {
        netns = namespace.get();
    }

    @Test
    void linksShowTheKernelsViewWithDriftAgainstTheState() throws Exception {
        LinkOps links = netns.rtnl().links();
        links.createBridge("mdnpb8f6511a52a", 0, OWN_GROUP);
        links.createVeth(VethPair.of("mdnphe0b0a8e294", "mdnpce0b0a8e294").withGroup(OWN_GROUP));
        links.setMaster("mdnphe0b0a8e294", "mdnpb8f6511a52a");
        links.setUp("mdnphe0b0a8e294");
        links.createBridge("mdnpbdeadbeef00", 0, OWN_GROUP);
        links.createBridge("mdnpbanother00", 0, OWN_GROUP + 2); // another daemon's
        links.createBridge("mdnpbnobody000"); // nobody's mark
        links.createVeth(VethPair.of("mdnpha2d2c0a416", "mdnpctransient0").withGroup(OWN_GROUP));

        try (InspectFixture inspect = InspectFixture.start(dir,
                LinkSource.of(netns.rtnl(), group -> group == OWN_GROUP))) {
            inspect.docker.network(NET);
            inspect.docker.endpoint(NET, EP);
            inspect.docker.endpoint(NET, EP2, "10.88.0.3/16");
            inspect.docker.endpoint(NET, EP3, "10.88.0.4/16");
            inspect.docker.join(NET, EP3);
            links.delete("mdnpctransient0"); // as Docker moved it into the container (its peer goes with it here)

            JsonNode reply = JsonMappers.create().readTree(inspect.get("/v1/links").body());

            Map<String, JsonNode> byName = new HashMap<>();
            reply.forEach(link -> byName.put(link.get("name").asText(), link));
            assertThat(byName).doesNotContainKeys("lo", "mdnpbanother00", "mdnpbnobody000");
            JsonNode host = byName.get("mdnphe0b0a8e294");
            assertThat(host.get("drift").asText()).isEqualTo("NONE");
            assertThat(host.get("kind").asText()).isEqualTo("veth");
            assertThat(host.get("peer").asText()).isEqualTo("mdnpce0b0a8e294");
            assertThat(host.get("master").asText()).isEqualTo("mdnpb8f6511a52a");
            assertThat(host.get("up").asBoolean()).isTrue();
            assertThat(host.get("endpointId").asText()).isEqualTo(EP);
            assertThat(host.get("mac").asText()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
            // A bridge follows its ports' MTU unless one was set on it: only check that the kernel's value is shown.
            assertThat(byName.get("mdnpb8f6511a52a").get("mtu").asInt()).isPositive();
            assertThat(byName.get("mdnpb8f6511a52a").get("kind").asText()).isEqualTo("bridge");
            assertThat(byName.get("mdnpb8f6511a52a").get("drift").asText()).isEqualTo("NONE");
            assertThat(byName.get("mdnpbdeadbeef00").get("drift").asText()).isEqualTo("UNKNOWN_TO_STATE");
            assertThat(byName.get("mdnphf1c1b9f305").get("drift").asText()).isEqualTo("MISSING_IN_KERNEL");
            assertThat(byName.get("mdnpcf1c1b9f305").get("drift").asText()).isEqualTo("MISSING_IN_KERNEL");
            // EP3 is joined: its container end lives in the container, so it is not missing; its host end is.
            assertThat(byName.get("mdnpca2d2c0a416").get("drift").asText()).isEqualTo("NONE");
            assertThat(byName.get("mdnpha2d2c0a416").get("drift").asText()).isEqualTo("MISSING_IN_KERNEL");
        }
    }
}
