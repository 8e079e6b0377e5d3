package dev.mdnp.daemon.transport;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 response as {@link RawHttpClient} read it.
 *
 * @param status the status code
 * @param headers the header fields, names in lower case, the last value winning
 * @param body the body after chunked decoding
 */
record RawHttpResponse(int status, Map<String, String> headers, byte[] body) {

    RawHttpResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** Returns the body decoded as UTF-8. */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
