package dev.mdnp.daemon.api;

import static org.awaitility.Awaitility.await;

import dev.mdnp.model.inspect.RequestRecord;
import java.util.ArrayList;
import java.util.List;

/** A request sink that keeps every record it is given, in order. */
final class RecordingRequestSink implements RequestSink {

    private final List<RequestRecord> records = new ArrayList<>();

    @Override
    public synchronized void recorded(RequestRecord record) {
        records.add(record);
    }

    synchronized List<RequestRecord> records() {
        return List.copyOf(records);
    }

    /** Waits until {@code count} records have come (a record follows its reply), and returns them. */
    List<RequestRecord> awaitRecords(int count) {
        await().until(() -> records().size() >= count);
        return records();
    }

    /** Waits for the next record after the {@code seen} already taken, and returns it. */
    RequestRecord awaitRecord(int seen) {
        return awaitRecords(seen + 1).get(seen);
    }
}
