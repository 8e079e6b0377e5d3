package dev.mdnp.inspector.app;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.view.common.ColumnState;
import dev.mdnp.inspector.viewmodel.CallGrouping;
import dev.mdnp.inspector.viewmodel.FilterBarViewModel;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the inspector keeps between runs ({@link PreferencesFile}): the window, the split positions, each table's
 * columns, the filter and the recent ones, the theme, the selected tab, the text size and how calls are grouped. A
 * value missing from the file takes its default, so a file from an older version still loads.
 *
 * @param window where the window was; null before the first save, when the window opens centred at its default size
 * @param splitPositions the divider positions of the split panes, from 0 to 1, in the order the lead lays them out
 * @param columns each table's columns, by table id, in display order
 * @param filter the filter text last used
 * @param recentFilters filters used before, newest first, at most {@link #MAX_RECENT_FILTERS}
 * @param theme the theme's name, such as {@code LIGHT} or {@code DARK}
 * @param selectedTab the id of the tab last selected, {@code ""} for the first
 * @param textScale the text size as a factor of the theme's (Ctrl + / Ctrl −), 1 by default; 0 or less (absent from
 *     an older file) becomes 1
 * @param grouping how the request log groups calls, a {@code CallGrouping} name such as {@code CONTAINER};
 *     {@code NONE} by default and for a name this version does not know
 */
public record Preferences(@Nullable WindowState window, List<Double> splitPositions,
        Map<String, List<ColumnState>> columns, String filter, List<String> recentFilters, String theme,
        String selectedTab, double textScale, String grouping) {

    /** How many recent filters are kept. */
    public static final int MAX_RECENT_FILTERS = FilterBarViewModel.RECENT_FILTERS;
    /** The theme of a first run. */
    public static final String DEFAULT_THEME = "LIGHT";

    /** Turns missing values into defaults, copies the collections and drops split positions outside 0 to 1. */
    public Preferences {
        splitPositions = splitPositions == null ? List.of()
                : splitPositions.stream().filter(p -> p != null && p >= 0 && p <= 1).toList();
        columns = copy(columns);
        filter = filter == null ? "" : filter;
        recentFilters = recentFilters == null ? List.of()
                : recentFilters.stream().filter(f -> f != null && !f.isBlank()).distinct()
                        .limit(MAX_RECENT_FILTERS).toList();
        theme = theme == null || theme.isBlank() ? DEFAULT_THEME : theme;
        selectedTab = selectedTab == null ? "" : selectedTab;
        textScale = textScale > 0 ? textScale : 1;
        grouping = isGrouping(grouping) ? grouping : CallGrouping.NONE.name();
    }

    /** Returns the preferences of a first run. */
    public static Preferences defaults() {
        return new Preferences(null, List.of(), Map.of(), "", List.of(), DEFAULT_THEME, "", 1,
                CallGrouping.NONE.name());
    }

    /** Returns a copy with the window at {@code newWindow}. */
    public Preferences withWindow(WindowState newWindow) {
        return new Preferences(requireNonNull(newWindow, "window"), splitPositions, columns, filter, recentFilters,
                theme, selectedTab, textScale, grouping);
    }

    /** Returns a copy with these split positions. */
    public Preferences withSplitPositions(List<Double> positions) {
        return new Preferences(window, positions, columns, filter, recentFilters,
                theme, selectedTab, textScale, grouping);
    }

    /** Returns a copy with the columns of table {@code tableId} replaced; the other tables keep theirs. */
    public Preferences withColumns(String tableId, List<ColumnState> tableColumns) {
        Map<String, List<ColumnState>> all = new LinkedHashMap<>(columns);
        all.put(requireNonNull(tableId, "tableId"), tableColumns);
        return new Preferences(window, splitPositions, all, filter, recentFilters,
                theme, selectedTab, textScale, grouping);
    }

    /** Returns the saved columns of table {@code tableId}, or an empty list. */
    public List<ColumnState> columnsOf(String tableId) {
        return columns.getOrDefault(tableId, List.of());
    }

    /** Returns a copy whose filter text is {@code newFilter} and whose recent filters are {@code recent}. */
    public Preferences withFilters(String newFilter, List<String> recent) {
        return new Preferences(window, splitPositions, columns, newFilter, recent,
                theme, selectedTab, textScale, grouping);
    }

    /** Returns a copy with the theme named {@code newTheme}. */
    public Preferences withTheme(String newTheme) {
        return new Preferences(window, splitPositions, columns, filter, recentFilters, newTheme, selectedTab,
                textScale, grouping);
    }

    /** Returns a copy with tab {@code tabId} selected. */
    public Preferences withSelectedTab(String tabId) {
        return new Preferences(window, splitPositions, columns, filter, recentFilters,
                theme, tabId, textScale, grouping);
    }

    private static boolean isGrouping(@Nullable String name) {
        return Arrays.stream(CallGrouping.values()).anyMatch(known -> known.name().equals(name));
    }

    /** Returns a copy that groups calls as {@code newGrouping}. */
    public Preferences withGrouping(CallGrouping newGrouping) {
        return new Preferences(window, splitPositions, columns, filter, recentFilters, theme, selectedTab, textScale,
                newGrouping.name());
    }

    /** Returns how the request log groups calls. */
    public CallGrouping callGrouping() {
        return CallGrouping.valueOf(grouping);
    }

    /** Returns a copy with the text size {@code scale}. */
    public Preferences withTextScale(double scale) {
        return new Preferences(window, splitPositions, columns, filter, recentFilters,
                theme, selectedTab, scale, grouping);
    }

    private static Map<String, List<ColumnState>> copy(Map<String, List<ColumnState>> columns) {
        if (columns == null) {
            return Map.of();
        }
        Map<String, List<ColumnState>> copy = new LinkedHashMap<>();
        columns.forEach((table, states) -> {
            if (table != null && states != null) {
                copy.put(table, states.stream().filter(Objects::nonNull).toList());
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
