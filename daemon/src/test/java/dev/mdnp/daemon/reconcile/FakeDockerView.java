package dev.mdnp.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.dockerapi.DockerIpamNetwork;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import java.util.ArrayList;
import java.util.List;

/** A Docker whose networks the test sets: of mdnp's driver, and of mdnp's IPAM. Asked for one plugin name only. */
final class FakeDockerView implements DockerView {

    private final String plugin;
    private final List<DockerNetwork> networks = new ArrayList<>();
    private final List<DockerIpamNetwork> ipamNetworks = new ArrayList<>();

    FakeDockerView(String plugin) {
        this.plugin = plugin;
    }

    /** The networks of the driver it answers, for the test to change. */
    List<DockerNetwork> networks() {
        return networks;
    }

    /** The networks of the IPAM driver it answers, for the test to change. */
    List<DockerIpamNetwork> ipamNetworks() {
        return ipamNetworks;
    }

    @Override
    public List<DockerNetwork> networksOfDriver(String driverName) {
        assertThat(driverName).isEqualTo(plugin);
        return List.copyOf(networks);
    }

    @Override
    public List<DockerIpamNetwork> networksOfIpamDriver(String ipamDriver) {
        assertThat(ipamDriver).isEqualTo(plugin);
        return List.copyOf(ipamNetworks);
    }
}
