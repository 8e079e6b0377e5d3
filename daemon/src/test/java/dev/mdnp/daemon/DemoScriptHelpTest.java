package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code scripts/demo --help} prints the whole usage, the narration file included, without root or Docker. */
class DemoScriptHelpTest {

    @Test
    void helpDescribesEveryOptionAndTheNarration() throws Exception {
        Process demo = new ProcessBuilder(Path.of("..").toRealPath().resolve("scripts/demo").toString(), "--help")
                .redirectErrorStream(true).start();
        String text = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isZero();
        assertThat(text).contains("--docker-host URL", "--auto SECONDS", "--no-inspector", "--narration FILE",
                "step 4/9: ...", "demo finished", "mdnp-inspector --narration FILE",
                "until the inspector window is closed");
        assertThat(text).doesNotContain("set -euo pipefail").doesNotStartWith("#");
    }
}
