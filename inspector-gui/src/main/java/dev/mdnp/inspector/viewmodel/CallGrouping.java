package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.model.CallContext;

/** How the request log groups calls: not at all, by the container they served, or by their network. */
public enum CallGrouping {
    /** One list in the table's order. */
    NONE("None", "") {
        @Override
        String key(CallContext context) {
            return "";
        }
    },
    /** By container (Docker's name, else the endpoint's short id): what one {@code docker run} or {@code rm} did. */
    CONTAINER("Container", "no container") {
        @Override
        String key(CallContext context) {
            return context.containerLabel();
        }
    },
    /** By network (Docker's name, else the short id), IPAM calls by the network of their pool. */
    NETWORK("Network", "no network") {
        @Override
        String key(CallContext context) {
            return context.networkLabel();
        }
    };

    private final String label;
    private final String ungrouped;

    CallGrouping(String label, String ungrouped) {
        this.label = label;
        this.ungrouped = ungrouped;
    }

    /** Returns the name a toggle shows, such as {@code Container}. */
    public String label() {
        return label;
    }

    /** Returns what the group of calls without a container or network is called, such as {@code no container}. */
    String ungroupedTitle() {
        return ungrouped;
    }

    /** Returns the group of a call in {@code context}, {@code ""} for the calls without one. */
    abstract String key(CallContext context);
}
