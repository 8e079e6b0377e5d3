package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a failed call on either interface, sent with HTTP status 500 ({@code cnm-remote-api.md} §1.4).
 * Docker shows the text to the user, so it must hold no secrets.
 *
 * @param err the message; JSON {@code "Err"}; {@code null} becomes {@code ""}
 */
public record ErrorResponse(@JsonProperty("Err") String err) {

    /**
     * Turns an absent message into {@code ""}.
     *
     * @param err the message
     */
    public ErrorResponse {
        err = JsonValues.orEmpty(err);
    }
}
