package dev.mdnp.model.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestPoolRequestTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void absentStringsAndNullOptionsDecodeAsEmpty() throws JsonProcessingException {
        RequestPoolRequest request = mapper.readValue(
                "{\"AddressSpace\": \"CnmGlobal\", \"Options\": null, \"V6\": true}", RequestPoolRequest.class);

        assertThat(request).isEqualTo(new RequestPoolRequest("CnmGlobal", "", "", Map.of(), true));
    }

    @Test
    void aNonStringOptionValueFails() {
        assertThatThrownBy(() -> mapper.readValue("{\"Options\": {\"iopt\": 1}}", RequestPoolRequest.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
    }
}
