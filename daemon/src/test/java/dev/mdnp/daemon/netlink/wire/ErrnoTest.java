package dev.mdnp.daemon.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void numbersMapToTheirNames() {
        assertThat(Errno.of(17)).isEqualTo(Errno.EEXIST);
        assertThat(Errno.of(19)).isEqualTo(Errno.ENODEV);
        assertThat(Errno.of(34)).isEqualTo(Errno.ERANGE);
        assertThat(Errno.of(105)).isEqualTo(Errno.ENOBUFS);
        assertThat(Errno.EEXIST.description()).isEqualTo("file exists");
    }

    @Test
    void unlistedNumbersAreUnknown() {
        assertThat(Errno.of(0)).isEqualTo(Errno.UNKNOWN);
        assertThat(Errno.of(-1)).isEqualTo(Errno.UNKNOWN);
        assertThat(Errno.of(4000)).isEqualTo(Errno.UNKNOWN);
    }

    @Test
    void everyNumberIsListedOnce() {
        assertThat(Arrays.stream(Errno.values()).map(Errno::number)).doesNotHaveDuplicates();
    }
}
