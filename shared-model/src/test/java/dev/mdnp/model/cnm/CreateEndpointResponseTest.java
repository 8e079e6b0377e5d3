package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import org.junit.jupiter.api.Test;

class CreateEndpointResponseTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void emptyEncodesAsAnEmptyObject() throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(CreateEndpointResponse.empty())).isEqualTo("{}");
    }

    @Test
    void aNullInterfaceDecodesAsEmpty() throws JsonProcessingException {
        assertThat(mapper.readValue("{\"Interface\": null}", CreateEndpointResponse.class))
                .isEqualTo(CreateEndpointResponse.empty());
    }

    @Test
    void aMacOnlyReplyEncodesEveryInterfaceField() throws JsonProcessingException {
        EndpointInterface macOnly = new EndpointInterface("", "", "02:aa:bb:cc:dd:ee");

        assertThat(mapper.writeValueAsString(new CreateEndpointResponse(macOnly))).isEqualTo(
                "{\"Interface\":{\"Address\":\"\",\"AddressIPv6\":\"\",\"MacAddress\":\"02:aa:bb:cc:dd:ee\"}}");
    }
}
