package dev.mdnp.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspector as users start it, in a JVM of its own (headless): ended by SIGTERM, it saves its preferences. */
@Tag("ui")
class InspectorExitUiTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path config;

    @Test
    void aSigtermSavesThePreferencesThoughTheWindowNeverClosed() throws Exception {
        Path output = config.resolve("inspector.out");
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        Process inspector = builder.start();
        try {
            // It says so once the window is open.
            await().atMost(START).until(() -> Files.readString(output).contains("mdnp-inspector: showing "));

            inspector.destroy(); // SIGTERM

            assertThat(inspector.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            inspector.destroyForcibly();
        }
        Path saved = config.resolve("mdnp/inspector.json");
        assertThat(saved).as("preferences after SIGTERM; the inspector said: %s", Files.readString(output))
                .exists();
        assertThat(new PreferencesFile(saved).load().problem()).isEmpty();
    }

    /** The launcher on this test's classpath (Monocle included) with the headless toolkit, replaying a session. */
    private static List<String> command() throws URISyntaxException {
        Path session = Path.of(InspectorExitUiTest.class
                .getResource("/dev/mdnp/inspector/client/daemon-session.ndjson").toURI());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> Stream.of("-Dglass.", "-Dmonocle.", "-Dprism.", "-Djava.awt.headless")
                        .anyMatch(argument::startsWith))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--replay", session.toString()));
        return command;
    }
}
