package dev.mdnp.model.inspect;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One event of {@code /v1/events}: a recorded call, a state change, a kernel link change, a repair of mdnp's firewall
 * rules, or the notice that events were lost. Every event has the next number of one sequence, sent as the SSE {@code id}; a client resumes
 * after the last id it saw ({@code Last-Event-ID} or {@code ?after=}). In JSON, {@code type} names the kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = InspectEvent.Request.class, name = "request"),
    @JsonSubTypes.Type(value = InspectEvent.StateChange.class, name = "state"),
    @JsonSubTypes.Type(value = InspectEvent.LinkChange.class, name = "link"),
    @JsonSubTypes.Type(value = InspectEvent.FirewallRepaired.class, name = "firewall"),
    @JsonSubTypes.Type(value = InspectEvent.Lost.class, name = "lost")
})
public sealed interface InspectEvent {

    /** Returns the event's sequence number, from 1. */
    long seq();

    /**
     * A plugin call was recorded.
     *
     * @param seq the event's number
     * @param record the call
     */
    record Request(long seq, RequestRecord record) implements InspectEvent {
    }

    /**
     * mdnp's state changed.
     *
     * @param seq the event's number
     * @param change what happened, such as {@code network-created}, {@code endpoint-joined}, {@code endpoint-deleted}
     * @param id the network's or endpoint's id
     */
    record StateChange(long seq, String change, String id) implements InspectEvent {
    }

    /**
     * The kernel reported a change of one of mdnp's links.
     *
     * @param seq the event's number
     * @param change {@code added}, {@code changed} or {@code removed}
     * @param link the link as the kernel reported it
     */
    record LinkChange(long seq, String change, LinkView link) implements InspectEvent {
    }

    /**
     * mdnp put back firewall rules that something else had removed or moved (drift).
     *
     * @param seq the event's number
     * @param repair what was repaired, and when
     */
    record FirewallRepaired(long seq, FirewallRepairView repair) implements InspectEvent {
    }

    /**
     * Events the client asked for are no longer kept: it resumed too late or read too slowly.
     *
     * @param seq the event's number
     * @param firstKept the first event number still kept; the client should reload its snapshots
     */
    record Lost(long seq, long firstKept) implements InspectEvent {
    }
}
