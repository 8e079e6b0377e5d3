package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reply to {@code NetworkDriver.EndpointOperInfo} ({@code cnm-remote-api.md} §2.9). Docker practically ignores
 * the value, so it should be cheap to build; {@code {}} is allowed.
 *
 * @param value any JSON object; an unmodifiable deep copy; JSON {@code "Value"}; {@code null} becomes empty
 */
public record EndpointOperInfoResponse(@JsonProperty("Value") Map<String, @Nullable Object> value) {

    /**
     * Copies the map.
     *
     * @param value any JSON object
     */
    public EndpointOperInfoResponse {
        value = JsonValues.freezeMap(value);
    }
}
