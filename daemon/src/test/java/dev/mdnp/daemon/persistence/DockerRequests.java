package dev.mdnp.daemon.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestPoolRequest;
import java.io.UncheckedIOException;

/**
 * The requests of the persistence tests, decoded from JSON as Docker sends it (cnm-remote-api.md §2, §3) with the
 * mapper the API decodes with, so that what the journals store is what a real call would have stored.
 */
final class DockerRequests {

    private final ObjectMapper mapper;

    DockerRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    RequestPoolRequest requestPool(String pool, String subPool, boolean v6) {
        return decode("""
                {"AddressSpace":"MdnpLocal","Pool":"%s","SubPool":"%s","Options":{"dev.example.ipam":"on"},"V6":%s}
                """.formatted(pool, subPool, v6), RequestPoolRequest.class);
    }

    RequestAddressRequest requestGateway(String poolId) {
        return decode("""
                {"PoolID":"%s","Address":"","Options":{"RequestAddressType":"com.docker.network.gateway"}}
                """.formatted(poolId), RequestAddressRequest.class);
    }

    /** A container's address: the next free one when {@code address} is "", else that one ({@code --ip}). */
    RequestAddressRequest requestAddress(String poolId, String address) {
        return decode("""
                {"PoolID":"%s","Address":"%s","Options":null}
                """.formatted(poolId, address), RequestAddressRequest.class);
    }

    ReleaseAddressRequest releaseAddress(String poolId, String address) {
        return decode("""
                {"PoolID":"%s","Address":"%s"}
                """.formatted(poolId, address), ReleaseAddressRequest.class);
    }

    ReleasePoolRequest releasePool(String poolId) {
        return decode("""
                {"PoolID":"%s"}
                """.formatted(poolId), ReleasePoolRequest.class);
    }

    /** A dual-stack network with an MTU and a user's {@code -o} option, as {@code docker network create} sends it. */
    CreateNetworkRequest createNetwork(String networkId, String v4Pool, String v4Gateway, String v6Pool,
            String v6Gateway) {
        return decode("""
                {"NetworkID":"%s",
                 "Options":{"com.docker.network.enable_ipv6":true,
                            "com.docker.network.generic":{"com.docker.network.driver.mtu":"1400",
                                                          "dev.example.owner":"team-a"}},
                 "IPv4Data":[{"AddressSpace":"MdnpLocal","Pool":"%s","Gateway":"%s",
                              "AuxAddresses":{"router":"10.88.5.2/16"}}],
                 "IPv6Data":[{"AddressSpace":"MdnpLocal","Pool":"%s","Gateway":"%s"}]}
                """.formatted(networkId, v4Pool, v4Gateway, v6Pool, v6Gateway), CreateNetworkRequest.class);
    }

    /** An IPv4-only network without options. */
    CreateNetworkRequest createNetwork(String networkId, String v4Pool, String v4Gateway) {
        return decode("""
                {"NetworkID":"%s","Options":{"com.docker.network.generic":{}},
                 "IPv4Data":[{"AddressSpace":"MdnpLocal","Pool":"%s","Gateway":"%s"}],"IPv6Data":[]}
                """.formatted(networkId, v4Pool, v4Gateway), CreateNetworkRequest.class);
    }

    CreateEndpointRequest createEndpoint(String networkId, String endpointId, String address, String addressV6,
            String mac) {
        return decode("""
                {"NetworkID":"%s","EndpointID":"%s",
                 "Interface":{"Address":"%s","AddressIPv6":"%s","MacAddress":"%s"},
                 "Options":{"com.docker.network.endpoint.exposedports":[{"Proto":6,"Port":80}],
                            "com.docker.network.portmap":[]}}
                """.formatted(networkId, endpointId, address, addressV6, mac), CreateEndpointRequest.class);
    }

    JoinRequest join(String networkId, String endpointId, String sandboxKey) {
        return decode("""
                {"NetworkID":"%s","EndpointID":"%s","SandboxKey":"%s","Options":{}}
                """.formatted(networkId, endpointId, sandboxKey), JoinRequest.class);
    }

    LeaveRequest leave(String networkId, String endpointId) {
        return decode("""
                {"NetworkID":"%s","EndpointID":"%s"}
                """.formatted(networkId, endpointId), LeaveRequest.class);
    }

    /**
     * What {@code docker run -p 8080:80 -p 127.0.0.1:5353:53/udp -p 443} sends after Join (cnm-remote-api.md §2.10):
     * a tcp port on every address, a udp port on loopback, and a tcp port on a host port mdnp chooses.
     */
    ProgramExternalConnectivityRequest programExternalConnectivity(String networkId, String endpointId) {
        return decode("""
                {"NetworkID":"%s","EndpointID":"%s",
                 "Options":{"com.docker.network.endpoint.exposedports":[{"Proto":6,"Port":80},{"Proto":17,"Port":53},
                                                                       {"Proto":6,"Port":443}],
                            "com.docker.network.portmap":[
                              {"Proto":6,"IP":"","Port":80,"HostIP":"","HostPort":8080,"HostPortEnd":8080},
                              {"Proto":17,"IP":"","Port":53,"HostIP":"127.0.0.1","HostPort":5353,"HostPortEnd":5353},
                              {"Proto":6,"IP":"","Port":443,"HostIP":"","HostPort":0,"HostPortEnd":0}]}}
                """.formatted(networkId, endpointId), ProgramExternalConnectivityRequest.class);
    }

    RevokeExternalConnectivityRequest revokeExternalConnectivity(String networkId, String endpointId) {
        return decode("""
                {"NetworkID":"%s","EndpointID":"%s"}
                """.formatted(networkId, endpointId), RevokeExternalConnectivityRequest.class);
    }

    DeleteEndpointRequest deleteEndpoint(String networkId, String endpointId) {
        return decode("""
                {"NetworkID":"%s","EndpointID":"%s"}
                """.formatted(networkId, endpointId), DeleteEndpointRequest.class);
    }

    DeleteNetworkRequest deleteNetwork(String networkId) {
        return decode("""
                {"NetworkID":"%s"}
                """.formatted(networkId), DeleteNetworkRequest.class);
    }

    private <T> T decode(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
