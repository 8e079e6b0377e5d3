package dev.mdnp.inspector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NarrationFileTest {

    @TempDir
    Path dir;

    private final List<String> reported = new CopyOnWriteArrayList<>();

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void reportsTheLastNonBlankLineOnceEachTimeItChanges() throws IOException {
        Path file = dir.resolve("narration");
        NarrationFile narration = new NarrationFile(file);
        append(file, "step 1/9: docker network create front\n");
        narration.check(reported::add);
        narration.check(reported::add);

        append(file, "step 2/9: docker network create back\n\n  \n");
        narration.check(reported::add);

        assertThat(reported).containsExactly("step 1/9: docker network create front",
                "step 2/9: docker network create back");
    }

    @Test
    void aMissingOrRemovedFileKeepsTheLastLine() throws IOException {
        Path file = dir.resolve("narration");
        NarrationFile narration = new NarrationFile(file);
        narration.check(reported::add);
        assertThat(reported).isEmpty();

        append(file, "demo finished\n");
        narration.check(reported::add);
        Files.delete(file);
        narration.check(reported::add);

        assertThat(reported).containsExactly("demo finished");
    }

    @Test
    void itsThreadFollowsTheFileAsItGrows() throws IOException {
        Path file = dir.resolve("narration");
        try (NarrationFile narration = new NarrationFile(file)) {
            narration.start(reported::add);
            append(file, "step 9/9: docker network rm front back\n");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> reported.contains("step 9/9: docker network rm front back"));

            append(file, "demo finished\n");

            await().atMost(Duration.ofSeconds(10)).until(() -> reported.contains("demo finished"));
        }
    }
}
