package dev.mdnp.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantSerializerTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void theMapperWritesInstantsWithIt() throws JsonMappingException {
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(Instant.class))
                .isInstanceOf(IsoInstantSerializer.class);
    }

    @Property
    void writesWhatToStringGives(@ForAll @LongRange(min = -100_000_000_000L, max = 300_000_000_000L) long epochSecond,
            @ForAll("nanos") int nanos) throws JsonProcessingException {
        Instant instant = Instant.ofEpochSecond(epochSecond, nanos);

        assertThat(mapper.writeValueAsString(instant)).isEqualTo("\"" + instant + "\"");
        assertThat(mapper.readValue(mapper.writeValueAsString(instant), Instant.class)).isEqualTo(instant);
    }

    /** Whole seconds, milliseconds, microseconds and nanoseconds: each writes a fraction of its own length. */
    @Provide
    Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(millis -> millis * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
    }

    @Test
    void instantsOfTheSameSecondAndOfSecondsTakenInTurnsKeepTheirOwnText() throws JsonProcessingException {
        List<String> texts = List.of("2026-11-29T04:40:00.1Z", "2026-11-29T04:40:00.25Z", "2026-11-29T04:40:01Z",
                "2026-11-29T04:40:00.000001Z", "2026-12-31T23:59:59.999999999Z", "2026-11-29T04:40:01.5Z");
        for (String text : texts) {
            Instant instant = Instant.parse(text);
            assertThat(mapper.writeValueAsString(instant)).isEqualTo("\"" + instant + "\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-11-29T03:46:28.071475963Z", "2026-11-29T03:46:28.071Z",
        "2024-02-29T23:59:59.000001Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z", "-0001-06-01T12:00:00Z"})
    void edgesOfTheRangeAndBeyondItAreWrittenAsToStringWritesThem(String text) throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(Instant.parse(text))).isEqualTo("\"" + text + "\"");
    }
}
