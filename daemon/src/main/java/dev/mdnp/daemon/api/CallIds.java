package dev.mdnp.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Docker ids a call names, kept in its {@link CallTrace} for the call's record and log line. An id longer than
 * {@link #MAX_ID_CHARS} is cut: the ids come from the request before it is validated, and the request history keeps
 * the records of the last 10,000 calls (Docker's ids are 64 characters, mdnp's pool ids about 100).
 *
 * @param networkId the request's NetworkID, or ""
 * @param endpointId the request's EndpointID, or ""
 * @param poolId the request's PoolID, or ""
 */
record CallIds(String networkId, String endpointId, String poolId) {

    static final CallIds NONE = new CallIds("", "", "");

    /** The longest id kept, in characters; a longer one is cut and ends with "…". */
    static final int MAX_ID_CHARS = 256;

    /** Picks the ids out of a decoded request body. */
    static CallIds of(JsonNode body) {
        return new CallIds(text(body, "NetworkID"), text(body, "EndpointID"), text(body, "PoolID"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            return "";
        }
        return CallTrace.cut(value.textValue(), MAX_ID_CHARS);
    }
}
