package dev.mdnp.daemon.inspect;

import static dev.mdnp.daemon.inspect.InspectFixture.EP;
import static dev.mdnp.daemon.inspect.InspectFixture.NET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Docker's names in {@code /v1/networks} and {@code /v1/endpoints}, and the events that say a name changed. */
@Timeout(60)
class DockerNamesServedTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @TempDir
    Path dir;

    private InspectFixture inspect;

    @BeforeEach
    void start() throws IOException {
        inspect = InspectFixture.start(dir);
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);
    }

    @AfterEach
    void stop() {
        inspect.close();
    }

    @Test
    void networksAndEndpointsShowTheNamesTheLookupKnows() throws IOException {
        ContainerRef web = new ContainerRef("c0ffee", "web", List.of("www"));
        inspect.names.network(NET, "front");
        inspect.names.container(EP, web);

        assertThat(networks()).extracting(NetworkView::name).containsExactly("front");
        assertThat(endpoints()).extracting(EndpointView::container).containsExactly(web);
    }

    @Test
    void withoutNamesIdsAreShownAsBefore() throws IOException {
        assertThat(networks()).extracting(NetworkView::name, NetworkView::displayName).containsExactly(
                tuple("", NET));
        assertThat(endpoints()).extracting(EndpointView::container).containsExactly(ContainerRef.UNKNOWN);
    }

    @Test
    void nameChangesArePublishedAsStateChangesOfTheNetworkOrTheEndpoint() {
        EventLog events = new EventLog(10);
        NameEvents names = new NameEvents(events);

        names.networkNamed(NET);
        names.containerNamed(EP);

        assertThat(events.after(0, 10)).containsExactly(
                new InspectEvent.StateChange(1, "network-named", NET),
                new InspectEvent.StateChange(2, "container-named", EP));
    }

    private List<NetworkView> networks() throws IOException {
        return mapper.readValue(inspect.get("/v1/networks").body(), new TypeReference<List<NetworkView>>() { });
    }

    private List<EndpointView> endpoints() throws IOException {
        return mapper.readValue(inspect.get("/v1/endpoints").body(), new TypeReference<List<EndpointView>>() { });
    }
}
