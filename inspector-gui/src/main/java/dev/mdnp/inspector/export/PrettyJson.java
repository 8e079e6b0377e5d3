package dev.mdnp.inspector.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Indents JSON bodies for people to read. A body that is not valid JSON (an empty one, or one the daemon cut at
 * 64 KiB and ended with {@code "…"}) comes back unchanged, so nothing recorded is ever hidden.
 */
public final class PrettyJson {

    private final ObjectMapper mapper;

    /** Creates a printer that parses and writes with {@code mapper} (the shared one from {@code JsonMappers}). */
    public PrettyJson(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** Returns {@code json} indented, or unchanged when it is not one valid JSON document. */
    public String format(String json) {
        if (json.isBlank()) {
            return json;
        }
        try {
            JsonNode tree = mapper.readTree(json);
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
