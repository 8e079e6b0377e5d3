package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import org.junit.jupiter.api.Test;

class EmptyResponseTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void encodesAsAnEmptyObject() throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(EmptyResponse.EMPTY)).isEqualTo("{}");
    }

    @Test
    void decodesFromAnEmptyObject() throws JsonProcessingException {
        assertThat(mapper.readValue("{}", EmptyResponse.class)).isEqualTo(EmptyResponse.EMPTY);
    }
}
