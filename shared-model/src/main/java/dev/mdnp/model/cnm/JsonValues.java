package dev.mdnp.model.cnm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Normalises values decoded from Docker's JSON for the compact constructors of the wire records
 * ({@code cnm-remote-api.md} §0).
 *
 * <p>Go's {@code encoding/json} writes a nil map or slice as {@code null} and an unset string as {@code ""}, so a
 * record turns a {@code null} collection into an empty one and a {@code null} string into {@code ""}. Copies keep
 * insertion order, so re-encoding a record is deterministic. Every method is pure and thread-safe.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Copies a JSON object of arbitrary values into an unmodifiable map, recursively: nested maps become unmodifiable
     * maps and nested lists unmodifiable lists. Insertion order and {@code null} values are kept. Other values
     * (strings, numbers, booleans, as Jackson decodes them) are immutable and are kept as they are.
     *
     * @param map the decoded object, or {@code null} when the JSON held {@code null} or nothing
     * @return an unmodifiable deep copy; empty when {@code map} is {@code null}
     */
    public static Map<String, @Nullable Object> freezeMap(@Nullable Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, freezeValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Copies a JSON object of strings (an {@code Options} or {@code Data} map) into an unmodifiable map, keeping
     * insertion order.
     *
     * @param map the decoded object, or {@code null} when the JSON held {@code null} or nothing
     * @param field Docker's name of the field, used in the error message
     * @return an unmodifiable copy; empty when {@code map} is {@code null}
     * @throws IllegalArgumentException if a value is {@code null}
     */
    public static Map<String, String> freezeStringMap(@Nullable Map<String, String> map, String field) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException(field + " has a null value for key " + key);
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Copies a JSON array into an unmodifiable list.
     *
     * @param list the decoded array, or {@code null} when the JSON held {@code null} or nothing
     * @param field Docker's name of the field, used in the error message
     * @param <T> the element type
     * @return an unmodifiable copy; empty when {@code list} is {@code null}
     * @throws IllegalArgumentException if an element is {@code null}
     */
    public static <T> List<T> freezeList(@Nullable List<T> list, String field) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        for (T element : list) {
            if (element == null) {
                throw new IllegalArgumentException(field + " has a null element");
            }
        }
        return List.copyOf(list);
    }

    /**
     * Returns the string, or {@code ""} when it is {@code null}: Go decodes an absent or {@code null} string as
     * {@code ""}.
     *
     * @param value the decoded string, or {@code null}
     * @return {@code value}, or {@code ""} when it is {@code null}
     */
    public static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    /**
     * Returns an identifier that a request cannot do without ({@code NetworkID}, {@code EndpointID}, {@code PoolID}).
     * Only presence is checked; the format (64 hex characters, a 25-character swarm id, an opaque pool id) is not
     * (§2, §3.3).
     *
     * @param value the decoded identifier, or {@code null} when it was absent
     * @param field Docker's name of the field, used in the error message
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> is required"} if {@code value} is {@code null} or empty
     */
    public static String requireId(@Nullable String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static @Nullable Object freezeValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
            map.forEach((key, nested) -> copy.put(key, freezeValue(nested)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> copy = new ArrayList<>(list.size());
            for (Object nested : list) {
                copy.add(freezeValue(nested));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
