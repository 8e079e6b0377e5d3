package dev.mdnp.inspector.app;

import dev.mdnp.inspector.client.Feed;
import dev.mdnp.inspector.client.LiveFeed;
import dev.mdnp.inspector.client.NarrationFile;
import dev.mdnp.inspector.client.ReplayFeed;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.theme.Theme;
import dev.mdnp.inspector.theme.ThemeSwitcher;
import dev.mdnp.inspector.view.common.ColumnStates;
import dev.mdnp.inspector.view.narration.NarrationBar;
import dev.mdnp.inspector.view.replay.ReplayBar;
import dev.mdnp.inspector.view.shell.MainWindow;
import dev.mdnp.inspector.viewmodel.InspectorViewModels;
import dev.mdnp.inspector.viewmodel.NarrationViewModel;
import dev.mdnp.inspector.viewmodel.MainWindowViewModel;
import dev.mdnp.inspector.viewmodel.ReplayViewModel;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One inspector window on a stage: the feed the options name, the store and view models over it, the views, and the
 * preferences restored when it opens and saved when it closes. Opened and closed on the FX thread. It also notes its
 * preferences every second, so that a JVM that ends without closing it (SIGTERM) can save them from another thread.
 */
public final class InspectorWindow implements AutoCloseable {

    /** The tables whose columns are kept between runs. */
    static final List<String> TABLES = List.of("requestTable", "networksTable", "endpointsTable", "linksTable");
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;
    /** How often the window notes its preferences for {@link #saveNoted()}. */
    private static final Duration NOTE_INTERVAL = Duration.seconds(1);

    private final Stage stage;
    private final InspectorSession session;
    private final InspectorViewModels models;
    private final MainWindow window;
    private final MainWindowViewModel layout;
    private final ThemeSwitcher themes;
    private final PreferencesFile preferencesFile;
    private final String preferencesProblem;
    private final Timeline noting;
    /** Held so the binding that starts and stops the counter reading lives as long as the window. */
    private final CounterDemand counters;
    private final @Nullable NarrationFile narration;
    private volatile Preferences noted;
    private volatile boolean closed;

    private InspectorWindow(Stage stage, InspectorSession session, InspectorViewModels models, MainWindow window,
            MainWindowViewModel layout, ThemeSwitcher themes, PreferencesFile preferencesFile,
            String preferencesProblem, @Nullable NarrationFile narration) {
        this.stage = stage;
        this.counters = CounterDemand.connect(window.tabs(), models, session.feed());
        this.narration = narration;
        this.session = session;
        this.models = models;
        this.window = window;
        this.layout = layout;
        this.themes = themes;
        this.preferencesFile = preferencesFile;
        this.preferencesProblem = preferencesProblem;
        this.noting = new Timeline(new KeyFrame(NOTE_INTERVAL, event -> noted = capture()));
        noting.setCycleCount(Animation.INDEFINITE);
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
        List<Node> bars = new ArrayList<>();
        if (feed instanceof ReplayFeed replay) {
            ReplayViewModel replayModel = new ReplayViewModel(replay.control(), clock.getZone(),
                    Platform::runLater);
            models.connection().replayStatusProperty().bind(replayModel.statusProperty());
            bars.add(new ReplayBar(replayModel));
        }
        NarrationFile narration = null;
        if (options.narration() != null) {
            narration = new NarrationFile(options.narration());
            NarrationViewModel narrationModel = new NarrationViewModel(options.narration().toString());
            bars.add(new NarrationBar(narrationModel));
            narration.start(line -> Platform.runLater(() -> narrationModel.show(line)));
        }
        MainWindowViewModel layout = new MainWindowViewModel();
        MainWindow window = new MainWindow(models, bars, themes, store.capacity(), layout);
        Scene scene = new Scene(window.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        themes.style(scene);
        stage.setTitle("mdnp inspector: " + feed.source());
        stage.setScene(scene);
        InspectorSession session = InspectorSession.open(feed, store);
        InspectorWindow opened = new InspectorWindow(stage, session, models, window, layout, themes,
                preferencesFile, loaded.problem(), narration);
        opened.restore(preferences);
        opened.noted = preferences;
        stage.show();
        Platform.runLater(() -> window.setDividers(preferences.splitPositions()));
        opened.noting.play();
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
        layout.setTextScale(preferences.textScale());
        models.log().groupingProperty().set(preferences.callGrouping());
        models.log().filterBar().restoreRecentFilters(preferences.recentFilters());
        models.log().filterBar().filterTextProperty().set(preferences.filter());
        window.tabs().getTabs().stream().filter(tab -> Objects.equals(tab.getId(), preferences.selectedTab()))
                .findFirst().ifPresent(tab -> window.tabs().getSelectionModel().select(tab));
    }

    private Preferences capture() {
        Preferences preferences = Preferences.defaults()
                .withWindow(new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                        stage.isMaximized()))
                .withSplitPositions(window.dividers())
                .withFilters(models.log().filterBar().filterTextProperty().get(), models.log().filterBar().recentFilters())
                .withTheme(themes.themeProperty().get().name())
                .withTextScale(layout.textScaleProperty().get())
                .withGrouping(models.log().groupingProperty().get());
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

    /** Returns the window's layout: full-window mode and text size. */
    public MainWindowViewModel layout() {
        return layout;
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
        noting.stop();
        try {
            save(capture());
        } finally {
            session.close();
            if (narration != null) {
                narration.close();
            }
        }
    }

    /**
     * Saves the preferences as the window noted them last, at most a second ago, unless it has closed; for a JVM that
     * is ending without closing the window. Any thread: it reads nothing of the scene.
     */
    public void saveNoted() {
        if (!closed) {
            save(noted);
        }
    }

    private void save(Preferences preferences) {
        try {
            preferencesFile.save(preferences);
        } catch (IOException e) {
            System.err.println("mdnp-inspector: cannot save preferences to " + preferencesFile.path() + ": " + e);
        }
    }
}
