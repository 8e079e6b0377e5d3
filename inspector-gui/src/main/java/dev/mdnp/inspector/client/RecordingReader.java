package dev.mdnp.inspector.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the NDJSON file a daemon wrote with {@code --record FILE}: one {@link RequestRecord} JSON per line. Blank
 * lines are ignored; any other line that does not decode is kept as a {@link MalformedLine}, so a cut-off last line
 * or a stray edit shows up instead of vanishing.
 */
final class RecordingReader {

    /** How much of a parser message a malformed line keeps. */
    private static final int MAX_PROBLEM_CHARS = 160;

    private final ObjectMapper mapper;

    RecordingReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads the whole file.
     *
     * @throws IOException if the file cannot be opened or read (a line that is not a call is no error)
     */
    Recording read(Path file) throws IOException {
        List<RequestRecord> calls = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    calls.add(mapper.readValue(line, RequestRecord.class));
                } catch (JsonProcessingException e) {
                    String message = e.getOriginalMessage();
                    malformed.add(new MalformedLine(number, message == null ? "not a call" : shorten(message)));
                }
            }
        }
        return new Recording(calls, malformed);
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_PROBLEM_CHARS ? oneLine : oneLine.substring(0, MAX_PROBLEM_CHARS) + "…";
    }
}
