package dev.mdnp.inspector.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MainWindowViewModelTest {

    private final MainWindowViewModel layout = new MainWindowViewModel();

    @Test
    void textGrowsAndShrinksInStepsWithinItsBoundsAndGoesBackToDefault() {
        layout.largerText();
        layout.largerText();
        assertThat(layout.textScaleProperty().get()).isCloseTo(1.2, within(1e-9));

        for (int i = 0; i < 40; i++) {
            layout.largerText();
        }
        assertThat(layout.textScaleProperty().get()).isEqualTo(MainWindowViewModel.MAX_TEXT_SCALE);
        for (int i = 0; i < 40; i++) {
            layout.smallerText();
        }
        assertThat(layout.textScaleProperty().get()).isCloseTo(MainWindowViewModel.MIN_TEXT_SCALE, within(1e-9));

        layout.defaultText();
        assertThat(layout.textScaleProperty().get()).isEqualTo(1);
    }

    @Test
    void aSavedScaleOutsideTheBoundsIsKeptWithinThem() {
        layout.setTextScale(9);
        assertThat(layout.textScaleProperty().get()).isEqualTo(MainWindowViewModel.MAX_TEXT_SCALE);
        layout.setTextScale(1.449);
        assertThat(layout.textScaleProperty().get()).isCloseTo(1.4, within(1e-9));
    }
}
