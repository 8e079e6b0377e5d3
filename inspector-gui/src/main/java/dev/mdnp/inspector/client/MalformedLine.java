package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

/**
 * A line of a recorded session that is not a call, so the replay skips it and says so.
 *
 * @param number the line's number in the file, from 1
 * @param problem why it was not read, such as the JSON parser's message
 */
public record MalformedLine(long number, String problem) {

    /** Validates the components. */
    public MalformedLine {
        requireNonNull(problem, "problem");
    }

    /** Returns a short text such as {@code line 7: unexpected end of input}. */
    public String describe() {
        return "line " + number + ": " + problem;
    }
}
