package dev.mdnp.inspector.view.shell;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.inspector.testsupport.ObjectsScene;
import dev.mdnp.inspector.viewmodel.ConnectionViewModel;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.FirewallRepairView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
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
class ConnectionBarUiTest {

    private static final String SOCKET = "/run/mdnp/inspect.sock";

    private final InspectorStore store = new InspectorStore();
    private ConnectionBar bar;

    @Start
    void start(Stage stage) {
        bar = new ConnectionBar(new ConnectionViewModel(store, SOCKET, ZoneOffset.UTC));
        HBox.setHgrow(bar, Priority.ALWAYS);
        // In a row, as in the window, so that a test can narrow the bar without resizing the stage the tests share.
        ObjectsScene.show(stage, new HBox(bar), 900, 40);
        ObjectsFixture.show(store, objects(List.of(), List.of(), List.of(), List.of()));
    }

    private void repaired(FxRobot robot, String at) {
        robot.interact(() -> store.apply(List.of(new FeedUpdate.FirewallRepair(new FirewallRepairView(
                Instant.parse(at), false, List.of("mdnpb8f6511a52a"), List.of())))));
    }

    /** Returns the text a label shows, after any cut: its skin's text node. */
    private static String shown(FxRobot robot, String id) {
        return robot.lookup(id + " .text").queryAs(Text.class).getText();
    }

    @Test
    void showsNoFirewallWarningBeforeARepair(FxRobot robot) {
        Label repairs = robot.lookup("#firewallRepairs").queryAs(Label.class);

        assertThat(repairs.isVisible()).isFalse();
        assertThat(repairs.isManaged()).isFalse();
    }

    @Test
    void showsTheWarningAfterARepairWithWhatItPutBackInItsTooltip(FxRobot robot) {
        repaired(robot, "2026-12-07T12:00:00Z");
        repaired(robot, "2026-12-07T12:05:03Z");
        Label repairs = robot.lookup("#firewallRepairs").queryAs(Label.class);

        assertThat(repairs.isVisible()).isTrue();
        assertThat(repairs.getStyleClass()).contains("drift-warning");
        assertThat(shown(robot, "#firewallRepairs")).isEqualTo("⚠ firewall repaired 2× · last 12:05:03");
        assertThat(repairs.getTooltip().getText()).isEqualTo("last repair: mdnpb8f6511a52a\n"
                + "something else rewrote the firewall; mdnp put its rules back — see mdnp doctor");
    }

    /** A long reason for a lost connection is cut with its whole text in a tooltip; socket and plugin stay whole. */
    @Test
    void aLongConnectionErrorIsCutAndTheRestOfTheBarKeepsItsWidth(FxRobot robot) {
        String reason = "cannot reach mdnp at " + SOCKET + ": " + "connection refused; ".repeat(25);
        robot.interact(() -> store.apply(List.of(new FeedUpdate.Connection(
                new ConnectionState.Disconnected(reason, Duration.ofSeconds(2))))));
        WaitForAsyncUtils.waitForFxEvents();
        Label state = robot.lookup("#connectionState").queryAs(Label.class);

        assertThat(shown(robot, "#connectionState")).endsWith("...");
        assertThat(state.getTooltip().getText()).contains(reason.strip());
        assertThat(shown(robot, "#connectionSource")).isEqualTo(SOCKET);
        assertThat(shown(robot, "#pluginVersion")).isEqualTo("mdnp 0.1.0");
    }

    @Test
    void aNarrowBarCutsTheWarningAndKeepsThePluginVersionWhole(FxRobot robot) {
        repaired(robot, "2026-12-07T12:05:03Z");

        robot.interact(() -> bar.setMaxWidth(380));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown(robot, "#firewallRepairs")).startsWith("⚠").endsWith("...");
        assertThat(shown(robot, "#pluginVersion")).isEqualTo("mdnp 0.1.0");
    }
}
