package dev.mdnp.inspector.filter;

import static dev.mdnp.inspector.testsupport.CallBuilder.T0;
import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.NameLookup;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FilterInputTest {

    private static final InstantSource CLOCK = InstantSource.fixed(T0);

    private static final List<RequestRecord> LOG = List.of(
            call(1, "Plugin.Activate").build(),
            call(2, "NetworkDriver.GetCapabilities").build(),
            call(3, "NetworkDriver.CreateNetwork").network("n1").build(),
            call(4, "IpamDriver.RequestAddress").build(),
            call(5, "NetworkDriver.CreateEndpoint").network("n1").endpoint("e1").build(),
            call(6, "NetworkDriver.Join").network("n1").endpoint("e1").failed(500, "no such sandbox").build(),
            call(7, "NetworkDriver.Leave").network("n1").endpoint("e1").build());

    @Test
    void blankTextWithAllShowsEveryCall() {
        assertThat(shown(new FilterInput("  ", QuickFilter.ALL, false))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void typedTextNarrows() {
        assertThat(shown(new FilterInput("ep:e1 -status:error", QuickFilter.ALL, false))).containsExactly(5L, 7L);
    }

    @Test
    void invalidTextCarriesTheParsersMessage() {
        FilterResult result = new FilterInput("foo:bar", QuickFilter.ALL, false).parse(CLOCK, NameLookup.NONE);

        assertThat(result).isInstanceOf(FilterResult.Invalid.class);
        assertThat(((FilterResult.Invalid) result).message()).contains("unknown filter key \"foo:\"");
    }

    @Test
    void presetsSelectTheirMethodGroups() {
        assertThat(shown(new FilterInput("", QuickFilter.NETWORK, false))).containsExactly(3L);
        assertThat(shown(new FilterInput("", QuickFilter.ENDPOINT, false))).containsExactly(5L);
        assertThat(shown(new FilterInput("", QuickFilter.JOIN_LEAVE, false))).containsExactly(6L, 7L);
        assertThat(shown(new FilterInput("", QuickFilter.IPAM, false))).containsExactly(4L);
        assertThat(shown(new FilterInput("", QuickFilter.ERRORS, false))).containsExactly(6L);
    }

    @Test
    void hidingChatterDropsTheHandshake() {
        assertThat(shown(new FilterInput("", QuickFilter.ALL, true))).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void presetIsAndedWithEveryOrGroupOfTheText() {
        // "Join OR Activate" under Join/Leave must not let Plugin.Activate through.
        assertThat(shown(new FilterInput("method:Join OR method:Activate", QuickFilter.JOIN_LEAVE, false)))
                .containsExactly(6L);
    }

    private static List<Long> shown(FilterInput input) {
        FilterResult result = input.parse(CLOCK, NameLookup.NONE);
        assertThat(result).isInstanceOf(FilterResult.Valid.class);
        Predicate<RequestRecord> predicate = ((FilterResult.Valid) result).predicate();
        return LOG.stream().filter(predicate).map(RequestRecord::seq).collect(Collectors.toList());
    }
}
