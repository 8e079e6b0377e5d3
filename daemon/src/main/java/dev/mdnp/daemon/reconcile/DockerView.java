package dev.mdnp.daemon.reconcile;

import dev.mdnp.daemon.dockerapi.DockerIpamNetwork;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import java.util.List;

/** What the collector asks Docker: the networks of one driver, with their endpoints, and those of one IPAM driver. */
public interface DockerView {

    /**
     * Returns every network Docker holds whose driver is {@code driverName}, with the endpoints on it.
     *
     * @throws dev.mdnp.daemon.dockerapi.DockerEngineException when Docker cannot be asked
     */
    List<DockerNetwork> networksOfDriver(String driverName);

    /**
     * Returns every network Docker holds whose IPAM driver is {@code ipamDriver}, whatever its driver, with the pools
     * it holds and the addresses it uses.
     *
     * @throws dev.mdnp.daemon.dockerapi.DockerEngineException when Docker cannot be asked
     */
    List<DockerIpamNetwork> networksOfIpamDriver(String ipamDriver);
}
