package dev.mdnp.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RequestRecordSerializerTest {

    private final ObjectMapper mapper = JsonMappers.create();
    /** Jackson's own way of writing records, with reflection: the JSON the serializer must match. */
    private final ObjectMapper reflective = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void theMapperWritesRequestRecordsWithIt() throws JsonMappingException {
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(RequestRecord.class))
                .isInstanceOf(RequestRecordSerializer.class);
    }

    @Property
    void writesTheJsonJacksonWritesForTheRecordAndReadsBackEqual(@ForAll("records") RequestRecord record)
            throws Exception {
        String json = mapper.writeValueAsString(record);

        assertThat(json).isEqualTo(reflective.writeValueAsString(record));
        assertThat(mapper.readValue(json, RequestRecord.class)).isEqualTo(record);
    }

    @Property(tries = 100)
    void anEventCarryingARecordIsWrittenAsJacksonWritesIt(@ForAll("records") RequestRecord record) throws Exception {
        InspectEvent event = new InspectEvent.Request(record.seq() + 1, record);

        assertThat(mapper.writerFor(InspectEvent.class).writeValueAsString(event))
                .isEqualTo(reflective.writerFor(InspectEvent.class).writeValueAsString(event));
    }

    @Provide
    Arbitrary<RequestRecord> records() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40); // every char: escapes, surrogates
        Arbitrary<Long> micros = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<PhaseTimings> phases = Combinators.combine(micros, micros, micros, micros, micros)
                .as(PhaseTimings::new);
        Arbitrary<List<KernelOpRecord>> ops = Combinators.combine(text, text, micros, text)
                .as(KernelOpRecord::new).list().ofMaxSize(3);
        Arbitrary<Instant> start = Arbitraries.longs().between(0, 4_000_000_000L)
                .flatMap(second -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(second, nanos)));
        return Combinators.combine(
                Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), start, text, text, text,
                        Arbitraries.integers().between(100, 599), text, text).as(Head::new),
                text, micros, phases, ops)
                .as((head, response, duration, timings, kernelOps) -> new RequestRecord(head.seq(), head.start(),
                        head.method(), head.networkId(), head.endpointId(), head.status(), head.error(),
                        head.request(), response, duration, timings, kernelOps));
    }

    /** The first eight components; jqwik combines at most eight values at once. */
    private record Head(long seq, Instant start, String method, String networkId, String endpointId, int status,
            String error, String request) {
    }
}
