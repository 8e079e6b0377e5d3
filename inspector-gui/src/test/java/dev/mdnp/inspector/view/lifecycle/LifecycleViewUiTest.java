package dev.mdnp.inspector.view.lifecycle;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.CallBuilder.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.viewmodel.LifecycleViewModel;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.util.stream.LongStream;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LifecycleViewUiTest {

    private final InspectorStore store = new InspectorStore();
    private final LifecycleViewModel lifecycle = new LifecycleViewModel(store);
    private LifecycleView view;

    @Start
    void start(Stage stage) {
        view = new LifecycleView(lifecycle);
        stage.setScene(new Scene(new StackPane(view.node()), 900, 200));
        stage.show();
    }

    @Test
    void stepsAppearLiveWithTheirOutcome(FxRobot robot) {
        robot.interact(() -> {
            lifecycle.endpointIdProperty().set("e1");
            store.apply(updates(call(1, "NetworkDriver.CreateEndpoint").endpoint("e1").build(),
                    call(2, "NetworkDriver.Join").endpoint("e1").after(Duration.ofMillis(1_500))
                            .failed(500, "no such sandbox").build()));
        });

        assertThat(robot.lookup("#lifecycle .lifecycle-step").queryAll()).hasSize(2);
        assertThat(robot.lookup(".step-error").queryAll()).hasSize(1);
        assertThat(robot.lookup("CreateEndpoint").tryQuery()).isPresent();
        assertThat(robot.lookup("+500.00 ms").tryQuery()).isPresent();

        robot.clickOn("Join");
        assertThat(view.chosenCallProperty().get().seq()).isEqualTo(2);
    }

    @Test
    void aLongTimelineScrollsSidewaysInsteadOfRunningOffTheEdgeAndShowsItsNewestCall(FxRobot robot) {
        robot.interact(() -> {
            lifecycle.endpointIdProperty().set("e1");
            store.apply(updates(LongStream.rangeClosed(1, 30).mapToObj(seq -> call(seq, seq % 2 == 0
                    ? "NetworkDriver.Join" : "NetworkDriver.Leave").endpoint("e1").build())
                    .toArray(RequestRecord[]::new)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = robot.lookup("#lifecycle").queryAs(ScrollPane.class);

        double windowWidth = scroll.getScene().getWidth();
        assertThat(scroll.getWidth()).isLessThanOrEqualTo(windowWidth);
        assertThat(scroll.getContent().getLayoutBounds().getWidth()).isGreaterThan(windowWidth);
        assertThat(scroll.getHvalue()).as("scrolled to the newest call").isEqualTo(scroll.getHmax());
        assertThat(robot.lookup("#lifecycle .scroll-bar").queryAllAs(ScrollBar.class))
                .filteredOn(bar -> bar.getOrientation() == Orientation.HORIZONTAL)
                .singleElement().satisfies(bar -> assertThat(bar.isVisible()).isTrue());
    }
}
