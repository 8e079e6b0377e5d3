package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.APP_BACK;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.bridge;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.classroom;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.containerEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostLink;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.inContainer;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.show;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.strangeVeth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.Drift;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinksViewModelTest {

    private final InspectorStore store = new InspectorStore();
    private final LinksViewModel model = new LinksViewModel(store);

    @Test
    void aVethBecomesARowLikeIpLinkShowsIt() {
        show(store, objects(List.of(), List.of(), List.of(hostLink('1')), List.of()));

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo(hostEnd('1'));
            assertThat(row.kind()).isEqualTo("veth");
            assertThat(row.master()).isEqualTo(BRIDGE);
            assertThat(row.mtu()).isEqualTo(1400);
            assertThat(row.state()).isEqualTo("up, state UP");
            assertThat(row.rxBytes()).isEqualTo(1536);
            assertThat(row.networkShortId()).isEqualTo(NET.substring(0, 12));
            assertThat(row.endpointShortId()).isEqualTo("111111111111");
            assertThat(row.drifted()).isFalse();
        });
    }

    @Test
    void aJoinedContainerEndIsInTheContainerAndAMissingLinkAbsent() {
        show(store, objects(List.of(), List.of(), List.of(inContainer('1'), missing(BRIDGE, "bridge", NET, "")),
                List.of()));

        assertThat(model.rows()).extracting(LinkRow::state).containsExactly("in container", "absent");
    }

    @Test
    void aContainerEndShowsItsNameStateAndCountersAsReadInsideTheContainer() {
        show(store, classroom(4242));

        assertThat(row(containerEnd(APP_BACK))).satisfies(row -> {
            assertThat(row.state()).isEqualTo("in container as eth1, state UP");
            assertThat(row.rxBytes()).isEqualTo(4242);
            assertThat(row.txBytes()).isEqualTo(4242);
        });
    }

    @Test
    void aReadingOfTheCountersAloneUpdatesTheContainerEnds() {
        show(store, classroom(1000));
        show(store, classroom(5000));

        assertThat(row(containerEnd(APP_BACK)).rxBytes()).isEqualTo(5000);
    }

    @Test
    void theTableIsNotShownUntilTheWindowSaysSo() {
        assertThat(model.shownProperty().get()).isFalse();
    }

    @Test
    void everyDriftedLinkIsCountedAndExplained() {
        show(store, objects(List.of(), List.of(),
                List.of(bridge(BRIDGE, NET, Drift.NONE), missing(hostEnd('1'), "veth", NET, "1".repeat(40)),
                        strangeVeth("mdnphleft", "", "")),
                List.of()));

        assertThat(model.driftCountProperty().get()).isEqualTo(2);
        assertThat(model.rows()).extracting(LinkRow::driftNote).containsExactly("",
                "veth " + hostEnd('1') + ": the state has this link, the kernel does not",
                "veth mdnphleft: the kernel has this link, the state does not know it (a leftover?)");
    }

    private LinkRow row(String name) {
        return model.rows().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }
}
