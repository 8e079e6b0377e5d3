package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import org.junit.jupiter.api.Test;

class EndpointInterfaceTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void absentAndNullFieldsDecodeAsEmpty() throws JsonProcessingException {
        EndpointInterface decoded = mapper.readValue("{\"Address\": \"10.88.5.77/16\", \"MacAddress\": null}",
                EndpointInterface.class);

        assertThat(decoded).isEqualTo(new EndpointInterface("10.88.5.77/16", "", ""));
    }

    @Test
    void anAbsentInterfaceInCreateEndpointDecodesAsAllEmpty() throws JsonProcessingException {
        CreateEndpointRequest request = mapper.readValue("{\"NetworkID\": \"n\", \"EndpointID\": \"e\"}",
                CreateEndpointRequest.class);

        assertThat(request.endpointInterface()).isEqualTo(new EndpointInterface("", "", ""));
    }
}
