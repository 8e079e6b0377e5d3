package dev.mdnp.daemon.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON bodies tests send to the plugin socket from name and value pairs, in order. */
public final class JsonObjects {

    private JsonObjects() {
    }

    /** Returns a JSON object of the pairs, in order; a null value is written as null, as Docker does. */
    public static String of(ObjectMapper json, Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
