package dev.mdnp.model.cnm;

/**
 * Every option key of Docker's protocol ({@code cnm-remote-api.md} §4) and of mdnp itself; no other class spells
 * one out.
 *
 * <p>Docker's keys are built from {@link #DOCKER_PREFIX} and mdnp's from {@link #MDNP_PREFIX}, as libnetwork's
 * {@code netlabel/labels.go} builds its keys from one prefix.
 */
public final class OptionKeys {

    /** The prefix of Docker's own option keys (§4). */
    public static final String DOCKER_PREFIX = "com.docker.network";

    /**
     * {@code CreateNetwork.Options}: the string-to-string map of {@code docker network create -o k=v}; for a swarm
     * network, the options returned by {@code AllocateNetwork} (§2.2, §2.4, §4).
     */
    public static final String GENERIC = DOCKER_PREFIX + ".generic";

    /** {@code CreateNetwork.Options}: boolean, {@code --ipv6}; always present (§4). */
    public static final String ENABLE_IPV6 = DOCKER_PREFIX + ".enable_ipv6";

    /** {@code CreateNetwork.Options}: boolean {@code true}, present only with {@code --internal} (§4). */
    public static final String INTERNAL = DOCKER_PREFIX + ".internal";

    /** Inside {@link #GENERIC}: the MTU as a string; Docker does not act on it for a remote driver (§2.2, §4). */
    public static final String MTU = DOCKER_PREFIX + ".driver.mtu";

    /** Inside {@link #GENERIC}: the in-container interface name prefix, which a driver may return as
     * {@code DstPrefix} (§4). */
    public static final String CONTAINER_IFACE_PREFIX = DOCKER_PREFIX + ".container_iface_prefix";

    /**
     * {@code CreateEndpoint}, {@code Join} and {@code ProgramExternalConnectivity} options: an array of
     * {@code {"Proto": int, "Port": int}} (§4).
     */
    public static final String EXPOSED_PORTS = DOCKER_PREFIX + ".endpoint.exposedports";

    /**
     * {@code CreateEndpoint}, {@code Join} and {@code ProgramExternalConnectivity} options: an array of
     * {@code {"Proto", "IP", "Port", "HostIP", "HostPort", "HostPortEnd"}} (§4).
     */
    public static final String PORT_MAP = DOCKER_PREFIX + ".portmap";

    /** {@code CreateEndpoint.Options}: an array of DNS server strings from {@code --dns} (§4). */
    public static final String DNS_SERVERS = DOCKER_PREFIX + ".endpoint.dnsservers";

    /**
     * The endpoint's MAC address: base64 of the six bytes in {@code CreateEndpoint.Options} (only when the user fixed
     * the MAC), colon form in IPAM {@code RequestAddress.Options} (only with {@code RequiresMACAddress}) (§4).
     */
    public static final String ENDPOINT_MAC_ADDRESS = DOCKER_PREFIX + ".endpoint.macaddress";

    /** IPAM {@code RequestAddress.Options}: the key whose value {@link #GATEWAY_ADDRESS_TYPE} marks a gateway
     * request (§3.5, §4). It has no prefix on the wire. */
    public static final String REQUEST_ADDRESS_TYPE = "RequestAddressType";

    /**
     * The value of {@link #REQUEST_ADDRESS_TYPE} for a gateway request, and the key in a {@code RequestPool}
     * response's {@code Data} whose CIDR value tells Docker the gateway (§3.3, §3.5, §4).
     */
    public static final String GATEWAY_ADDRESS_TYPE = DOCKER_PREFIX + ".gateway";

    /** {@code ProgramExternalConnectivity.Options}: boolean; newer engines only (§4, §8). */
    public static final String NO_PROXY_6TO4 = DOCKER_PREFIX + ".endpoint.noproxy6to4";

    /** The prefix of mdnp's own option keys, passed by users inside {@link #GENERIC}. */
    public static final String MDNP_PREFIX = "dev.mdnp";

    /** Inside {@link #GENERIC}: the name of the network's bridge, instead of the one mdnp derives. */
    public static final String BRIDGE_NAME = MDNP_PREFIX + ".bridge.name";

    private OptionKeys() {
    }
}
