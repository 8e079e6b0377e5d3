package dev.mdnp.inspector.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.model.inspect.Drift;
import org.junit.jupiter.api.Test;

/** The small text helpers: short ids, byte sizes, drift notes. */
class WordingTest {

    @Test
    void shortIdsAreTwelveCharacters() {
        assertThat(ShortIds.of("8f6511a52af0d3c4e5f6")).isEqualTo("8f6511a52af0");
        assertThat(ShortIds.of("abc")).isEqualTo("abc");
    }

    @Test
    void byteSizesUseBinaryUnits() {
        assertThat(ByteSizes.human(0)).isEqualTo("0 B");
        assertThat(ByteSizes.human(1023)).isEqualTo("1023 B");
        assertThat(ByteSizes.human(1536)).isEqualTo("1.5 KiB");
        assertThat(ByteSizes.human(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
        assertThat(ByteSizes.human(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void driftNotesSayWhichSideLacksTheLink() {
        assertThat(DriftNotes.label(Drift.NONE)).isEqualTo("OK");
        assertThat(DriftNotes.label(Drift.MISSING_IN_KERNEL)).isEqualTo("missing in kernel");
        assertThat(DriftNotes.about("bridge x", Drift.NONE)).isEmpty();
        assertThat(DriftNotes.about("bridge x", Drift.UNKNOWN_TO_STATE))
                .startsWith("bridge x: the kernel has this link, the state does not know it");
    }
}
