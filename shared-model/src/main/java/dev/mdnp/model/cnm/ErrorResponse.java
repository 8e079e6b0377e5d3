package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a failed call on either interface, sent with a status other than 200: 400 when the caller's request
 * is at fault, 500 when mdnp is ({@code cnm-remote-api.md} §1.4; Docker treats both alike). Docker shows the text
 * to the user, so it must hold no secrets.
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
