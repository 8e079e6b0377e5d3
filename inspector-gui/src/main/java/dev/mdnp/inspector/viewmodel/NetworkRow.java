package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.AddressUse;
import dev.mdnp.model.inspect.Drift;
import org.jspecify.annotations.Nullable;

/**
 * One row of the networks table.
 *
 * @param id Docker's network id
 * @param name Docker's name of the network, {@code ""} while unknown
 * @param bridge the bridge's name
 * @param subnets the subnets, IPv4 first, comma-separated
 * @param gateways the gateways, comma-separated
 * @param mtu the MTU, 0 for the kernel's default
 * @param options the generic options as {@code key=value} pairs, sorted by key, comma-separated
 * @param endpoints how many endpoints the network has
 * @param addresses used and free addresses of its mdnp IPAM pools; null when its addresses come from elsewhere
 * @param drift whether state and kernel agree about the bridge
 * @param driftNote what the drift means, {@code ""} when none
 */
public record NetworkRow(String id, String name, String bridge, String subnets, String gateways, int mtu, String options,
        int endpoints, @Nullable AddressUse addresses, Drift drift, String driftNote) implements IdentifiedRow {

    /** Validates the components. */
    public NetworkRow {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(bridge, "bridge");
        requireNonNull(subnets, "subnets");
        requireNonNull(gateways, "gateways");
        requireNonNull(options, "options");
        requireNonNull(drift, "drift");
        requireNonNull(driftNote, "driftNote");
    }

    /** Returns Docker's name, else the short id: what a person knows the network by. */
    public String displayName() {
        return name.isEmpty() ? shortId() : name;
    }

    /** Returns the MTU as the tables show it: {@code default} for 0, the kernel's default. */
    public String mtuText() {
        return mtuText(mtu);
    }

    /** Returns {@code mtu} as every view shows it: {@code default} for 0, the kernel's default, else the number. */
    public static String mtuText(int mtu) {
        return mtu == 0 ? "default" : Integer.toString(mtu);
    }
}
