package dev.mdnp.inspector.view.narration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.viewmodel.NarrationViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NarrationBarUiTest {

    private final NarrationViewModel model = new NarrationViewModel("/tmp/mdnp-demo.x/narration");

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new VBox(new NarrationBar(model)), 900, 80));
        stage.show();
    }

    @Test
    void isHiddenUntilTheNarrationSaysSomething(FxRobot robot) {
        NarrationBar bar = robot.lookup("#narrationBar").queryAs(NarrationBar.class);

        assertThat(bar.isVisible()).isFalse();
        assertThat(bar.isManaged()).isFalse();
    }

    @Test
    void showsTheNewestLineAndWhereItWasRead(FxRobot robot) {
        robot.interact(() -> model.show("demo finished: 9 steps; the window keeps the last state"));

        Label text = robot.lookup("#narrationText").queryAs(Label.class);
        assertThat(robot.lookup("#narrationBar").queryAs(NarrationBar.class).isVisible()).isTrue();
        assertThat(text.getText()).isEqualTo("demo finished: 9 steps; the window keeps the last state");
        assertThat(text.getTooltip().getText()).endsWith("(read from /tmp/mdnp-demo.x/narration)");
    }
}
