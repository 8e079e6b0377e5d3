package dev.mdnp.model.cnm;

/**
 * The reply of every call that returns nothing, on both the NetworkDriver and the IpamDriver interface, encoded as
 * {@code {}} ({@code cnm-remote-api.md} §1.3): {@code CreateNetwork}, {@code DeleteNetwork}, {@code FreeNetwork},
 * {@code DeleteEndpoint}, {@code Leave}, {@code ProgramExternalConnectivity}, {@code RevokeExternalConnectivity},
 * {@code DiscoverNew}, {@code DiscoverDelete} (§2) and {@code ReleasePool}, {@code ReleaseAddress} (§3).
 */
public record EmptyResponse() {

    /** The one value there is; any instance equals it. */
    public static final EmptyResponse EMPTY = new EmptyResponse();
}
