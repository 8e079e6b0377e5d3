package dev.mdnp.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Docker ids a call names, kept in its {@link CallTrace} for the call's record and log line.
 *
 * @param networkId the request's NetworkID, or ""
 * @param endpointId the request's EndpointID, or ""
 * @param poolId the request's PoolID, or ""
 */
record CallIds(String networkId, String endpointId, String poolId) {

    static final CallIds NONE = new CallIds("", "", "");

    /** Picks the ids out of a decoded request body. */
    static CallIds of(JsonNode body) {
        return new CallIds(text(body, "NetworkID"), text(body, "EndpointID"), text(body, "PoolID"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.textValue() : "";
    }
}
