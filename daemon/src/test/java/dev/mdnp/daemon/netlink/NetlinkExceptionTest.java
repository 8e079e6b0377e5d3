package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.wire.Errno;
import org.junit.jupiter.api.Test;

class NetlinkExceptionTest {

    @Test
    void messageNamesTheOperationTheErrnoAndItsText() {
        NetlinkException e = new NetlinkException("create bridge mdnp-1a2b3c", 17, "");

        assertThat(e).hasMessage("create bridge mdnp-1a2b3c: file exists (EEXIST)");
        assertThat(e.errno()).isEqualTo(Errno.EEXIST);
        assertThat(e.errnoName()).isEqualTo("EEXIST");
    }

    @Test
    void kernelTextIsAppended() {
        NetlinkException e = new NetlinkException("set mtu of mdnpt0 to 10", 22, "mtu less than device minimum");

        assertThat(e).hasMessage("set mtu of mdnpt0 to 10: invalid argument (EINVAL): mtu less than device minimum");
    }

    @Test
    void unknownErrnoKeepsItsNumber() {
        NetlinkException e = new NetlinkException("x", 200, "");

        assertThat(e).hasMessage("x: unknown error (errno 200)");
        assertThat(e.errno()).isEqualTo(Errno.UNKNOWN);
        assertThat(e.errnoNumber()).isEqualTo(200);
        assertThat(e.errnoName()).isEqualTo("errno 200");
    }

    @Test
    void keepsItsCause() {
        IllegalStateException cause = new IllegalStateException("below");

        assertThat(new NetlinkException("x", 5, "", cause)).hasCause(cause);
    }
}
