package dev.mdnp.inspector.app;

import dev.mdnp.inspector.client.Feed;
import dev.mdnp.inspector.client.LiveFeed;
import dev.mdnp.inspector.viewmodel.InspectorViewModels;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Tells the views that show counters (the topology and the links table) when they are on screen, and a live feed
 * to read the counters every second while one of them is. Lives as long as the window.
 */
final class CounterDemand {

    static final String TOPOLOGY_TAB = "topologyTab";
    static final String LINKS_TAB = "linksTab";

    private final BooleanBinding wanted;

    private CounterDemand(BooleanBinding wanted) {
        this.wanted = wanted;
    }

    /**
     * Follows the selection of {@code tabs}; with a {@link LiveFeed}, starts and stops its counter reading.
     *
     * @throws IllegalStateException if the tabs lack the topology or the links tab
     */
    static CounterDemand connect(TabPane tabs, InspectorViewModels models, Feed feed) {
        models.topology().shownProperty().bind(tab(tabs, TOPOLOGY_TAB).selectedProperty());
        models.links().shownProperty().bind(tab(tabs, LINKS_TAB).selectedProperty());
        CounterDemand demand = new CounterDemand(models.topology().shownProperty()
                .or(models.links().shownProperty()));
        if (feed instanceof LiveFeed live) {
            live.setCountersWanted(demand.wanted.get());
            demand.wanted.addListener((property, before, now) -> live.setCountersWanted(now));
        }
        return demand;
    }

    /** Returns whether a view that shows counters is on screen. */
    boolean wanted() {
        return wanted.get();
    }

    private static Tab tab(TabPane tabs, String id) {
        return tabs.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no tab #" + id + " to show counters in"));
    }
}
