package dev.mdnp.daemon.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HostAllocatorTest {

    private final HostAllocator hosts = new HostAllocator();

    @Test
    void nextFreeStartsAtTheCursorAndWrapsAround() {
        take(1, 2, 3, 7);

        assertThat(hosts.nextFree(big(1), big(8), big(1))).contains(big(4));
        assertThat(hosts.nextFree(big(1), big(8), big(7))).contains(big(8));
        take(8);
        assertThat(hosts.nextFree(big(1), big(8), big(7))).as("wraps to the lowest free one").contains(big(4));
    }

    @Test
    void aFullRangeHasNoFreeOffsetEvenWhenTakenOffsetsLieAroundIt() {
        take(0, 1, 2, 3, 4, 5, 9);

        assertThat(hosts.nextFree(big(2), big(4), big(3))).isEmpty();
        assertThat(hosts.nextFree(big(2), big(6), big(3))).contains(big(6));
    }

    @Test
    void sequentialTakesGrowOneRunAndFreeingSplitsIt() {
        take(1, 2, 3, 4, 5);
        assertThat(hosts.free(big(3))).isTrue();

        assertThat(hosts.taken()).containsExactly(big(1), big(2), big(4), big(5));
        assertThat(hosts.count()).isEqualTo(4);
        assertThat(hosts.nextFree(big(1), big(5), big(1))).contains(big(3));
    }

    @Test
    void takingTheGapJoinsBothNeighbours() {
        take(1, 3, 2);

        assertThat(hosts.taken()).containsExactly(big(1), big(2), big(3));
        assertThat(hosts.nextFree(big(1), big(10), big(1))).contains(big(4));
    }

    @Test
    void freeingAFreeOffsetReportsIt() {
        take(5);

        assertThat(hosts.free(big(4))).isFalse();
        assertThat(hosts.free(big(5))).isTrue();
        assertThat(hosts.free(big(5))).isFalse();
        assertThat(hosts.count()).isZero();
    }

    @Test
    void takingATakenOffsetIsABug() {
        take(5);

        assertThatThrownBy(() -> hosts.take(big(5))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void worksOnOffsetsBeyondLong() {
        BigInteger huge = BigInteger.ONE.shiftLeft(100);
        hosts.take(huge);

        assertThat(hosts.isTaken(huge)).isTrue();
        assertThat(hosts.nextFree(huge, huge.add(big(5)), huge)).contains(huge.add(BigInteger.ONE));
    }

    private void take(long... offsets) {
        for (long offset : offsets) {
            hosts.take(big(offset));
        }
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
