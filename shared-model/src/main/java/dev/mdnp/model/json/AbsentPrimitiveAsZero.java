package dev.mdnp.model.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.lang.reflect.Array;

/**
 * Decodes an absent primitive member ({@code int}, {@code boolean}) as its zero value, as Go does, while an
 * explicit {@code null} still fails under {@code FAIL_ON_NULL_FOR_PRIMITIVES} ({@code cnm-remote-api.md} §0).
 *
 * <p>Jackson 2.21 asks a deserializer for the value of a missing creator property through
 * {@link JsonDeserializer#getAbsentValue}, which for primitives falls back to {@code getNullValue} and so fails
 * whenever {@code FAIL_ON_NULL_FOR_PRIMITIVES} is on. Records are built through their canonical constructor, so
 * without this a body without {@code "DisableGatewayService"} (which {@code JoinResponse} itself omits when
 * {@code false}) could not be read.
 */
final class AbsentPrimitiveAsZero extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyDeserializer(
            DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        return type.isPrimitive() ? new ZeroWhenAbsent(deserializer, type) : deserializer;
    }

    /** Delegates everything to the stock deserializer except the value of an absent member. */
    private static final class ZeroWhenAbsent extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        private final Class<?> type;

        ZeroWhenAbsent(JsonDeserializer<?> delegatee, Class<?> type) {
            super(delegatee);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ZeroWhenAbsent(newDelegatee, type);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            // A fresh one-element primitive array holds the type's zero value (0, false, '\0').
            return Array.get(Array.newInstance(type, 1), 0);
        }
    }
}
