package dev.mdnp.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowsTest {

    @Test
    void anEmptyKeyIsRejected() {
        assertThatThrownBy(() -> new NetworkRow("", "br1", "{}", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id is empty");
        assertThatThrownBy(() -> new AllocationRow("p1", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("address is empty");
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        Instant precise = Instant.parse("2025-01-01T00:00:00.123456789Z");

        assertThat(new NetworkRow("n1", "br1", "{}", precise).createdAt())
                .isEqualTo(Instant.parse("2025-01-01T00:00:00.123Z"));
    }
}
