package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --record FILE}: a server started with a record file writes every call to it. */
class RecordFileServerTest {

    @TempDir
    Path dir;

    @Test
    void everyRecordedCallIsAppendedToTheRecordFile() throws IOException {
        Path file = dir.resolve("session.ndjson");
        try (InspectFixture inspect = InspectFixture.start(dir, 100, file)) {
            inspect.history.recorded(Records.call());
            inspect.history.recorded(Records.call());
        }

        assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"seq\":"));
    }
}
