package dev.mdnp.model.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.json.JsonMappers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestAddressRequestTest {

    private static final String POOL_ID = "CnmLocal/10.88.0.0/16/10.88.5.0/24";

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void nullOptionsDecodeAsEmpty() throws JsonProcessingException {
        RequestAddressRequest request = mapper.readValue(
                "{\"PoolID\": \"" + POOL_ID + "\", \"Address\": \"10.88.0.10\", \"Options\": null}",
                RequestAddressRequest.class);

        assertThat(request).isEqualTo(new RequestAddressRequest(POOL_ID, "10.88.0.10", Map.of()));
    }

    @Test
    void aGatewayRequestKeepsItsAddressType() throws JsonProcessingException {
        RequestAddressRequest request = mapper.readValue("{\"PoolID\": \"" + POOL_ID + "\", \"Address\": \"\","
                        + " \"Options\": {\"RequestAddressType\": \"com.docker.network.gateway\"}}",
                RequestAddressRequest.class);

        assertThat(request.options()).containsEntry(OptionKeys.REQUEST_ADDRESS_TYPE, OptionKeys.GATEWAY_ADDRESS_TYPE);
    }

    @Test
    void aMissingPoolIdFailsNamingIt() {
        assertThatThrownBy(() -> mapper.readValue("{\"Address\": \"10.88.0.10\"}", RequestAddressRequest.class))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PoolID is required");
    }
}
