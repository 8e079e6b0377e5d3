package dev.mdnp.daemon.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.ContainerRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link KnownNames}: what it answers, and that it reports exactly the ids whose answer changed. */
class KnownNamesTest {

    private static final ContainerRef WEB = new ContainerRef("c1", "web", List.of("www"));
    private static final ContainerRef WEB2 = new ContainerRef("c1", "web2", List.of("www"));
    private static final ContainerRef DB = new ContainerRef("c2", "db", List.of());

    private final List<String> networkChanges = new ArrayList<>();
    private final List<String> containerChanges = new ArrayList<>();
    private final KnownNames names = new KnownNames(networkChanges::add, containerChanges::add);

    @Test
    void unknownIdsHaveNoNameAndAnUnknownContainer() {
        assertThat(names.networkName("n1")).isEmpty();
        assertThat(names.containerOf("e1")).isEqualTo(ContainerRef.UNKNOWN);
    }

    @Test
    void listingReportsOnlyWhatChanged() {
        names.replaceAll(Map.of("n1", "front", "n2", "back"), Map.of("e1", WEB, "e2", DB));
        networkChanges.clear();
        containerChanges.clear();

        names.replaceAll(Map.of("n1", "front", "n3", "side"), Map.of("e1", WEB2, "e2", DB));

        assertThat(networkChanges).containsExactly("n2", "n3");
        assertThat(containerChanges).containsExactly("e1");
        assertThat(names.networkName("n2")).isEmpty();
        assertThat(names.containerOf("e1")).isEqualTo(WEB2);
    }

    @Test
    void sameNameAgainIsNoChange() {
        names.networkNamed("n1", "front");
        names.networkNamed("n1", "front");
        names.networkGone("n9");

        assertThat(networkChanges).containsExactly("n1");
    }

    @Test
    void containerAttachedReplacesTheEndpointsOfThatContainerOnly() {
        names.replaceAll(Map.of(), Map.of("e1", WEB, "e2", DB));
        containerChanges.clear();

        names.containerAttached("c1", Map.of("e3", WEB));

        assertThat(names.containerOf("e1")).isEqualTo(ContainerRef.UNKNOWN);
        assertThat(names.containerOf("e2")).isEqualTo(DB);
        assertThat(names.containerOf("e3")).isEqualTo(WEB);
        assertThat(containerChanges).containsExactly("e1", "e3");
    }

    @Test
    void containerGoneForgetsItsEndpoints() {
        names.containerAttached("c2", Map.of("e2", DB));

        names.containerGone("c2");

        assertThat(names.containerOf("e2")).isEqualTo(ContainerRef.UNKNOWN);
        assertThat(containerChanges).containsExactly("e2", "e2");
    }
}
