package dev.mdnp.inspector.filter;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.MethodGroup;
import dev.mdnp.model.inspect.NameLookup;
import dev.mdnp.model.inspect.RequestFilter;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.InstantSource;
import java.util.function.Predicate;

/**
 * Everything the request log's toolbar filters by: the typed text in the filter language of
 * {@link RequestFilter}, the selected quick-filter preset and whether chatter (the handshake:
 * {@code Plugin.Activate} and {@code *.GetCapabilities}) is hidden.
 *
 * <p>The presets are combined with the parsed filter as predicates, not by pasting text, so a typed {@code OR}
 * keeps its meaning.
 *
 * @param text the filter field's text; blank matches every call
 * @param preset the selected preset
 * @param hideChatter whether handshake calls are hidden
 */
public record FilterInput(String text, QuickFilter preset, boolean hideChatter) {

    /** Validates the components. */
    public FilterInput {
        requireNonNull(text, "text");
        requireNonNull(preset, "preset");
    }

    /**
     * Parses the text and combines it with the presets; {@code since:} terms compare with {@code clock} and Docker's
     * names ({@code net:front}, {@code container:web}) are resolved through {@code names} whenever the predicate is
     * tested.
     */
    public FilterResult parse(InstantSource clock, NameLookup names) {
        RequestFilter typed;
        try {
            typed = RequestFilter.parse(text, clock, names);
        } catch (IllegalArgumentException e) {
            return new FilterResult.Invalid(e.getMessage());
        }
        Predicate<RequestRecord> predicate = preset;
        if (!typed.matchesAll()) {
            predicate = predicate.and(typed);
        }
        if (hideChatter) {
            predicate = predicate.and(record -> MethodGroup.of(record.method()) != MethodGroup.HANDSHAKE);
        }
        return new FilterResult.Valid(predicate);
    }
}
