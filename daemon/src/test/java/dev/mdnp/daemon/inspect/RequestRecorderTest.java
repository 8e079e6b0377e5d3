package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestRecorderTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @TempDir
    Path dir;

    @Test
    void eachCallIsOneJsonLineInAFileOnlyItsOwnerMayRead() throws IOException {
        Path file = dir.resolve("calls.ndjson");
        RequestHistory history = new RequestHistory(10);
        try (RequestRecorder recorder = start(file, 1 << 20, 3, 100)) {
            history.tap(recorder);
            history.recorded(Records.call("NetworkDriver.CreateNetwork", "a"));
            history.recorded(Records.call("NetworkDriver.Join", "b"));
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<RequestRecord> lines = read(file);
        assertThat(lines).extracting(RequestRecord::seq).containsExactly(1L, 2L);
        assertThat(lines.get(1)).isEqualTo(history.after(1, 1).get(0));
    }

    @Test
    void anExistingFileIsAppendedToAndMadePrivate() throws IOException {
        Path file = dir.resolve("calls.ndjson");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (RequestRecorder recorder = start(file, 1 << 20, 3, 100)) {
            recorder.recorded(Records.call());
        }
        try (RequestRecorder recorder = start(file, 1 << 20, 3, 100)) {
            recorder.recorded(Records.call());
        }

        assertThat(read(file)).hasSize(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theFileIsRotatedAtItsSizeBoundKeepingTheNewestFiles() throws IOException {
        Path file = dir.resolve("calls.ndjson");
        RequestHistory history = new RequestHistory(1000);
        try (RequestRecorder recorder = start(file, 4096, 2, 1000)) {
            history.tap(recorder);
            for (int i = 0; i < 300; i++) {
                history.recorded(Records.call("NetworkDriver.Join", "x".repeat(100)));
            }
        }

        assertThat(dir.resolve("calls.ndjson.1")).exists();
        assertThat(dir.resolve("calls.ndjson.2")).exists();
        assertThat(dir.resolve("calls.ndjson.3")).doesNotExist();
        for (Path part : List.of(file, dir.resolve("calls.ndjson.1"), dir.resolve("calls.ndjson.2"))) {
            assertThat(Files.size(part)).isLessThan(4096 + 1024);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(part))).isEqualTo("rw-------");
        }
        List<Long> seqs = new ArrayList<>();
        for (Path part : List.of(dir.resolve("calls.ndjson.2"), dir.resolve("calls.ndjson.1"), file)) {
            read(part).forEach(record -> seqs.add(record.seq()));
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates().endsWith(300L);
        assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).isEqualTo(seqs.size());
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() throws IOException {
        Path file = dir.resolve("calls.ndjson");
        try (RequestRecorder recorder = RequestRecorder.open(file, 1 << 20, 3, 2,
                mapper.writerFor(RequestRecord.class))) {
            for (int i = 0; i < 5; i++) {
                recorder.recorded(Records.call());
            }
            assertThat(recorder.dropped()).isEqualTo(3);
            recorder.startWriting();
        }

        assertThat(read(file)).hasSize(2);
    }

    private RequestRecorder start(Path file, long maxBytes, int keep, int queue) throws IOException {
        return RequestRecorder.start(file, maxBytes, keep, queue, mapper.writerFor(RequestRecord.class));
    }

    private List<RequestRecord> read(Path file) throws IOException {
        List<RequestRecord> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(mapper.readValue(line, RequestRecord.class));
        }
        return records;
    }
}
