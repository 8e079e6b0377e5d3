package dev.mdnp.inspector.view.topology;

import dev.mdnp.inspector.model.Topology;
import dev.mdnp.inspector.viewmodel.TopologyViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * The topology tab (id {@code topology}): the networks' bridges ({@code bridge-<name>}) on top, the host veths
 * ({@code port-<name>}) under them and each container once ({@code container-<name>}) at the bottom, with its
 * interfaces ({@code iface-<mdnp name>}) wired up to their host ends; drawn anew whenever the view model's topology
 * changes. Drift is marked with a ⚠ and the style class {@code drift}, traffic with the style class {@code traffic}.
 * The picture fits the window until the user zooms (buttons, Ctrl+wheel) and pans by dragging or with the scroll
 * bars; a legend under it says what it shows. When the connection drops, the last picture stays, greyed.
 */
public final class TopologyPane extends BorderPane {

    /** Room kept free around the fitted picture, so the scroll bars stay away. */
    private static final double FIT_MARGIN = 4;
    private static final double GREYED_OPACITY = 0.55;

    private final TopologyViewModel model;
    private final ScrollPane scroll = new ScrollPane();
    private final Group zoomed = new Group();
    private final ColorAdjust greyed = new ColorAdjust(0, -1, 0, 0);
    /** Scales from the top left corner, so the zoomed picture starts where the scroll bars do. */
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private Pane drawing = new Pane();

    /** Builds the pane and draws {@code model}'s topology, now and whenever it changes. */
    public TopologyPane(TopologyViewModel model) {
        this.model = model;
        setId("topology");
        getStyleClass().add("topology");
        scroll.getStyleClass().add("topology-scroll");
        scroll.setId("topologyScroll");
        scroll.setPannable(true);
        scroll.setContent(zoomed);
        scroll.addEventFilter(ScrollEvent.SCROLL, this::zoomOnCtrlWheel);
        scroll.viewportBoundsProperty().addListener((property, before, now) -> fit());
        TopologyLegend legend = new TopologyLegend();
        setTop(toolbar(legend));
        setCenter(scroll);
        setBottom(legend);
        scale(model.scaleProperty().get());
        model.scaleProperty().addListener((property, before, now) -> scale(now.doubleValue()));
        model.staleProperty().addListener((property, before, now) -> grey(now));
        draw();
        model.topologyProperty().addListener((property, before, now) -> draw());
        grey(model.staleProperty().get());
    }

    private HBox toolbar(TopologyLegend legend) {
        Button out = button("topologyZoomOut", "−", "zoom out (Ctrl+wheel)");
        out.setOnAction(event -> model.zoomOut());
        Button in = button("topologyZoomIn", "+", "zoom in (Ctrl+wheel)");
        in.setOnAction(event -> model.zoomIn());
        Button fit = button("topologyFit", "Fit", "fit the whole picture to the window, also as it resizes");
        fit.setOnAction(event -> model.fit());
        fit.disableProperty().bind(model.fittingProperty());
        Label zoom = new Label();
        zoom.setId("topologyZoom");
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(model.scaleProperty().get() * 100) + " %", model.scaleProperty()));
        ToggleButton showLegend = new ToggleButton("Legend");
        showLegend.setId("topologyLegendToggle");
        showLegend.setSelected(true);
        legend.visibleProperty().bind(showLegend.selectedProperty());
        legend.managedProperty().bind(legend.visibleProperty());
        Label stale = TopologyDrawing.muted("⚠ not connected: the last picture read, greyed");
        stale.setId("topologyStale");
        stale.visibleProperty().bind(model.staleProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox toolbar = new HBox(6, out, zoom, in, fit, showLegend, spring, stale);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 8, 4, 8));
        return toolbar;
    }

    private static Button button(String id, String text, String tip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private void draw() {
        Topology topology = model.topologyProperty().get();
        drawing = topology.isEmpty() ? empty() : TopologyDrawing.of(topology, model.trafficProperty().get());
        drawing.getTransforms().setAll(zoom);
        zoomed.getChildren().setAll(drawing);
        fit();
    }

    private static Pane empty() {
        Label none = TopologyDrawing.muted("No networks yet: docker network create -d mdnp demo");
        none.getStyleClass().add("topology-heading");
        Pane pane = new Pane(none);
        pane.getStyleClass().add("topology-block");
        none.relocate(24, 24);
        return pane;
    }

    /** Tells the view model the picture's natural size and the room it has, for the zoom that fits. */
    private void fit() {
        Bounds room = scroll.getViewportBounds();
        model.layout(drawing.prefWidth(-1), drawing.prefHeight(-1), room.getWidth() - FIT_MARGIN,
                room.getHeight() - FIT_MARGIN);
    }

    private void scale(double factor) {
        zoom.setX(factor);
        zoom.setY(factor);
    }

    private void zoomOnCtrlWheel(ScrollEvent event) {
        if (!event.isControlDown() || event.getDeltaY() == 0) {
            return;
        }
        if (event.getDeltaY() > 0) {
            model.zoomIn();
        } else {
            model.zoomOut();
        }
        event.consume();
    }

    private void grey(boolean stale) {
        scroll.getContent().setEffect(stale ? greyed : null);
        scroll.getContent().setOpacity(stale ? GREYED_OPACITY : 1);
    }
}
