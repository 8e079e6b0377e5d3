package dev.mdnp.daemon.persistence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Turns the requests and option maps the store keeps as JSON text into text and back, with the same mapper the API
 * decodes Docker's requests with, so a stored request reads back equal to the one Docker sent.
 */
final class RecordCodec {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private final ObjectMapper mapper;

    RecordCodec(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** Returns {@code value} as JSON text. */
    String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Returns the value of type {@code type} that {@code json} holds; {@code what} names it in an error. */
    <T> T decode(String json, Class<T> type, String what) {
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoredStateException(what + " does not hold a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        if (value == null) {
            throw new StoredStateException(what + " does not hold a valid " + type.getSimpleName() + ": it is null");
        }
        return value;
    }

    /** Returns the string map {@code json} holds; {@code what} names it in an error. */
    Map<String, String> decodeStringMap(String json, String what) {
        Map<String, String> map;
        try {
            map = mapper.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StoredStateException(what + " does not hold a map of strings: " + e.getOriginalMessage(), e);
        }
        if (map == null || map.containsValue(null)) {
            throw new StoredStateException(what + " does not hold a map of strings: "
                    + (map == null ? "it is null" : "a value is null"));
        }
        return map;
    }
}
