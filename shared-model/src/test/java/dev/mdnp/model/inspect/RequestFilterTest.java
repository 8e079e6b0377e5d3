package dev.mdnp.model.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFilterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T21:40:00Z");
    private static final InstantSource CLOCK = InstantSource.fixed(NOW);
    private static final String NET = "8f6511a52af0d3c4";
    private static final String EP = "1a2b3c4d5e6f7081";

    /** create: ok 1.9 ms, 5 s ago. join: 500 with an error, 250 ms, 30 s ago. leave: other ids, 404, 90 s ago. */
    private static final RequestRecord CREATE = record(1, "NetworkDriver.CreateNetwork", NET, "", 200, "",
            1_900, NOW.minusSeconds(5));
    private static final RequestRecord JOIN = record(2, "NetworkDriver.Join", NET, EP, 500,
            "join 1a2b3c4d5e6f: no such device (ENODEV)", 250_000, NOW.minusSeconds(30));
    private static final RequestRecord LEAVE = record(3, "NetworkDriver.Leave", "77aa00", "99bb11", 404,
            "endpoint not found", 20_000, NOW.minusSeconds(90));
    private static final List<RequestRecord> ALL = List.of(CREATE, JOIN, LEAVE);

    @Test
    void anEmptyExpressionMatchesEverything() {
        RequestFilter filter = RequestFilter.parse("   ", CLOCK);

        assertThat(filter.matchesAll()).isTrue();
        assertThat(matching("")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void methodMatchesASubstringIgnoringCase() {
        assertThat(matching("method:join")).containsExactly(2L);
        assertThat(matching("method:NetworkDriver")).containsExactly(1L, 2L, 3L);
        assertThat(matching("method:Create")).containsExactly(1L);
    }

    @Test
    void netAndEpMatchIdPrefixes() {
        assertThat(matching("net:8f65")).containsExactly(1L, 2L);
        assertThat(matching("net:8F65")).containsExactly(1L, 2L);
        assertThat(matching("net:6511")).isEmpty();
        assertThat(matching("ep:1a2b")).containsExactly(2L);
        assertThat(matching("network:77 endpoint:99")).containsExactly(3L);
    }

    @ParameterizedTest
    @CsvSource({
        "status:ok, 1",
        "status:error, 2 3",
        "status:ERR, 2 3",
        "status:500, 2",
        "status:404, 3",
        "status:4xx, 3",
        "status:2xx, 1",
        "status:201, ''",
    })
    void statusMatchesOutcomesCodesAndClasses(String expression, String seqs) {
        assertThat(joined(matching(expression))).isEqualTo(seqs);
    }

    @ParameterizedTest
    @CsvSource({
        "slower-than:1ms, 1 2 3",
        "slower-than:1900us, 2 3",
        "slower-than:20ms, 2",
        "slower-than:0.25s, ''",
        "slower-than:249999us, 2",
        "slower-than:1899µs, 1 2 3",
        "slower-than:1m, ''",
    })
    void slowerThanComparesTheDurationStrictly(String expression, String seqs) {
        assertThat(joined(matching(expression))).isEqualTo(seqs);
    }

    @ParameterizedTest
    @CsvSource({
        "since:10s, 1",
        "since:30s, 1 2",
        "since:1m, 1 2",
        "since:2m, 1 2 3",
        "since:1.5m, 1 2 3",
        "since:1h, 1 2 3",
    })
    void sinceKeepsRecentCalls(String expression, String seqs) {
        assertThat(joined(matching(expression))).isEqualTo(seqs);
    }

    @Test
    void sinceIsMeasuredAgainstTheClockAtEachTest() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        RequestFilter filter = RequestFilter.parse("since:10s", now::get);

        assertThat(filter.test(CREATE)).isTrue();
        now.set(NOW.plus(Duration.ofSeconds(6)));
        assertThat(filter.test(CREATE)).isFalse();
    }

    @Test
    void freeTextSearchesMethodIdsAndErrorText() {
        assertThat(matching("leave")).containsExactly(3L);
        assertThat(matching("ENODEV")).containsExactly(2L);
        assertThat(matching("a52af0")).containsExactly(1L, 2L);
        assertThat(matching("5e6f70")).containsExactly(2L);
        assertThat(matching("\"not found\"")).containsExactly(3L);
        assertThat(matching("\"no such device\"")).containsExactly(2L);
    }

    @Test
    void quotedTextWithAColonIsFreeText() {
        assertThat(matching("\"device (ENODEV)\"")).containsExactly(2L);
        assertThat(matching("\"join 1a2b3c4d5e6f:\"")).containsExactly(2L);
    }

    @Test
    void aQuotedValueMayHoldSpaces() {
        assertThat(matching("method:\"Driver.Join\"")).containsExactly(2L);
    }

    @Test
    void aMinusNegatesOneTerm() {
        assertThat(matching("-status:ok")).containsExactly(2L, 3L);
        assertThat(matching("-method:join -method:leave")).containsExactly(1L);
        assertThat(matching("-\"not found\"")).containsExactly(1L, 2L);
    }

    @Test
    void spacesMeanAnd() {
        assertThat(matching("net:8f65 status:error")).containsExactly(2L);
        assertThat(matching("net:8f65 status:error slower-than:1s")).isEmpty();
    }

    @Test
    void orJoinsGroupsAndBindsLooserThanAnd() {
        assertThat(matching("method:create OR status:404")).containsExactly(1L, 3L);
        assertThat(matching("net:8f65 status:error OR ep:99")).containsExactly(2L, 3L);
        assertThat(matching("method:leave OR method:join OR method:create")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void lowerCaseOrIsFreeText() {
        // As an operator this would match create and join; as text ("netwORk") it is one more AND term.
        assertThat(matching("method:create or method:join")).isEmpty();
    }

    @Test
    void aQuotedOrIsFreeText() {
        assertThat(matching("method:create \"OR\" method:join")).isEmpty();
    }

    @Test
    void negationIsTheComplement() {
        for (String term : List.of("method:join", "net:8f", "ep:1a", "status:ok", "status:4xx", "slower-than:2ms",
                "since:40s", "enodev", "\"not found\"")) {
            RequestFilter positive = RequestFilter.parse(term, CLOCK);
            RequestFilter negative = RequestFilter.parse("-" + term, CLOCK);
            for (RequestRecord record : ALL) {
                assertThat(negative.test(record)).as("-%s on %s", term, record.method())
                        .isEqualTo(!positive.test(record));
            }
        }
    }

    @Test
    void theNormalFormParsesToTheSameFilter() {
        for (String expression : List.of("  method:join   OR  -status:ok ", "\"no such device\" net:8F",
                "NETWORK:77 Endpoint:99", "-\"OR\" since:2m", "method:\"Driver.Join\"", "\"a:b\"")) {
            RequestFilter filter = RequestFilter.parse(expression, CLOCK);
            RequestFilter again = RequestFilter.parse(filter.toString(), CLOCK);
            assertThat(again.toString()).isEqualTo(filter.toString());
            for (RequestRecord record : ALL) {
                assertThat(again.test(record)).as("%s on %s", filter, record.method())
                        .isEqualTo(filter.test(record));
            }
        }
    }

    @Test
    void theNormalFormIsTidy() {
        assertThat(RequestFilter.parse("  method:Join   OR  -STATUS:OK network:8f \"no such\"", CLOCK))
                .hasToString("method:Join OR -status:ok net:8f \"no such\"");
    }

    @Test
    void isAPredicate() {
        Predicate<RequestRecord> errors = RequestFilter.parse("status:error", CLOCK);

        assertThat(ALL.stream().filter(errors).count()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo:bar | unknown filter key \"foo:\"; use method:, net:, ep:, container:, status:, slower-than: or since:, or quote"
                + " text that holds a colon",
        "method: | method: needs a value, as in method:Join",
        "status:maybe | status: expects ok, error, a code such as 404 or a class such as 5xx; got \"maybe\"",
        "status:600 | status: expects ok, error, a code such as 404 or a class such as 5xx; got \"600\"",
        "slower-than:20 | slower-than: needs a unit (us, ms, s, m, h or d), as in slower-than:20ms; got \"20\"",
        "slower-than:fast | slower-than: expects a duration (us, ms, s, m, h or d), as in slower-than:20ms;"
                + " got \"fast\"",
        "since:-5s | since: expects a duration (us, ms, s, m, h or d), as in since:10s; got \"-5s\"",
        "since:999999999d | since: \"999999999d\" is not a whole number of microseconds under a century",
        "slower-than:0.0001us | slower-than: \"0.0001us\" is not a whole number of microseconds under a century",
        "OR method:join | OR needs a term on each side",
        "method:join OR | OR needs a term on each side",
        "method:join OR OR status:ok | OR needs a term on each side",
        "- status:ok | \"-\" at column 1 must be followed by a term, as in -status:ok",
        "status:ok - | \"-\" at column 11 must be followed by a term, as in -status:ok",
        "\"unclosed | unclosed quote at column 1",
        "method:\"join | unclosed quote at column 8",
        "\"\" | empty quotes at column 1",
        "-OR | OR cannot be negated; to search for the text, quote it: -\"OR\"",
    })
    void invalidInputSaysWhy(String expression, String reason) {
        assertThatThrownBy(() -> RequestFilter.parse(expression, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fd00::1", "10.77.0.2/24", "02:42:0a:4d:00:02", "a-b", "x_y"})
    void textThatMerelyHoldsAColonOrDashIsFreeText(String text) {
        RequestFilter filter = RequestFilter.parse(text, CLOCK);

        assertThat(filter.matchesAll()).isFalse();
        assertThat(filter.test(CREATE)).isFalse();
    }

    @Test
    void netAlsoMatchesTheNetworksDockerNameIgnoringCase() {
        assertThat(matchingNamed("net:FRONT")).containsExactly(1L, 2L);
        assertThat(matchingNamed("net:fro")).as("a name matches whole, not as a prefix").isEmpty();
        assertThat(matchingNamed("net:77aa")).containsExactly(3L);
    }

    @Test
    void containerMatchesTheContainersNameAnAliasOrAnIdPrefix() {
        assertThat(matchingNamed("container:web")).containsExactly(2L);
        assertThat(matchingNamed("container:WWW")).containsExactly(2L);
        assertThat(matchingNamed("container:WEB")).containsExactly(2L);
        assertThat(matchingNamed("container:c0FF")).containsExactly(2L);
        assertThat(matchingNamed("container:we")).isEmpty();
        assertThat(matchingNamed("-container:web")).containsExactly(1L, 3L);
    }

    @Test
    void freeTextAlsoFindsNetworkAndContainerNames() {
        assertThat(matchingNamed("ron")).containsExactly(1L, 2L);
        assertThat(matchingNamed("eb")).containsExactly(2L);
    }

    @Test
    void withoutALookupNamesMatchNothingButTheKeyIsKnown() {
        assertThat(matching("net:front")).isEmpty();
        assertThat(matching("container:web")).isEmpty();
        assertThat(RequestFilter.parse("container:web", CLOCK)).hasToString("container:web");
    }

    @Test
    void aNameLearnedAfterParsingCounts() {
        AtomicReference<String> name = new AtomicReference<>("");
        NameLookup later = new NameLookup() {
            @Override
            public String networkName(String networkId) {
                return networkId.equals(NET) ? name.get() : "";
            }

            @Override
            public ContainerRef containerOf(String endpointId) {
                return ContainerRef.UNKNOWN;
            }
        };
        RequestFilter filter = RequestFilter.parse("net:front", CLOCK, later);
        assertThat(filter.test(CREATE)).isFalse();

        name.set("front");

        assertThat(filter.test(CREATE)).isTrue();
    }

    @Test
    void containerNeedsAValue() {
        assertThatThrownBy(() -> RequestFilter.parse("container:", CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container: needs a value, as in container:web");
    }

    private static List<Long> matching(String expression) {
        RequestFilter filter = RequestFilter.parse(expression, CLOCK);
        return ALL.stream().filter(filter::test).map(RequestRecord::seq).collect(Collectors.toList());
    }

    /** As {@link #matching}, with {@code NET} named front and {@code EP}'s container web (id c0ffee…). */
    private static List<Long> matchingNamed(String expression) {
        NameLookup names = new NameLookup() {
            @Override
            public String networkName(String networkId) {
                return networkId.equals(NET) ? "front" : "";
            }

            @Override
            public ContainerRef containerOf(String endpointId) {
                return endpointId.equals(EP) ? new ContainerRef("c0ffee42", "web", List.of("www"))
                        : ContainerRef.UNKNOWN;
            }
        };
        RequestFilter filter = RequestFilter.parse(expression, CLOCK, names);
        return ALL.stream().filter(filter::test).map(RequestRecord::seq).collect(Collectors.toList());
    }

    private static String joined(List<Long> seqs) {
        return seqs.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static RequestRecord record(long seq, String method, String networkId, String endpointId, int status,
            String error, long durationMicros, Instant start) {
        return new RequestRecord(seq, start, method, networkId, endpointId, status, error, "{}", "{}",
                durationMicros, PhaseTimings.NONE, List.of());
    }
}
