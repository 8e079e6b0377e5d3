package dev.mdnp.daemon.inspect;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.Optional;

/** Reads the numeric query parameters of the inspect API; a malformed one is a {@link BadQueryException}. */
final class QueryParams {

    private QueryParams() {
    }

    /** Returns the parameter as a number in {@code [min, max]}, or empty when it is absent. */
    static Optional<Long> number(HttpServerExchange exchange, String name, long min, long max) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new BadQueryException("query parameter " + name + " is given " + values.size() + " times");
        }
        return Optional.of(parse(name, values.getFirst(), min, max));
    }

    /** Parses a decimal number in {@code [min, max]}; {@code what} names it in the error. */
    static long parse(String what, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BadQueryException(what + " must be a whole number, got \"" + text + "\"");
        }
        if (value < min || value > max) {
            throw new BadQueryException(what + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
