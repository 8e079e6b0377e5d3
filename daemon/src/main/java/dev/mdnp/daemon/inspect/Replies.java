package dev.mdnp.daemon.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Map;

/** Writes the introspection channel's replies: a JSON body, or a JSON error {@code {"Err": "..."}}. */
final class Replies {

    static final String JSON = "application/json";

    private final ObjectMapper mapper;

    Replies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Sends {@code body} as JSON with status 200 and ends the exchange. */
    void json(HttpServerExchange exchange, Object body) throws JsonProcessingException {
        send(exchange, 200, mapper.writeValueAsString(body));
    }

    /** Sends {@code {"Err": message}} with the given status and ends the exchange. */
    void error(HttpServerExchange exchange, int status, String message) throws JsonProcessingException {
        send(exchange, status, mapper.writeValueAsString(Map.of("Err", message)));
    }

    private static void send(HttpServerExchange exchange, int status, String json) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        exchange.getResponseSender().send(json + "\n");
    }
}
