package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @Test
    void parsesAndPrintsColonSeparatedLowerCaseOctets() {
        MacAddress mac = MacAddress.parse("02:42:AC:11:00:02");

        assertThat(mac.toString()).isEqualTo("02:42:ac:11:00:02");
        assertThat(mac.bits()).isEqualTo(0x0242ac110002L);
    }

    @Test
    void octetsRoundTrip() {
        byte[] octets = {(byte) 0xfe, (byte) 0xdc, 0, 1, 2, (byte) 0x80};

        assertThat(MacAddress.of(octets).octets()).containsExactly(octets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02:42:ac:11:00", "02:42:ac:11:00:02:03", "02-42-ac-11-00-02", "2:42:ac:11:00:02",
            "02:42:ac:11:00:0g", "02:42:ac:11:00:+2"})
    void refusesWhatIsNotSixHexOctets(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMoreThan48Bits() {
        assertThatThrownBy(() -> new MacAddress(1L << 48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.of(new byte[4])).isInstanceOf(IllegalArgumentException.class);
    }
}
