package dev.mdnp.inspector.filter;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.RequestRecord;
import java.util.function.Predicate;

/** What the filter field's input amounts to: a predicate over calls, or the reason it is not valid. */
public sealed interface FilterResult permits FilterResult.Valid, FilterResult.Invalid {

    /**
     * Valid input.
     *
     * @param predicate the calls to show: the typed filter and the presets, all of them
     */
    record Valid(Predicate<RequestRecord> predicate) implements FilterResult {

        /** Validates the component. */
        public Valid {
            requireNonNull(predicate, "predicate");
        }
    }

    /**
     * Input the filter language refuses; the field shows it rather than ignoring it.
     *
     * @param message the reason, readable, as {@code RequestFilter.parse} words it
     */
    record Invalid(String message) implements FilterResult {

        /** Validates the component. */
        public Invalid {
            requireNonNull(message, "message");
        }
    }
}
