package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mdnp.model.cnm.ErrorResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decodes request bodies and encodes replies with the shared ObjectMapper, turning decoding problems into
 * {@link BadRequestException}s whose message names the field and the problem.
 *
 * <p>Thread-safe: ObjectMapper is, once configured.
 */
final class JsonCodec {

    /** The media type Docker's plugin client sends in Accept; it does not check the reply's type (§1.3). */
    static final String CONTENT_TYPE = "application/vnd.docker.plugins.v1.2+json";

    private final ObjectMapper mapper;

    JsonCodec(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** Parses a body; an empty body means "no arguments" (§1.3) and reads as an empty object. */
    JsonNode parse(byte[] body) {
        if (isBlank(body)) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("malformed JSON: " + originalMessage(e), e);
        }
        if (!(node instanceof ObjectNode)) {
            throw new BadRequestException("request body must be a JSON object, got " + node.getNodeType(), null);
        }
        requireUnicode(node, "");
        return node;
    }

    /** Converts a parsed body to the record the method takes. */
    <T> T convert(JsonNode body, Class<T> type) {
        try {
            return mapper.treeToValue(body, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BadRequestException("invalid " + type.getSimpleName() + ": " + cause.getMessage(), e);
        } catch (MismatchedInputException e) {
            throw new BadRequestException("wrong type" + fieldPath(e) + ": " + originalMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("invalid " + type.getSimpleName() + ": " + originalMessage(e), e);
        }
    }

    /** Encodes a reply. */
    ByteBuffer encode(Object reply) {
        try {
            return ByteBuffer.wrap(mapper.writeValueAsBytes(reply));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + reply.getClass().getSimpleName(), e);
        }
    }

    /** Encodes {@code {"Err": message}}. */
    ByteBuffer errorBody(String message) {
        return encode(new ErrorResponse(message));
    }

    /**
     * Refuses a member name or string with an unpaired surrogate: an escaped one ({@code "\\ud800"}) or one Jackson
     * made of a UTF-8 sequence beyond U+10FFFF. Go's encoding/json, which writes Docker's bodies, never produces one;
     * such a string cannot be stored as it is (SQLite writes "?" for it) nor always read back.
     */
    private static void requireUnicode(JsonNode node, String path) {
        if (node.isTextual()) {
            requireUnicode(node.textValue(), "the value at " + path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                requireUnicode(member.getKey(), path.isEmpty() ? "a member name" : "a member name in " + path);
                requireUnicode(member.getValue(), path.isEmpty() ? member.getKey() : path + "." + member.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireUnicode(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void requireUnicode(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BadRequestException("malformed JSON: " + CallTrace.cut(where, 200)
                        + " is not valid Unicode (an unpaired surrogate \\u" + Integer.toHexString(c) + ")", null);
            }
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String fieldPath(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return "";
        }
        return " at " + e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String originalMessage(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
