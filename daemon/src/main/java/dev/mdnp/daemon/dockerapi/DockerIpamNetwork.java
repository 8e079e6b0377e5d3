package dev.mdnp.daemon.dockerapi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A network whose IPAM driver is a given plugin, as the Docker engine knows it, whatever its network driver: the
 * pools it holds and the addresses of them it uses. Addresses are bare ({@code 10.0.0.2}), as Docker writes them.
 *
 * @param id the full network id
 * @param driver its network driver
 * @param subnets the subnets of its IPAM config ({@code IPAM.Config[].Subnet}), in CIDR form
 * @param gateways the gateways its IPAM config names ({@code IPAM.Config[].Gateway}); none when Docker shows none,
 *     as for a gateway the IPAM chose
 * @param auxAddresses the auxiliary addresses its IPAM config names ({@code IPAM.Config[].AuxiliaryAddresses})
 * @param endpointAddresses the IPv4 and IPv6 addresses of the endpoints Docker holds on it ({@code Containers})
 */
public record DockerIpamNetwork(String id, String driver, List<String> subnets, List<String> gateways,
        List<String> auxAddresses, List<String> endpointAddresses) {

    /** Checks the components and copies the lists. */
    public DockerIpamNetwork {
        requireNonNull(id, "id");
        requireNonNull(driver, "driver");
        subnets = List.copyOf(subnets);
        gateways = List.copyOf(gateways);
        auxAddresses = List.copyOf(auxAddresses);
        endpointAddresses = List.copyOf(endpointAddresses);
    }
}
