package dev.mdnp.inspector.filter;

import dev.mdnp.inspector.model.MethodGroup;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.function.Predicate;

/** The request log's quick-filter presets, one of which is always selected beside the typed filter. */
public enum QuickFilter implements Predicate<RequestRecord> {
    /** Every call. */
    ALL("All", record -> true),
    /** Network lifecycle calls ({@link MethodGroup#NETWORK}). */
    NETWORK("Network", inGroup(MethodGroup.NETWORK)),
    /** Endpoint lifecycle calls ({@link MethodGroup#ENDPOINT}). */
    ENDPOINT("Endpoint", inGroup(MethodGroup.ENDPOINT)),
    /** Containers joining and leaving ({@link MethodGroup#JOIN_LEAVE}). */
    JOIN_LEAVE("Join/Leave", inGroup(MethodGroup.JOIN_LEAVE)),
    /** Address management ({@link MethodGroup#IPAM}). */
    IPAM("IPAM", inGroup(MethodGroup.IPAM)),
    /** Calls that failed (a status other than 2xx). */
    ERRORS("Errors", record -> !record.ok());

    private final String label;
    private final Predicate<RequestRecord> matches;

    QuickFilter(String label, Predicate<RequestRecord> matches) {
        this.label = label;
        this.matches = matches;
    }

    /** Returns the text of this preset's button. */
    public String label() {
        return label;
    }

    /** Returns whether {@code record} belongs to this preset. */
    @Override
    public boolean test(RequestRecord record) {
        return matches.test(record);
    }

    private static Predicate<RequestRecord> inGroup(MethodGroup group) {
        return record -> MethodGroup.of(record.method()) == group;
    }
}
