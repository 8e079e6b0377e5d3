package dev.mdnp.inspector.view.shell;

import dev.mdnp.inspector.theme.Theme;
import dev.mdnp.inspector.theme.ThemeSwitcher;
import dev.mdnp.inspector.view.detail.RequestDetailPane;
import dev.mdnp.inspector.view.lifecycle.LifecycleView;
import dev.mdnp.inspector.view.objects.EndpointsPane;
import dev.mdnp.inspector.view.objects.LinksPane;
import dev.mdnp.inspector.view.objects.NetworksPane;
import dev.mdnp.inspector.view.requests.RequestTableView;
import dev.mdnp.inspector.view.requests.RequestToolbar;
import dev.mdnp.inspector.view.topology.TopologyPane;
import dev.mdnp.inspector.viewmodel.InspectorViewModels;
import dev.mdnp.inspector.viewmodel.MainWindowViewModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The inspector's window content: the connection bar on top, the tabs (requests, networks, endpoints, links,
 * topology) and the status line at the bottom. The requests tab holds the request toolbar and, under the table, the
 * selected call's detail and the followed endpoint's lifecycle. For a classroom: F11 or the toolbar's button lets the
 * current tab fill the window (Esc leaves), and Ctrl + / Ctrl − / Ctrl 0 make all text larger, smaller or default.
 */
public final class MainWindow {

    /** The divider positions of a first run: request table, then detail, then lifecycle. */
    public static final List<Double> DEFAULT_SPLIT = List.of(0.55, 0.85);
    /** The theme's text size, which the window's text size multiplies. */
    private static final double BASE_FONT_PX = 14;

    private static final Set<KeyCode> LARGER = Set.of(KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD);
    private static final Set<KeyCode> SMALLER = Set.of(KeyCode.MINUS, KeyCode.SUBTRACT);
    private static final Set<KeyCode> DEFAULT = Set.of(KeyCode.DIGIT0, KeyCode.NUMPAD0);

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final SplitPane split = new SplitPane();
    private final MainWindowViewModel layout;
    private final VBox top = new VBox();
    private final StatusLine status;
    private final Node requestTable;
    private @Nullable Tab filling;

