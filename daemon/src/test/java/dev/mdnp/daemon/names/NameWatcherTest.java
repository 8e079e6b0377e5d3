package dev.mdnp.daemon.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.dockerapi.DockerAttachment;
import dev.mdnp.daemon.dockerapi.DockerContainer;
import dev.mdnp.daemon.dockerapi.DockerEvent;
import dev.mdnp.model.client.Backoff;
import dev.mdnp.model.inspect.ContainerRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link NameWatcher} against {@link FakeNameSource}: the listing at start and after a reconnect, then events. */
class NameWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DRIVER = "mdnp";
    private static final String FRONT = "f0" + "1".repeat(62);
    private static final String BACK = "b0" + "2".repeat(62);
    private static final String WEB = "c0" + "3".repeat(62);
    private static final String EP_FRONT = "e1" + "4".repeat(62);
    private static final String EP_BACK = "e2" + "5".repeat(62);

    private final FakeNameSource docker = new FakeNameSource();
    private final List<String> networkChanges = new CopyOnWriteArrayList<>();
    private final List<String> containerChanges = new CopyOnWriteArrayList<>();
    private final KnownNames names = new KnownNames(networkChanges::add, containerChanges::add);
    private NameWatcher watcher;

    @BeforeEach
    void dockerHasFrontWithWeb() {
        docker.network(FRONT, "front");
        docker.container(web("web", attachment(FRONT, "front", EP_FRONT, "www")));
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void listsTheDriversNetworksAndTheirContainersAtStart() {
        start();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(names.networkName(FRONT)).isEqualTo("front");
            assertThat(names.containerOf(EP_FRONT)).isEqualTo(new ContainerRef(WEB, "web", List.of("www")));
        });
    }

    @Test
    void renameEventRenamesTheContainerAndReportsItsEndpoint() {
        start();
        awaitKnown();
        containerChanges.clear();

        docker.container(web("web2", attachment(FRONT, "front", EP_FRONT, "www")));
        docker.emit(new DockerEvent("container", "rename", WEB, Map.of("name", "web2", "oldName", "/web")));

        await().atMost(WAIT).until(() -> names.containerOf(EP_FRONT).name().equals("web2"));
        assertThat(containerChanges).containsExactly(EP_FRONT);
    }

    @Test
    void networkCreateNamesTheNetworkAndConnectLearnsTheContainerOnIt() {
        start();
        awaitKnown();

        docker.network(BACK, "back");
        docker.emit(networkEvent("create", BACK, "back", DRIVER, ""));
        docker.container(web("web", attachment(FRONT, "front", EP_FRONT, "www"),
                attachment(BACK, "back", EP_BACK)));
        docker.emit(networkEvent("connect", BACK, "back", DRIVER, WEB));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(names.networkName(BACK)).isEqualTo("back");
            assertThat(names.containerOf(EP_BACK)).isEqualTo(new ContainerRef(WEB, "web", List.of()));
        });
        assertThat(networkChanges).containsExactly(FRONT, BACK);
    }

    @Test
    void aManagedPluginFollowsTheEventsOfItsFullReference() {
        String reference = "mdnp/mdnp:1.0";
        start(reference);
        awaitKnown();

        docker.network(BACK, "back");
        docker.emit(networkEvent("create", BACK, "back", DRIVER, ""));
        docker.emit(networkEvent("destroy", FRONT, "front", reference, ""));

        await().atMost(WAIT).until(() -> names.networkName(FRONT).isEmpty());
        assertThat(names.knowsNetwork(BACK)).isFalse();
    }

    @Test
    void eventsOfOtherDriversNetworksAreIgnored() {
        start();
        awaitKnown();

        docker.emit(networkEvent("create", BACK, "back", "bridge", ""));
        docker.emit(networkEvent("destroy", FRONT, "front", DRIVER, ""));

        await().atMost(WAIT).until(() -> names.networkName(FRONT).isEmpty());
        assertThat(names.knowsNetwork(BACK)).isFalse();
    }

    @Test
    void disconnectAndDestroyForgetTheContainersEndpoints() {
        start();
        awaitKnown();

        docker.container(web("web"));
        docker.emit(networkEvent("disconnect", FRONT, "front", DRIVER, WEB));
        await().atMost(WAIT).until(() -> names.containerOf(EP_FRONT).isUnknown());

        docker.container(web("web", attachment(FRONT, "front", EP_FRONT)));
        docker.emit(networkEvent("connect", FRONT, "front", DRIVER, WEB));
        await().atMost(WAIT).until(() -> !names.containerOf(EP_FRONT).isUnknown());
        docker.removeContainer(WEB);
        docker.emit(new DockerEvent("container", "destroy", WEB, Map.of("name", "web")));
        await().atMost(WAIT).until(() -> names.containerOf(EP_FRONT).isUnknown());
    }

    @Test
    void engineAwayAtStartIsRetriedAndListedOnceItAnswers() {
        docker.away(true);
        start();
        await().atMost(WAIT).until(() -> docker.attempts() >= 2);
        assertThat(names.networkName(FRONT)).isEmpty();

        docker.away(false);

        awaitKnown();
    }

    @Test
    void afterAnOutageWhatChangedMeanwhileIsListedAgain() {
        start();
        awaitKnown();
        int listed = docker.listings();

        docker.away(true);
        docker.container(web("web2", attachment(FRONT, "front", EP_FRONT, "www")));
        docker.away(false);

        await().atMost(WAIT).until(() -> names.containerOf(EP_FRONT).name().equals("web2"));
        assertThat(docker.listings()).isGreaterThan(listed);
    }

    @Test
    void closeStopsWatchingAndReleasesTheEngine() {
        start();
        awaitKnown();

        watcher.close();

        assertThat(docker.closed()).isTrue();
    }

    private void start() {
        start(DRIVER);
    }

    private void start(String driverName) {
        watcher = new NameWatcher(() -> docker, driverName, names, new Backoff(Duration.ofMillis(1),
                Duration.ofMillis(20)));
        watcher.start();
    }

    /** Waits until the listing is known and reported. */
    private void awaitKnown() {
        await().atMost(WAIT).until(() -> networkChanges.contains(FRONT) && containerChanges.contains(EP_FRONT));
    }

    private static DockerContainer web(String name, DockerAttachment... attachments) {
        return new DockerContainer(WEB, name, List.of(attachments));
    }

    private static DockerAttachment attachment(String networkId, String networkName, String endpointId,
            String... aliases) {
        return new DockerAttachment(networkId, networkName, endpointId, List.of(aliases));
    }

    private static DockerEvent networkEvent(String action, String networkId, String name, String driver,
            String container) {
        return container.isEmpty()
                ? new DockerEvent("network", action, networkId, Map.of("name", name, "type", driver))
                : new DockerEvent("network", action, networkId, Map.of("name", name, "type", driver,
                        "container", container));
    }
}
