package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.CallBuilder.T0;
import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    private final LatencyWindow window = new LatencyWindow(Duration.ofSeconds(10));

    @Test
    void emptyWindowHasNoRateAndNoLatency() {
        assertThat(window.perSecond()).isZero();
        assertThat(window.p95Micros()).isZero();
    }

    @Test
    void p95IsTheNearestRank() {
        for (int i = 1; i <= 100; i++) {
            window.add(call(i, "m").at(T0).micros(i).build());
        }

        assertThat(window.p95Micros()).isEqualTo(95);
        assertThat(window.perSecond()).isEqualTo(10.0);
    }

    @Test
    void equalDurationsAreCountedEachTime() {
        window.add(call(1, "m").at(T0).micros(7).build());
        window.add(call(2, "m").at(T0).micros(7).build());
        window.add(call(3, "m").at(T0).micros(1).build());

        assertThat(window.p95Micros()).isEqualTo(7);
    }

    @Test
    void callsOlderThanTheSpanBeforeTheNewestExpire() {
        window.add(call(1, "m").at(T0).micros(1_000).build());
        window.add(call(2, "m").at(T0.plusSeconds(5)).micros(10).build());

        window.add(call(3, "m").at(T0.plusSeconds(11)).micros(20).build());

        assertThat(window.perSecond()).isEqualTo(0.2);
        assertThat(window.p95Micros()).isEqualTo(20);
    }

    @Test
    void clearForgetsEverything() {
        window.add(call(1, "m").at(T0).micros(5).build());

        window.clear();

        assertThat(window.p95Micros()).isZero();
        window.add(call(2, "m").at(T0.minusSeconds(100)).micros(3).build());
        assertThat(window.p95Micros()).isEqualTo(3);
    }
}
