package dev.mdnp.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.inspector.client.LiveFeed;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.viewmodel.InspectorViewModels;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The counters are wanted exactly while the topology or the links tab is selected. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CounterDemandUiTest {

    private final InspectorViewModels models = InspectorViewModels.over(new InspectorStore(), "test",
            Clock.systemUTC());
    private final LiveFeed feed = new LiveFeed(Path.of("/nonexistent/inspect.sock"));

    @Test
    void theCountersAreWantedWhileTheTopologyOrTheLinksAreShown(FxRobot robot) {
        TabPane tabs = new TabPane(tab("requestsTab"), tab(CounterDemand.LINKS_TAB), tab(CounterDemand.TOPOLOGY_TAB));
        CounterDemand demand = CounterDemand.connect(tabs, models, feed);
        assertThat(demand.wanted()).isFalse();

        robot.interact(() -> tabs.getSelectionModel().select(2));
        assertThat(demand.wanted()).isTrue();
        assertThat(models.topology().shownProperty().get()).isTrue();

        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(demand.wanted()).isTrue();
        assertThat(models.links().shownProperty().get()).isTrue();
        assertThat(models.topology().shownProperty().get()).isFalse();

        robot.interact(() -> tabs.getSelectionModel().select(0));
        assertThat(demand.wanted()).isFalse();
    }

    @Test
    void tabsWithoutTheTopologyAreRefused() {
        TabPane tabs = new TabPane(tab("requestsTab"), tab(CounterDemand.LINKS_TAB));

        assertThatThrownBy(() -> CounterDemand.connect(tabs, models, feed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topologyTab");
    }

    private static Tab tab(String id) {
        Tab tab = new Tab(id);
        tab.setId(id);
        return tab;
    }
}
