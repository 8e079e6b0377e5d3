package dev.mdnp.daemon.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfNamesTest {

    private static final String ID = "c".repeat(64);

    @Test
    void aBridgeAndAVethEndNeverShareANameEvenForEqualIds() {
        assertThat(IfNames.bridge(ID)).isEqualTo("mdnpbcccccccccc")
                .isNotEqualTo(IfNames.hostSide(ID))
                .isNotEqualTo(IfNames.containerSide(ID));
        assertThat(IfNames.hostSide(ID)).isEqualTo("mdnphcccccccccc");
        assertThat(IfNames.containerSide(ID)).isEqualTo("mdnpccccccccccc");
    }

    @Test
    void everyDerivedNameFitsTheKernelsLimitAndTheRule() {
        assertThat(IfNames.isValid(IfNames.bridge(ID))).isTrue();
        assertThat(IfNames.isValid(IfNames.hostSide(ID))).isTrue();
        assertThat(IfNames.isValid(IfNames.containerSide(ID))).isTrue();
    }

    @Test
    void userBridgeNamesThatLookLikeVethNamesAreReserved() {
        assertThat(IfNames.isReservedForVeths("mdnpc0123456789")).isTrue();
        assertThat(IfNames.isReservedForVeths("mdnph0")).isTrue();
        assertThat(IfNames.isReservedForVeths("mdnp-demo")).isFalse();
    }
}
