package dev.mdnp.inspector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingReaderTest {

    private final RecordingReader reader = new RecordingReader(JsonMappers.create());

    static Path resource(String name) {
        try {
            return Path.of(RecordingReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryCallOfAHandWrittenFileAndSkipsBlankLines() throws IOException {
        Recording recording = reader.read(resource("hand-written.ndjson"));

        assertThat(recording.calls()).extracting(RequestRecord::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(recording.calls().get(0).kernelOps()).hasSize(1);
    }

    @Test
    void reportsLinesThatAreNotCallsWithTheirNumbers() throws IOException {
        Recording recording = reader.read(resource("hand-written.ndjson"));

        assertThat(recording.malformed()).extracting(MalformedLine::number).containsExactly(3L, 7L);
        assertThat(recording.malformed()).allSatisfy(line -> assertThat(line.problem()).isNotBlank());
    }

    @Test
    void aValidJsonObjectThatIsNoCallIsMalformed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.ndjson");
        Files.writeString(file, "{\"seq\":1}\n[]\n");

        assertThat(reader.read(file).malformed()).extracting(MalformedLine::number).containsExactly(1L, 2L);
    }

    @Test
    void readsWhatTheDaemonRecorded() throws IOException {
        Recording recording = reader.read(resource("daemon-session.ndjson"));

        assertThat(recording.calls()).hasSize(18);
        assertThat(recording.malformed()).isEmpty();
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.read(dir.resolve("none.ndjson"))).isInstanceOf(NoSuchFileException.class);
    }
}
