package dev.mdnp.inspector.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NarrationViewModelTest {

    private final NarrationViewModel model = new NarrationViewModel("/tmp/mdnp-demo.x/narration");

    @Test
    void showsNothingBeforeTheFirstLine() {
        assertThat(model.shownProperty().get()).isFalse();
        assertThat(model.textProperty().get()).isEmpty();
    }

    @Test
    void showsTheNewestLine() {
        model.show("step 4/9: docker run -d --name mdnp-demo-db --network mdnp-demo-back local/busybox sleep 3600");
        model.show("demo finished");

        assertThat(model.shownProperty().get()).isTrue();
        assertThat(model.textProperty().get()).isEqualTo("demo finished");
    }
}
