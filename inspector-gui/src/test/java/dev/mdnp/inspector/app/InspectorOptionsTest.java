package dev.mdnp.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.client.InspectClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectorOptionsTest {

    private static InspectorOptions run(String... args) {
        InspectorOptions.Parsed parsed = InspectorOptions.parse(List.of(args));
        assertThat(parsed).isInstanceOf(InspectorOptions.Parsed.Run.class);
        return ((InspectorOptions.Parsed.Run) parsed).options();
    }

    private static InspectorOptions.Parsed.Exit exit(String... args) {
        InspectorOptions.Parsed parsed = InspectorOptions.parse(List.of(args));
        assertThat(parsed).isInstanceOf(InspectorOptions.Parsed.Exit.class);
        return (InspectorOptions.Parsed.Exit) parsed;
    }

    @Test
    void withoutOptionsItWatchesTheDefaultSocket() {
        InspectorOptions options = run();

        assertThat(options.socket()).isEqualTo(Path.of(InspectClient.DEFAULT_SOCKET_PATH));
        assertThat(options.replaying()).isFalse();
    }

    @Test
    void socketNamesTheDaemonToWatch() {
        assertThat(run("--socket", "/tmp/x/inspect.sock").socket()).isEqualTo(Path.of("/tmp/x/inspect.sock"));
        assertThat(run("--socket=/tmp/y.sock").socket()).isEqualTo(Path.of("/tmp/y.sock"));
    }

    @Test
    void replayNamesARecordedSession() {
        InspectorOptions options = run("--replay", "session.ndjson");

        assertThat(options.replaying()).isTrue();
        assertThat(options.replay()).isEqualTo(Path.of("session.ndjson"));
    }

    @Test
    void socketAndReplayExcludeEachOther() {
        InspectorOptions.Parsed.Exit exit = exit("--socket", "/a.sock", "--replay", "b.ndjson");

        assertThat(exit.status()).isEqualTo(2);
        assertThat(exit.error()).isTrue();
        assertThat(exit.text()).contains("mutually exclusive", "Usage: mdnp-inspector");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        InspectorOptions.Parsed.Exit exit = exit("--colour");

        assertThat(exit.status()).isEqualTo(2);
        assertThat(exit.text()).startsWith("mdnp-inspector: Unknown option: '--colour'");
    }

    @Test
    void aMissingValueIsAUsageError() {
        assertThat(exit("--replay").status()).isEqualTo(2);
    }

    @Test
    void helpPrintsTheUsage() {
        InspectorOptions.Parsed.Exit exit = exit("--help");

        assertThat(exit.status()).isZero();
        assertThat(exit.error()).isFalse();
        assertThat(exit.text()).contains("--socket=PATH", "--replay=FILE.ndjson", "/run/mdnp/inspect.sock");
    }

    @Test
    void versionPrintsTheVersion() {
        InspectorOptions.Parsed.Exit exit = exit("--version");

        assertThat(exit.status()).isZero();
        assertThat(exit.text()).startsWith("mdnp-inspector ");
    }

    @Test
    void narrationNamesAFileToShowTheLastLineOf() {
        assertThat(run("--narration", "/tmp/demo/narration").narration()).isEqualTo(Path.of("/tmp/demo/narration"));
        assertThat(run("--replay", "s.ndjson", "--narration", "n.txt").narration()).isEqualTo(Path.of("n.txt"));
        assertThat(run().narration()).isNull();
    }
}
