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
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The inspector's window content: the connection bar and the request toolbar on top, the tabs (requests, networks,
 * endpoints, links, topology) over the selected call's detail and the followed endpoint's lifecycle, and the status
 * line at the bottom.
 */
public final class MainWindow {

    /** The divider positions of a first run: tabs, then detail, then lifecycle. */
    public static final List<Double> DEFAULT_SPLIT = List.of(0.55, 0.85);

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final SplitPane split = new SplitPane();

    /**
     * Builds the window over {@code models}.
     *
     * @param extraBars bars shown under the connection bar, such as the replay controls
     * @param themes the theme switch the toolbar's button toggles
     * @param capacity how many calls the request log keeps, for the status line
     */
    public MainWindow(InspectorViewModels models, List<Node> extraBars, ThemeSwitcher themes, int capacity) {
        root.setId("mainWindow");
        RequestTableView requests = new RequestTableView(models.log());
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
        tabs.getTabs().addAll(
                tab("requestsTab", "Requests", requests.node(), null),
                tab("networksTab", "Networks", new NetworksPane(models.networks()),
                        models.networks().driftCountProperty()),
                tab("endpointsTab", "Endpoints", new EndpointsPane(models.endpoints()),
                        models.endpoints().driftCountProperty()),
                tab("linksTab", "Links", new LinksPane(models.links()), models.links().driftCountProperty()),
                tab("topologyTab", "Topology", new TopologyPane(models.topology()), null));

        split.setId("mainSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().addAll(tabs, new RequestDetailPane(models.detail()).node(), lifecycle.node());
        setDividers(DEFAULT_SPLIT);

        Button theme = new Button();
        theme.setId("themeToggle");
        theme.textProperty().bind(Bindings.createStringBinding(
                () -> themes.themeProperty().get() == Theme.LIGHT ? "Dark theme" : "Light theme",
                themes.themeProperty()));
        theme.setOnAction(event -> themes.toggle());
        ConnectionBar connection = new ConnectionBar(models.connection());
        HBox.setHgrow(connection, Priority.ALWAYS);
        HBox connectionRow = new HBox(connection, theme);
        connectionRow.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(connectionRow);
        top.getChildren().addAll(extraBars);
        top.getChildren().add(new RequestToolbar(models.log()).node());
        root.setTop(top);
        root.setCenter(split);
        root.setBottom(new StatusLine(models.log(), capacity));
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
     * Returns the table with id {@code id} from the tabs' contents (found even in a tab never shown yet).
     *
     * @throws IllegalArgumentException if no tab holds such a table
     */
    public TableView<?> table(String id) {
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent().lookup("#" + id) instanceof TableView<?> table) {
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
