package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins every key to its spelling in {@code cnm-remote-api.md} §4; a typo here would silently drop an option. */
class OptionKeysTest {

    @Test
    void dockerKeysAreSpelledAsInTheSpec() {
        assertThat(OptionKeys.GENERIC).isEqualTo("com.docker.network.generic");
        assertThat(OptionKeys.ENABLE_IPV6).isEqualTo("com.docker.network.enable_ipv6");
        assertThat(OptionKeys.INTERNAL).isEqualTo("com.docker.network.internal");
        assertThat(OptionKeys.MTU).isEqualTo("com.docker.network.driver.mtu");
        assertThat(OptionKeys.CONTAINER_IFACE_PREFIX).isEqualTo("com.docker.network.container_iface_prefix");
        assertThat(OptionKeys.EXPOSED_PORTS).isEqualTo("com.docker.network.endpoint.exposedports");
        assertThat(OptionKeys.PORT_MAP).isEqualTo("com.docker.network.portmap");
        assertThat(OptionKeys.DNS_SERVERS).isEqualTo("com.docker.network.endpoint.dnsservers");
        assertThat(OptionKeys.ENDPOINT_MAC_ADDRESS).isEqualTo("com.docker.network.endpoint.macaddress");
        assertThat(OptionKeys.REQUEST_ADDRESS_TYPE).isEqualTo("RequestAddressType");
        assertThat(OptionKeys.GATEWAY_ADDRESS_TYPE).isEqualTo("com.docker.network.gateway");
        assertThat(OptionKeys.NO_PROXY_6TO4).isEqualTo("com.docker.network.endpoint.noproxy6to4");
    }

    @Test
    void mdnpKeysUseTheMdnpPrefix() {
        assertThat(OptionKeys.MDNP_BRIDGE_NAME).isEqualTo("dev.mdnp.bridge.name");
    }

    @Test
    void theBridgeDriversKeysAreSpelledAsDockersBuiltInDriverSpellsThem() {
        assertThat(OptionKeys.BRIDGE_NAME).isEqualTo("com.docker.network.bridge.name");
        assertThat(OptionKeys.ENABLE_ICC).isEqualTo("com.docker.network.bridge.enable_icc");
        assertThat(OptionKeys.ENABLE_IP_MASQUERADE).isEqualTo("com.docker.network.bridge.enable_ip_masquerade");
        assertThat(OptionKeys.HOST_BINDING_IPV4).isEqualTo("com.docker.network.bridge.host_binding_ipv4");
        assertThat(OptionKeys.GATEWAY_MODE_IPV4).isEqualTo("com.docker.network.bridge.gateway_mode_ipv4");
        assertThat(OptionKeys.GATEWAY_MODE_IPV6).isEqualTo("com.docker.network.bridge.gateway_mode_ipv6");
    }
}
