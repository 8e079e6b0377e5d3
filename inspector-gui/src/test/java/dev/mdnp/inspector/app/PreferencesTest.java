package dev.mdnp.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.view.common.ColumnState;
import dev.mdnp.inspector.viewmodel.CallGrouping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    @Test
    void defaultsAreEmptyAndLight() {
        Preferences defaults = Preferences.defaults();

        assertThat(defaults.window()).isNull();
        assertThat(defaults.splitPositions()).isEmpty();
        assertThat(defaults.columns()).isEmpty();
        assertThat(defaults.filter()).isEmpty();
        assertThat(defaults.recentFilters()).isEmpty();
        assertThat(defaults.theme()).isEqualTo("LIGHT");
        assertThat(defaults.selectedTab()).isEmpty();
    }

    @Test
    void missingValuesBecomeDefaults() {
        Preferences read = new Preferences(null, null, null, null, null, null, null, 0, null);

        assertThat(read).isEqualTo(Preferences.defaults());
    }

    @Test
    void keepsHowCallsAreGroupedAndReadsAnUnknownGroupingAsNone() {
        assertThat(Preferences.defaults().callGrouping()).isEqualTo(CallGrouping.NONE);
        assertThat(Preferences.defaults().withGrouping(CallGrouping.CONTAINER).callGrouping())
                .isEqualTo(CallGrouping.CONTAINER);
        assertThat(new Preferences(null, null, null, null, null, null, null, 0, "BY_MOOD").callGrouping())
                .isEqualTo(CallGrouping.NONE);
    }

    @Test
    void keepsTheFilterAndTheRecentOnesWithoutBlanksOrRepeats() {
        Preferences prefs = Preferences.defaults().withFilters("method:Join",
                List.of("method:Join", "", "status:error", "method:Join"));

        assertThat(prefs.filter()).isEqualTo("method:Join");
        assertThat(prefs.recentFilters()).containsExactly("method:Join", "status:error");
    }

    @Test
    void recentFiltersKeepTheNewestOnes() {
        List<String> recent = IntStream.rangeClosed(1, Preferences.MAX_RECENT_FILTERS + 2)
                .mapToObj(i -> "ep:" + i).toList();

        Preferences prefs = Preferences.defaults().withFilters("", recent);

        assertThat(prefs.recentFilters()).hasSize(Preferences.MAX_RECENT_FILTERS).first().isEqualTo("ep:1");
    }

    @Test
    void columnsAreKeptPerTable() {
        List<ColumnState> requests = List.of(new ColumnState("seq", 60, true), new ColumnState("method", 200, false));
        Preferences prefs = Preferences.defaults()
                .withColumns("requestTable", requests)
                .withColumns("networkTable", List.of(new ColumnState("id", 100, true)));

        assertThat(prefs.columnsOf("requestTable")).isEqualTo(requests);
        assertThat(prefs.columnsOf("networkTable")).hasSize(1);
        assertThat(prefs.columnsOf("linkTable")).isEmpty();
    }

    @Test
    void splitPositionsOutsideZeroToOneAreDropped() {
        List<Double> positions = new ArrayList<>(Arrays.asList(0.3, 1.5, null, -0.1, 0.7));

        assertThat(Preferences.defaults().withSplitPositions(positions).splitPositions()).containsExactly(0.3, 0.7);
    }

    @Test
    void theOtherWithersChangeOneThing() {
        Preferences prefs = Preferences.defaults()
                .withWindow(new WindowState(10, 20, 1200, 800, true))
                .withTheme("DARK")
                .withSelectedTab("topologyTab");

        assertThat(prefs.window()).isEqualTo(new WindowState(10, 20, 1200, 800, true));
        assertThat(prefs.theme()).isEqualTo("DARK");
        assertThat(prefs.selectedTab()).isEqualTo("topologyTab");
        assertThat(prefs.filter()).isEmpty();
    }

    @Test
    void aWindowTooSmallIsRaisedToTheMinimum() {
        WindowState tiny = new WindowState(0, 0, 0, Double.NaN, false);

        assertThat(tiny.width()).isEqualTo(WindowState.MIN_WIDTH);
        assertThat(tiny.height()).isEqualTo(WindowState.MIN_HEIGHT);
    }
}
