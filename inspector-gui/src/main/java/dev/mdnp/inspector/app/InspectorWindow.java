package dev.mdnp.inspector.app;

import dev.mdnp.inspector.client.Feed;
import dev.mdnp.inspector.client.LiveFeed;
import dev.mdnp.inspector.client.ReplayFeed;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.theme.Theme;
import dev.mdnp.inspector.theme.ThemeSwitcher;
import dev.mdnp.inspector.view.common.ColumnStates;
import dev.mdnp.inspector.view.replay.ReplayBar;
import dev.mdnp.inspector.view.shell.MainWindow;
import dev.mdnp.inspector.viewmodel.InspectorViewModels;
import dev.mdnp.inspector.viewmodel.ReplayViewModel;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;

/**
 * One inspector window on a stage: the feed the options name, the store and view models over it, the views, and the
 * preferences restored when it opens and saved when it closes. Opened and closed on the FX thread.
 */
public final class InspectorWindow implements AutoCloseable {

    /** The tables whose columns are kept between runs. */
    static final List<String> TABLES = List.of("requestTable", "networksTable", "endpointsTable", "linksTable");
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final Stage stage;
    private final InspectorSession session;
    private final InspectorViewModels models;
    private final MainWindow window;
    private final ThemeSwitcher themes;
    private final PreferencesFile preferencesFile;
    private final String preferencesProblem;
    private boolean closed;

    private InspectorWindow(Stage stage, InspectorSession session, InspectorViewModels models, MainWindow window,
            ThemeSwitcher themes, PreferencesFile preferencesFile, String preferencesProblem) {
        this.stage = stage;
        this.session = session;
        this.models = models;
        this.window = window;
        this.themes = themes;
        this.preferencesFile = preferencesFile;
        this.preferencesProblem = preferencesProblem;
    }

    /**
     * Builds the window on {@code stage} as {@code options} say, restores the preferences, shows it and starts the
     * feed.
     *
     * @param clock the time for {@code since:} filters; its zone is the one times are shown in
     */
    public static InspectorWindow open(Stage stage, InspectorOptions options, PreferencesFile preferencesFile,
            Clock clock) {
        PreferencesFile.Loaded loaded = preferencesFile.load();
        Preferences preferences = loaded.preferences();
        Feed feed = options.replay() == null ? new LiveFeed(options.socket()) : new ReplayFeed(options.replay());
        InspectorStore store = new InspectorStore();
        InspectorViewModels models = InspectorViewModels.over(store, feed.source(), clock);
        ThemeSwitcher themes = new ThemeSwitcher(Theme.named(preferences.theme()));
        List<Node> bars = feed instanceof ReplayFeed replay
                ? List.of(new ReplayBar(new ReplayViewModel(replay.control(), Platform::runLater)))
                : List.of();
        MainWindow window = new MainWindow(models, bars, themes, store.capacity());
        Scene scene = new Scene(window.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        themes.style(scene);
        stage.setTitle("mdnp inspector: " + feed.source());
        stage.setScene(scene);
        InspectorSession session = InspectorSession.open(feed, store);
        InspectorWindow opened = new InspectorWindow(stage, session, models, window, themes, preferencesFile,
                loaded.problem());
        opened.restore(preferences);
        stage.show();
        Platform.runLater(() -> window.setDividers(preferences.splitPositions()));
        stage.setOnHidden(event -> opened.close());
        return opened;
    }

    private void restore(Preferences preferences) {
        WindowState placed = preferences.window();
        if (placed != null) {
            stage.setX(placed.x());
            stage.setY(placed.y());
            stage.setWidth(placed.width());
            stage.setHeight(placed.height());
            stage.setMaximized(placed.maximized());
        }
        for (String id : TABLES) {
            ColumnStates.restore(window.table(id), preferences.columnsOf(id));
        }
        models.log().restoreRecentFilters(preferences.recentFilters());
        models.log().filterTextProperty().set(preferences.filter());
        window.tabs().getTabs().stream().filter(tab -> Objects.equals(tab.getId(), preferences.selectedTab()))
                .findFirst().ifPresent(tab -> window.tabs().getSelectionModel().select(tab));
    }

    private Preferences capture() {
        Preferences preferences = Preferences.defaults()
                .withWindow(new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                        stage.isMaximized()))
                .withSplitPositions(window.dividers())
                .withFilters(models.log().filterTextProperty().get(), models.log().recentFilters())
                .withTheme(themes.themeProperty().get().name());
        for (String id : TABLES) {
            preferences = preferences.withColumns(id, ColumnStates.capture(window.table(id)));
        }
        Tab selected = window.tabs().getSelectionModel().getSelectedItem();
        return selected == null ? preferences : preferences.withSelectedTab(selected.getId());
    }

    /** Returns the running session: its feed and store. */
    public InspectorSession session() {
        return session;
    }

    /** Returns the window's view models. */
    public InspectorViewModels models() {
        return models;
    }

    /** Returns why the preferences file was not used, {@code ""} when it was (or did not exist yet). */
    public String preferencesProblem() {
        return preferencesProblem;
    }

    /** Saves the preferences and stops the feed; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            preferencesFile.save(capture());
        } catch (IOException e) {
            System.err.println("mdnp-inspector: cannot save preferences to " + preferencesFile.path() + ": " + e);
        } finally {
            session.close();
        }
    }
}
