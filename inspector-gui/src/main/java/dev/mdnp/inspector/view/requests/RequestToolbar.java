package dev.mdnp.inspector.view.requests;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.filter.QuickFilter;
import dev.mdnp.inspector.theme.ThemeSwitcher;
import dev.mdnp.inspector.viewmodel.CallGrouping;
import dev.mdnp.inspector.viewmodel.FilterBarViewModel;
import dev.mdnp.inspector.viewmodel.RequestLogViewModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.jspecify.annotations.Nullable;

/**
 * The request log's toolbar: the filter field (tinted {@code filter-invalid}, with the reason as its tooltip, while
 * its text is not valid; Enter keeps it in the recent filters), the recent-filters menu, the quick-filter presets,
 * "hide chatter", pause/resume (showing how many calls wait) and clear; under it, grouping by container or network
 * ({@code #groupChoice}) and the legend of the table's colours.
 */
public final class RequestToolbar {

    private static final String INVALID = "filter-invalid";

    private final RequestLogViewModel log;
    private final FilterBarViewModel filterBar;
    private final ToolBar bar = new ToolBar();
    private final Node node;
    private final TextField filter = new TextField();
    private final Tooltip filterReason = new Tooltip();
    private final MenuButton recent = new MenuButton("Recent");

    /** Builds the toolbar over {@code log}. */
    public RequestToolbar(RequestLogViewModel log) {
        this.log = requireNonNull(log, "log");
        filterBar = log.filterBar();
        bar.setId("requestToolbar");
        bar.getItems().addAll(filterBox(), recentMenu(), new Separator(Orientation.VERTICAL), presets(), hideChatter(),
                new Separator(Orientation.VERTICAL), pause(), clear());
        HBox view = new HBox(8, grouping(), CallLegend.button());
        view.setId("requestViewBar");
        view.setAlignment(Pos.CENTER_LEFT);
        view.setPadding(new Insets(0, 8, 4, 8));
        node = new VBox(bar, view);
    }

    /** Returns the toolbar node, with the grouping and legend row under it. */
    public Node node() {
        return node;
    }

    private Node filterBox() {
        filter.setId("filterField");
        filter.getStyleClass().add("filter-field");
        filter.setPromptText("Filter: method:Join net:8f65 status:error slower-than:5ms -method:GetCapabilities");
        filter.setPrefColumnCount(16);
        filter.textProperty().bindBidirectional(filterBar.filterTextProperty());
        filter.setOnAction(event -> filterBar.commitFilter());
        // ControlsFX asks for suggestions off the FX thread: the view model hands out an immutable snapshot.
        AutoCompletionBinding<String> completion = TextFields.bindAutoCompletion(filter,
                request -> filterBar.completions().suggest(request.getUserText()));
        completion.getAutoCompletionPopup().getScene().getStylesheets().add(ThemeSwitcher.stylesheetUrl());
        filterBar.filterErrorProperty().addListener((obs, old, reason) -> showValidity(reason));
        showValidity(filterBar.filterErrorProperty().get());
        HBox box = new HBox(filter);
        HBox.setHgrow(filter, Priority.ALWAYS);
        return box;
    }

    private void showValidity(@Nullable String reason) {
        filter.getStyleClass().remove(INVALID);
        if (reason == null) {
            filter.setTooltip(null);
        } else {
            filter.getStyleClass().add(INVALID);
            filterReason.setText(reason);
            filter.setTooltip(filterReason);
        }
    }

    private Node recentMenu() {
        recent.setId("recentFilters");
        recent.setDisable(true);
        filterBar.recentFilters().addListener((ListChangeListener<String>) change -> fillRecent());
        return recent;
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (String text : filterBar.recentFilters()) {
            MenuItem item = new MenuItem(text);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> filterBar.filterTextProperty().set(text));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private Node presets() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        box.getStyleClass().add("quick-filters");
        for (QuickFilter preset : QuickFilter.values()) {
            ToggleButton button = new ToggleButton(preset.label());
            button.setId("quick" + camel(preset));
            button.getStyleClass().add("quick-filter");
            button.setUserData(preset);
            button.setToggleGroup(group);
            button.setSelected(preset == filterBar.presetProperty().get());
            box.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                filterBar.presetProperty().set((QuickFilter) now.getUserData());
            }
        });
        filterBar.presetProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == now).findFirst().ifPresent(group::selectToggle));
        return box;
    }

    private Node hideChatter() {
        ToggleButton hide = new ToggleButton("Hide chatter");
        hide.setId("hideChatter");
        hide.setTooltip(new Tooltip("Hide Plugin.Activate and GetCapabilities"));
        hide.selectedProperty().bindBidirectional(filterBar.hideChatterProperty());
        return hide;
    }

    private Node grouping() {
        ChoiceBox<CallGrouping> choice = new ChoiceBox<>();
        choice.setId("groupChoice");
        choice.getItems().setAll(CallGrouping.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable CallGrouping grouping) {
                return grouping == null ? "" : "Group: " + grouping.label();
            }

            @Override
            public CallGrouping fromString(String text) {
                throw new UnsupportedOperationException("the choice is not editable");
            }
        });
        choice.valueProperty().bindBidirectional(log.groupingProperty());
        choice.setTooltip(new Tooltip("Group the calls by the container or the network they served"));
        return choice;
    }

    private Node pause() {
        ToggleButton pause = new ToggleButton();
        pause.setId("pauseButton");
        pause.selectedProperty().bindBidirectional(log.pausedProperty());
        pause.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!log.pausedProperty().get()) {
                return "Pause";
            }
            int waiting = log.heldCountProperty().get();
            return waiting == 0 ? "Resume" : "Resume (" + waiting + " new)";
        }, log.pausedProperty(), log.heldCountProperty()));
        return pause;
    }

    private Node clear() {
        Button clear = new Button("Clear");
        clear.setId("clearButton");
        clear.setOnAction(event -> log.clear());
        return clear;
    }

    private static String camel(QuickFilter preset) {
        StringBuilder id = new StringBuilder();
        for (String word : preset.name().toLowerCase(Locale.ROOT).split("_")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }
}
