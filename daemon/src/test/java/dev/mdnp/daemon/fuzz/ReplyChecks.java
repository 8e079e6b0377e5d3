package dev.mdnp.daemon.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.fuzz.Oracle.Expectation;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules every reply of the plugin API follows, whatever the request (cnm-remote-api.md §1.4): a 200 is a JSON
 * object without an error; anything else is a JSON object with a non-empty {@code Err} of at most
 * {@value #MAX_ERR_CHARS} characters and a 4xx status, since every fuzz case is the caller's input and a 500 says
 * that mdnp failed; and the status is the one the {@link Oracle} expects.
 */
final class ReplyChecks {

    /** The longest {@code Err} allowed: a message names the problem, it does not echo a 1 MiB input. */
    static final int MAX_ERR_CHARS = 2048;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * A broken rule.
     *
     * @param kind what broke, the same text for every case that breaks it the same way
     * @param detail what this case's reply showed
     */
    record Problem(String kind, String detail) {
    }

    /** Returns the rules the reply to {@code route} breaks. */
    List<Problem> check(String route, Reply reply, Expectation expectation) {
        List<Problem> problems = new ArrayList<>();
        int status = reply.status();
        JsonNode body = parse(reply.bodyBytes());
        if (status == 200) {
            String errorField = Routes.isIpam(route) ? "Error" : "Err";
            if (body == null || !body.isObject()) {
                problems.add(new Problem("a 200 without a JSON object", "the reply is not a JSON object"));
            } else if (!body.path(errorField).asText("").isEmpty()) {
                problems.add(new Problem("a 200 with an error", "a 200 whose " + errorField + " is set"));
            }
        } else {
            String err = body != null && body.isObject() && body.path("Err").isTextual()
                    ? body.path("Err").textValue() : "";
            if (err.isBlank()) {
                problems.add(new Problem("a failure without Err", "status " + status
                        + " without a JSON object with an Err"));
            } else if (err.length() > MAX_ERR_CHARS) {
                problems.add(new Problem("an Err of more than " + MAX_ERR_CHARS + " characters", "Err has "
                        + err.length() + " characters"));
            }
            if (status == 500) {
                problems.add(new Problem("a 500 for the caller's input", "mdnp says it failed itself, but the input"
                        + " was the cause"));
            } else if (status < 400 || status > 499) {
                problems.add(new Problem("a status outside 4xx", "status " + status));
            }
        }
        if (!expectation.allows(status)) {
            problems.add(new Problem("not the status the protocol fixes", "expected " + expectation + ", got "
                    + status));
        }
        return problems;
    }

    /**
     * Returns the start of a failure's Err with quoted text, ids and numbers blanked, so that one kind of message
     * makes one kind of finding; "" for a 200.
     */
    String errKey(Reply reply) {
        JsonNode body = parse(reply.bodyBytes());
        if (reply.status() == 200 || body == null) {
            return "";
        }
        String key = body.path("Err").asText("").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("[0-9a-fA-F]{6,}", "…").replaceAll("\\d+", "N");
        return " (" + FuzzCase.excerpt(key, 60) + ")";
    }

    /** Returns true when {@code body} is JSON. */
    boolean isJson(byte[] body) {
        return parse(body) != null;
    }

    private @Nullable JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
