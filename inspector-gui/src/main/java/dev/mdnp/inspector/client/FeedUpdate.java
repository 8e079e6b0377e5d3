package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.RequestRecord;

/**
 * One thing a {@link Feed} reports to the inspector, from the feed's own thread: the store queues these and applies
 * them on the FX thread in batches.
 */
public sealed interface FeedUpdate {

    /**
     * The connection to the source changed.
     *
     * @param state where it stands now
     */
    record Connection(ConnectionState state) implements FeedUpdate {

        /** Validates the component. */
        public Connection {
            requireNonNull(state, "state");
        }
    }

    /**
     * A fresh reading of the daemon's objects, replacing the previous one.
     *
     * @param objects what the daemon holds now
     */
    record Objects(DaemonObjects objects) implements FeedUpdate {

        /** Validates the component. */
        public Objects {
            requireNonNull(objects, "objects");
        }
    }

    /**
     * A plugin call was recorded.
     *
     * @param record the call
     */
    record Request(RequestRecord record) implements FeedUpdate {

        /** Validates the component. */
        public Request {
            requireNonNull(record, "record");
        }
    }

    /**
     * A replay went back: the calls reported so far are withdrawn, and the calls that follow are the log from its
     * start (then the objects as they stood after them).
     */
    record Rewound() implements FeedUpdate {
    }

    /**
     * The daemon put back firewall rules that something else had removed (drift). Each repair is reported once; one
     * the inspector learns of only on (re)connecting may come after a newer one.
     *
     * @param repair what was repaired, and when
     */
    record FirewallRepair(FirewallRepairView repair) implements FeedUpdate {

        /** Validates the component. */
        public FirewallRepair {
            requireNonNull(repair, "repair");
        }
    }

    /**
     * Calls were missed: the daemon no longer kept them (the inspector read too slowly or reconnected too late), or
     * the daemon restarted and numbers its calls from 1 again.
     *
     * @param lastSeen the number of the last event the feed saw before the gap
     * @param firstKept the first event number the daemon still keeps
     */
    record Gap(long lastSeen, long firstKept) implements FeedUpdate {

        /** Returns whether the daemon numbers from the start again, as after a restart. */
        public boolean restarted() {
            return firstKept <= lastSeen;
        }
    }
}
