package dev.mdnp.inspector.filter;

import dev.mdnp.inspector.model.ShortIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Suggestions for the filter field, for the word being typed (the last one): the filter keys, then values for the
 * key — the methods, networks and endpoints seen so far, outcomes, durations. Each suggestion is the whole field
 * text with that word completed, so picking one replaces the text.
 *
 * @param methods the methods of the calls seen, such as {@code NetworkDriver.Join}
 * @param networkIds the ids of the networks known
 * @param endpointIds the ids of the endpoints known
 */
public record FilterCompletions(Set<String> methods, Set<String> networkIds, Set<String> endpointIds) {

    /** No calls, networks or endpoints seen yet: only keys and fixed values are suggested. */
    public static final FilterCompletions NONE = new FilterCompletions(Set.of(), Set.of(), Set.of());

    private static final List<String> KEYS = List.of("method:", "net:", "ep:", "status:", "slower-than:", "since:");
    private static final List<String> STATUSES = List.of("ok", "error", "4xx", "5xx");
    private static final List<String> DURATIONS = List.of("1ms", "5ms", "20ms", "100ms");
    private static final List<String> AGES = List.of("10s", "1m", "10m", "1h");
    private static final int MAX_SUGGESTIONS = 12;

    /** Copies the sets. */
    public FilterCompletions {
        methods = Set.copyOf(methods);
        networkIds = Set.copyOf(networkIds);
        endpointIds = Set.copyOf(endpointIds);
    }

    /** Returns the field texts that complete the last word of {@code text}; empty when that word is empty. */
    public List<String> suggest(String text) {
        int start = text.lastIndexOf(' ') + 1;
        String word = text.substring(start);
        String kept = text.substring(0, start);
        String negation = word.startsWith("-") ? "-" : "";
        String body = word.substring(negation.length());
        if (body.isEmpty()) {
            return List.of();
        }
        int colon = body.indexOf(':');
        Stream<String> words = colon < 0
                ? KEYS.stream().filter(key -> key.startsWith(body.toLowerCase(Locale.ROOT)))
                : values(body.substring(0, colon + 1), body.substring(colon + 1));
        List<String> suggestions = new ArrayList<>();
        words.sorted().distinct().limit(MAX_SUGGESTIONS).forEach(done -> suggestions.add(kept + negation + done));
        return suggestions;
    }

    private Stream<String> values(String key, String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        Stream<String> values;
        if (key.equals("method:")) {
            values = methods.stream().map(FilterCompletions::shortMethod)
                    .filter(method -> method.toLowerCase(Locale.ROOT).contains(lower));
        } else if (key.equals("net:")) {
            values = prefixed(networkIds, lower);
        } else if (key.equals("ep:")) {
            values = prefixed(endpointIds, lower);
        } else if (key.equals("status:")) {
            values = STATUSES.stream().filter(status -> status.startsWith(lower));
        } else if (key.equals("slower-than:")) {
            values = DURATIONS.stream().filter(duration -> duration.startsWith(lower));
        } else if (key.equals("since:")) {
            values = AGES.stream().filter(age -> age.startsWith(lower));
        } else {
            return Stream.empty();
        }
        return values.map(value -> key + value);
    }

    private static Stream<String> prefixed(Set<String> ids, String typed) {
        return ids.stream().map(ShortIds::of)
                .filter(id -> id.toLowerCase(Locale.ROOT).startsWith(typed));
    }

    private static String shortMethod(String method) {
        return method.substring(method.indexOf('.') + 1);
    }
}
