package dev.mdnp.model.inspect;

/**
 * Docker's names for the ids in recorded calls, as far as they are known: what lets a person filter and group calls
 * by {@code front} and {@code web} instead of by ids.
 */
public interface NameLookup {

    /** Knows no names. */
    NameLookup NONE = new NameLookup() {
        @Override
        public String networkName(String networkId) {
            return "";
        }

        @Override
        public ContainerRef containerOf(String endpointId) {
            return ContainerRef.UNKNOWN;
        }
    };

    /** Returns Docker's name of the network {@code networkId}, {@code ""} when unknown. */
    String networkName(String networkId);

    /** Returns the container the endpoint {@code endpointId} belongs to, {@link ContainerRef#UNKNOWN} when unknown. */
    ContainerRef containerOf(String endpointId);
}
