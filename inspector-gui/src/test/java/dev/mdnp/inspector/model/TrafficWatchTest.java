package dev.mdnp.inspector.model;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.APP_BACK;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.classroom;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficWatchTest {

    private final TrafficWatch watch = new TrafficWatch();

    @Test
    void theFirstReadingHasNothingToCompareAndLightsNothing() {
        assertThat(watch.observe(Topology.of(classroom(1000)))).isEmpty();
    }

    @Test
    void aPairWhoseCountersRoseIsLit() {
        watch.observe(Topology.of(classroom(1000)));

        assertThat(watch.observe(Topology.of(classroom(1098)))).containsExactly(hostEnd(APP_BACK));
    }

    @Test
    void aLitPairFadesAfterTwoReadingsWithoutChange() {
        watch.observe(Topology.of(classroom(1000)));
        watch.observe(Topology.of(classroom(1098)));

        assertThat(watch.observe(Topology.of(classroom(1098)))).containsExactly(hostEnd(APP_BACK));
        assertThat(watch.observe(Topology.of(classroom(1098)))).isEmpty();
    }

    @Test
    void countersThatFellAreNoTraffic() {
        watch.observe(Topology.of(classroom(5000)));

        assertThat(watch.observe(Topology.of(classroom(0)))).isEmpty();
    }
}
