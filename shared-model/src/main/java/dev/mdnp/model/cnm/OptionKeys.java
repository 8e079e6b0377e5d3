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

    /** The prefix of the built-in bridge driver's keys, which mdnp accepts under the same names (bridge-parity.md §6). */
    public static final String BRIDGE_PREFIX = DOCKER_PREFIX + ".bridge";

    /** Inside {@link #GENERIC}: the network's bridge name, as for {@code -d bridge}. */
    public static final String BRIDGE_NAME = BRIDGE_PREFIX + ".name";

    /** Inside {@link #GENERIC}: a boolean, whether containers on the network reach each other (default true). */
    public static final String ENABLE_ICC = BRIDGE_PREFIX + ".enable_icc";

    /** Inside {@link #GENERIC}: a boolean, whether egress is masqueraded (default true). */
    public static final String ENABLE_IP_MASQUERADE = BRIDGE_PREFIX + ".enable_ip_masquerade";

    /** Inside {@link #GENERIC}: the host address {@code -p} publishes on when it names none (default every one). */
    public static final String HOST_BINDING_IPV4 = BRIDGE_PREFIX + ".host_binding_ipv4";

    /** Inside {@link #GENERIC}: {@code nat} (default) or {@code routed}, how IPv4 leaves the host (Docker 27.1+). */
    public static final String GATEWAY_MODE_IPV4 = BRIDGE_PREFIX + ".gateway_mode_ipv4";

    /** Inside {@link #GENERIC}: {@code nat} (default) or {@code routed}, how IPv6 leaves the host (Docker 27.1+). */
    public static final String GATEWAY_MODE_IPV6 = BRIDGE_PREFIX + ".gateway_mode_ipv6";

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

    /** Inside {@link #GENERIC}: mdnp's older name for {@link #BRIDGE_NAME}, still accepted. */
    public static final String MDNP_BRIDGE_NAME = MDNP_PREFIX + ".bridge.name";

    private OptionKeys() {
    }
}
