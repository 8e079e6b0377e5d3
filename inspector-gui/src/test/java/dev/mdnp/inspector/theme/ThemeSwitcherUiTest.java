package dev.mdnp.inspector.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ThemeSwitcherUiTest {

    private final List<String> userAgentSheets = new ArrayList<>();
    private ThemeSwitcher switcher;
    private Scene scene;

    @Start
    void start(Stage stage) {
        switcher = new ThemeSwitcher(Theme.LIGHT, userAgentSheets::add);
        scene = new Scene(new StackPane(), 200, 100);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void appliesTheInitialThemeAtOnce() {
        assertThat(userAgentSheets).containsExactly(Theme.LIGHT.userAgentStylesheet());
    }

    @Test
    void toggleSwitchesToDarkAndBack(FxRobot robot) {
        robot.interact(switcher::toggle);
        assertThat(switcher.themeProperty().get()).isEqualTo(Theme.DARK);
        robot.interact(switcher::toggle);

        assertThat(userAgentSheets).containsExactly(Theme.LIGHT.userAgentStylesheet(),
                Theme.DARK.userAgentStylesheet(), Theme.LIGHT.userAgentStylesheet());
    }

    @Test
    void styleAddsTheInspectorSheetOnce(FxRobot robot) {
        robot.interact(() -> {
            switcher.style(scene);
            switcher.style(scene);
        });

        assertThat(scene.getStylesheets()).containsExactly(ThemeSwitcher.stylesheetUrl());
    }
}