    /**
     * Builds the window over {@code models}.
     *
     * @param extraBars bars shown under the connection bar, such as the replay controls
     * @param themes the theme switch the toolbar's button toggles
     * @param capacity how many calls the request log keeps, for the status line
     * @param layout full-window mode and text size
     */
    public MainWindow(InspectorViewModels models, List<Node> extraBars, ThemeSwitcher themes, int capacity,
            MainWindowViewModel layout) {
        this.layout = layout;
        root.setId("mainWindow");
        RequestTableView requests = new RequestTableView(models.log());
        requestTable = requests.node();
        LifecycleView lifecycle = new LifecycleView(models.lifecycle());
        requests.selectedCallProperty().addListener((observable, old, call) -> models.detail().selectedProperty()
                .set(call));
        lifecycle.chosenCallProperty().addListener((observable, old, call) -> {
            if (call != null) {
                models.detail().selectedProperty().set(call);
            }
        });

        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        split.setId("mainSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().addAll(requests.node(), new RequestDetailPane(models.detail()).node(), lifecycle.node());
        setDividers(DEFAULT_SPLIT);
        BorderPane requestLog = new BorderPane(split);
        requestLog.setTop(new RequestToolbar(models.log()).node());
        tabs.getTabs().addAll(
                tab("requestsTab", "Requests", requestLog, null),
                tab("networksTab", "Networks", new NetworksPane(models.networks()),
                        models.networks().driftCountProperty()),
                tab("endpointsTab", "Endpoints", new EndpointsPane(models.endpoints()),
                        models.endpoints().driftCountProperty()),
                tab("linksTab", "Links", new LinksPane(models.links()), models.links().driftCountProperty()),
                tab("topologyTab", "Topology", new TopologyPane(models.topology()), null));

        Button theme = new Button();
        theme.setId("themeToggle");
        theme.textProperty().bind(Bindings.createStringBinding(
                () -> themes.themeProperty().get() == Theme.LIGHT ? "Dark theme" : "Light theme",
                themes.themeProperty()));
        theme.setOnAction(event -> themes.toggle());
        Button full = new Button("Full window");
        full.setId("fullWindowButton");
        full.setTooltip(new Tooltip("Let this tab fill the window (F11; Esc leaves). Text size: Ctrl + / Ctrl − / Ctrl 0"));
        full.setOnAction(event -> layout.fullWindowProperty().set(true));
        // A long connection error is cut, never these buttons.
        full.setMinWidth(Region.USE_PREF_SIZE);
        theme.setMinWidth(Region.USE_PREF_SIZE);
        ConnectionBar connection = new ConnectionBar(models.connection());
        HBox.setHgrow(connection, Priority.ALWAYS);
        HBox connectionRow = new HBox(connection, full, theme);
        connectionRow.setAlignment(Pos.CENTER_LEFT);

        top.getChildren().add(connectionRow);
        top.getChildren().addAll(extraBars);
        status = new StatusLine(models.log(), capacity);
        root.setTop(top);
        root.setCenter(tabs);
        root.setBottom(status);
        // On the scene, so that the keys work also while nothing has the focus.
        EventHandler<KeyEvent> keys = this::keyPressed;
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
        layout.fullWindowProperty().addListener((obs, old, now) -> fillWindow(now));
        layout.textScaleProperty().addListener((obs, old, now) -> scaleText());
        scaleText();
    }

    private void keyPressed(KeyEvent key) {
        if (key.getCode() == KeyCode.F11) {
            layout.fullWindowProperty().set(!layout.fullWindowProperty().get());
        } else if (key.getCode() == KeyCode.ESCAPE && layout.fullWindowProperty().get()) {
            layout.fullWindowProperty().set(false);
        } else if (key.isShortcutDown() && LARGER.contains(key.getCode())) {
            layout.largerText();
        } else if (key.isShortcutDown() && SMALLER.contains(key.getCode())) {
            layout.smallerText();
        } else if (key.isShortcutDown() && DEFAULT.contains(key.getCode())) {
            layout.defaultText();
        } else {
            return;
        }
        key.consume();
    }

    /** Moves the current tab's content into the whole window, or back into its tab. */
    private void fillWindow(boolean full) {
        if (full && filling == null) {
            filling = tabs.getSelectionModel().getSelectedItem();
            if (filling == null) {
                return;
            }
            Node content = filling.getContent();
            filling.setContent(null);
            root.setTop(null);
            root.setBottom(null);
            root.setCenter(content);
        } else if (!full && filling != null) {
            Node content = root.getCenter();
            root.setCenter(tabs);
            filling.setContent(content);
            root.setTop(top);
            root.setBottom(status);
            filling = null;
        }
    }

    private void scaleText() {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                BASE_FONT_PX * layout.textScaleProperty().get()));
    }

    private static Tab tab(String id, String title, Node content, @Nullable ObservableIntegerValue driftCount) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        if (driftCount != null) {
            tab.textProperty().bind(Bindings.createStringBinding(
                    () -> driftCount.get() == 0 ? title : title + " ⚠ " + driftCount.get(), driftCount));
        }
        return tab;
    }

    /** Returns the window's content, for a scene. */
    public Parent root() {
        return root;
    }

    /** Returns the tabs. */
    public TabPane tabs() {
        return tabs;
    }

    /**
     * Returns the table with id {@code id}: the request table or one from the tabs' contents (found even in a tab
     * never shown yet, or in the tab that fills the window).
     *
     * @throws IllegalArgumentException if no tab holds such a table
     */
    public TableView<?> table(String id) {
        if (requestTable.lookup("#" + id) instanceof TableView<?> table) {
            return table;
        }
        for (Tab tab : tabs.getTabs()) {
            Node content = tab == filling ? root.getCenter() : tab.getContent();
            if (content != null && content.lookup("#" + id) instanceof TableView<?> table) {
                return table;
            }
        }
        throw new IllegalArgumentException("no tab holds a table #" + id);
    }

    /** Returns the divider positions, top to bottom. */
    public List<Double> dividers() {
        return Arrays.stream(split.getDividerPositions()).boxed().toList();
    }

    /** Moves the dividers to {@code positions}, top to bottom; ignored unless there is one per divider. */
    public void setDividers(List<Double> positions) {
        if (positions.size() == split.getDividers().size()) {
            split.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
