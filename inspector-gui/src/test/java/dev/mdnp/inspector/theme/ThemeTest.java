package dev.mdnp.inspector.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void namesAreReadInAnyCase() {
        assertThat(Theme.named("dark")).isEqualTo(Theme.DARK);
        assertThat(Theme.named(" LIGHT ")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void anUnknownNameIsLight() {
        assertThat(Theme.named("solarized")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.named("")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void eachThemeHasItsOwnPrimerStylesheet() {
        assertThat(Theme.LIGHT.userAgentStylesheet()).contains("primer-light");
        assertThat(Theme.DARK.userAgentStylesheet()).contains("primer-dark");
    }

    @Test
    void otherFlips() {
        assertThat(Theme.LIGHT.other()).isEqualTo(Theme.DARK);
        assertThat(Theme.DARK.other()).isEqualTo(Theme.LIGHT);
    }
}
