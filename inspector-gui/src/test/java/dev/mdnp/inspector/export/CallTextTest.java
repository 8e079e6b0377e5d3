package dev.mdnp.inspector.export;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallTextTest {

    @Test
    void rowIsTabSeparatedWithWholeIds() {
        RequestRecord join = call(42, "NetworkDriver.Join").at(Instant.parse("2024-05-06T07:08:09.123Z"))
                .network("8f6511a5c0ffee0123456789").endpoint("1a2b3c4d5e6f7a8b9c").micros(1_234)
                .failed(500, "no such\tsandbox\nreally").build();

        assertThat(CallText.row(join, ZoneOffset.ofHours(2))).isEqualTo(
                "42\t09:08:09.123\tNetworkDriver.Join\t8f6511a5c0ffee0123456789\t1a2b3c4d5e6f7a8b9c\t500"
                        + "\tno such sandbox really\t1.23");
    }

    @Test
    void shortMethodDropsTheDriverPrefix() {
        assertThat(CallText.shortMethod("NetworkDriver.CreateEndpoint")).isEqualTo("CreateEndpoint");
        assertThat(CallText.shortMethod("IpamDriver.RequestPool")).isEqualTo("RequestPool");
        assertThat(CallText.shortMethod("Plugin.Activate")).isEqualTo("Plugin.Activate");
    }

    @Test
    void shortIdKeepsTwelveCharacters() {
        assertThat(ShortIds.of("8f6511a5c0ffee0123456789")).isEqualTo("8f6511a5c0ff");
        assertThat(ShortIds.of("abc")).isEqualTo("abc");
    }

    @Test
    void resultIsOkOrStatusAndError() {
        assertThat(CallText.result(call(1, "NetworkDriver.Join").build())).isEqualTo("OK");
        assertThat(CallText.result(call(1, "NetworkDriver.Join").failed(500, "boom").build())).isEqualTo("500 boom");
        assertThat(CallText.result(call(1, "Foo").failed(404, "").build())).isEqualTo("404");
    }
}
