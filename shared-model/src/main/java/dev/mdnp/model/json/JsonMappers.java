package dev.mdnp.model.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;

/**
 * Builds the one Jackson configuration used for Docker's plugin protocol ({@code cnm-remote-api.md} §0, §1.3).
 *
 * <p>The configuration follows Go's {@code encoding/json}, which produces every body Docker sends and reads every
 * body we answer:
 * <ul>
 *   <li>unknown properties are ignored, because newer engines add fields and option keys (§1.3, §8);</li>
 *   <li>a JSON {@code null} for a primitive ({@code int}, {@code boolean}) fails, while an absent primitive member
 *       decodes as {@code 0} / {@code false}, Go's zero value;</li>
 *   <li>scalars are never coerced: a number or boolean where a string is expected, a string where a boolean or a
 *       number is expected, and a fraction where an integer is expected all fail with a
 *       {@link com.fasterxml.jackson.databind.exc.MismatchedInputException};</li>
 *   <li>anything but whitespace after the document fails (Docker ends each body with a newline, §0).</li>
 * </ul>
 * An empty body means "no arguments" (§1.3); callers handle it before calling the mapper, which would fail on it.
 *
 * <p>Error wording is left to callers. This class holds no state; each mapper it returns is independent.
 */
public final class JsonMappers {

    private JsonMappers() {
    }

    /**
     * Creates a new, fully configured mapper; each call returns a fresh instance, so no mapper is ever shared
     * through static state (style guide §2.3).
     *
     * <p>The returned mapper is thread-safe once configured, as every Jackson {@code ObjectMapper} is; callers must
     * not reconfigure it after handing it to other threads.
     *
     * @return a new mapper with the configuration described on this class
     */
    public static ObjectMapper create() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Instants of the introspection records as ISO-8601 text, which people and jq read.
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Written for every recorded call, once per event stream: without reflection or the formatter's garbage.
                .addModule(new SimpleModule("mdnp-request-records")
                        .addSerializer(Instant.class, new IsoInstantSerializer())
                        .addSerializer(RequestRecord.class, new RequestRecordSerializer()))
                .addModule(new SimpleModule("mdnp-absent-primitives")
                        .setDeserializerModifier(new AbsentPrimitiveAsZero()))
                .build();
        // Go's encoding/json refuses every one of these conversions; so do we.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }
}
