package dev.mdnp.daemon.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.testsupport.JsonObjects;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.model.cnm.OptionKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The plugin calls Docker sends when it creates and removes networks and containers on a network driver that is also
 * the network's IPAM driver, with the bodies of {@code cnm-remote-api.md} §2 and §3, over one keep-alive connection.
 *
 * <p>A call that gets no reply (the daemon died) throws {@link IOException}; a reply other than 200 throws
 * {@link RefusedCallException}: every call the churn sends is valid, so a refusal is a fault of the daemon.
 * Not thread-safe: one instance per thread.
 */
public final class PluginCalls implements AutoCloseable {

    private final UnixHttpClient http;
    private final ObjectMapper json;

    private PluginCalls(UnixHttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** Connects to the plugin socket. */
    public static PluginCalls connect(Path socket, ObjectMapper json) throws IOException {
        return new PluginCalls(UnixHttpClient.connect(socket), json);
    }

    /** A reply other than 200 to a call the daemon should have accepted. */
    public static final class RefusedCallException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RefusedCallException(String call, String body, int status, String reply) {
            super(call + " " + body + " got " + status + " " + reply);
        }
    }

    /** §3.2: returns the local address space. */
    public String localAddressSpace() throws IOException {
        return call("/IpamDriver.GetDefaultAddressSpaces", "").path("LocalDefaultAddressSpace").asText();
    }

    /** §3.3: {@code --subnet SUBNET}; returns the pool id. */
    public String requestPool(String addressSpace, Subnet subnet) throws IOException {
        return call("/IpamDriver.RequestPool", body("AddressSpace", addressSpace, "Pool", subnet.cidr(),
                "SubPool", "", "Options", Map.of(), "V6", false)).path("PoolID").asText();
    }

    /** §3.5: the network's gateway, {@code --gateway ADDRESS} or, with "", the IPAM's choice; returns it bare. */
    public String requestGateway(String poolId, String address) throws IOException {
        return Subnet.bare(call("/IpamDriver.RequestAddress", body("PoolID", poolId, "Address", address,
                "Options", Map.of(OptionKeys.REQUEST_ADDRESS_TYPE, OptionKeys.GATEWAY_ADDRESS_TYPE)))
                .path("Address").asText());
    }

    /** §3.5: a container's address, {@code --ip ADDRESS} or, with "", the IPAM's choice; returns it bare. */
    public String requestAddress(String poolId, String address) throws IOException {
        return Subnet.bare(call("/IpamDriver.RequestAddress", body("PoolID", poolId, "Address", address,
                "Options", null)).path("Address").asText());
    }

    /** §3.6. */
    public void releaseAddress(String poolId, String address) throws IOException {
        call("/IpamDriver.ReleaseAddress", body("PoolID", poolId, "Address", address));
    }

    /** §3.4. */
    public void releasePool(String poolId) throws IOException {
        call("/IpamDriver.ReleasePool", body("PoolID", poolId));
    }

    /** §2.2, IPv4 only, no options: {@code docker network create -d mdnp --ipam-driver mdnp --subnet …}. */
    public void createNetwork(String networkId, String addressSpace, Subnet subnet, String gateway)
            throws IOException {
        call("/NetworkDriver.CreateNetwork", body("NetworkID", networkId,
                "Options", Map.of(OptionKeys.ENABLE_IPV6, false, OptionKeys.GENERIC, Map.of()),
                "IPv4Data", List.of(Map.of("AddressSpace", addressSpace, "Gateway", subnet.withPrefix(gateway),
                        "Pool", subnet.cidr())),
                "IPv6Data", List.of()));
    }

    /** §2.3. */
    public void deleteNetwork(String networkId) throws IOException {
        call("/NetworkDriver.DeleteNetwork", body("NetworkID", networkId));
    }

    /** §2.5, with the address Docker got from the IPAM and no MAC (mdnp's IPAM does not ask for one). */
    public void createEndpoint(String networkId, String endpointId, String addressCidr) throws IOException {
        call("/NetworkDriver.CreateEndpoint", body("NetworkID", networkId, "EndpointID", endpointId,
                "Interface", Map.of("Address", addressCidr, "AddressIPv6", "", "MacAddress", ""),
                "Options", Map.of(OptionKeys.EXPOSED_PORTS, List.of(), OptionKeys.PORT_MAP, List.of())));
    }

    /** §2.6, for a new container: the sandbox does not exist yet. */
    public void join(String networkId, String endpointId) throws IOException {
        call("/NetworkDriver.Join", body("NetworkID", networkId, "EndpointID", endpointId,
                "SandboxKey", "/var/run/docker/netns/" + endpointId.substring(0, 12),
                "Options", Map.of(OptionKeys.EXPOSED_PORTS, List.of(), OptionKeys.PORT_MAP, List.of())));
    }

    /** §2.7. */
    public void leave(String networkId, String endpointId) throws IOException {
        call("/NetworkDriver.Leave", body("NetworkID", networkId, "EndpointID", endpointId));
    }

    /** §2.8. */
    public void deleteEndpoint(String networkId, String endpointId) throws IOException {
        call("/NetworkDriver.DeleteEndpoint", body("NetworkID", networkId, "EndpointID", endpointId));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private JsonNode call(String path, String body) throws IOException {
        UnixHttpClient.Reply reply = http.post(path, body);
        if (reply.status() != 200) {
            throw new RefusedCallException(path, body, reply.status(), reply.body());
        }
        return json.readTree(reply.body());
    }

    private String body(Object... namesAndValues) {
        return JsonObjects.of(json, namesAndValues);
    }
}
