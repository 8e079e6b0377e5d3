package dev.mdnp.inspector.model;

import java.util.Locale;

/**
 * The families of plugin calls the request log colours and the quick filters offer, decided by the method name.
 */
public enum MethodGroup {
    /** Activation and capability questions: {@code Plugin.Activate}, {@code *.GetCapabilities}. */
    HANDSHAKE,
    /** Network lifecycle: {@code NetworkDriver.CreateNetwork}, {@code DeleteNetwork}, {@code AllocateNetwork}... */
    NETWORK,
    /** Endpoint lifecycle: {@code NetworkDriver.CreateEndpoint}, {@code DeleteEndpoint}, {@code EndpointOperInfo}. */
    ENDPOINT,
    /** A container entering or leaving: {@code Join}, {@code Leave}, external connectivity. */
    JOIN_LEAVE,
    /** Address management: every {@code IpamDriver.*} call but {@code GetCapabilities}. */
    IPAM,
    /** Anything else, such as an unknown path Docker (or a person with curl) sent. */
    OTHER;

    /** Returns the group's name in lower case, {@code _} as {@code -}, such as {@code join-leave}: its style name. */
    public String styleName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the group of {@code method}, such as {@link #JOIN_LEAVE} for {@code NetworkDriver.Join}. */
    public static MethodGroup of(String method) {
        if (method.equals("Plugin.Activate") || method.endsWith(".GetCapabilities")) {
            return HANDSHAKE;
        }
        if (method.startsWith("IpamDriver.")) {
            return IPAM;
        }
        if (!method.startsWith("NetworkDriver.")) {
            return OTHER;
        }
        String call = method.substring("NetworkDriver.".length());
        return switch (call) {
            case "CreateNetwork", "DeleteNetwork", "AllocateNetwork", "FreeNetwork" -> NETWORK;
            case "CreateEndpoint", "DeleteEndpoint", "EndpointOperInfo" -> ENDPOINT;
            case "Join", "Leave", "ProgramExternalConnectivity", "RevokeExternalConnectivity" -> JOIN_LEAVE;
            default -> OTHER;
        };
    }
}
