package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateNetworkRequestTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void aMissingNetworkIdIsRejectedByTheConstructor() {
        assertThatThrownBy(() -> new CreateNetworkRequest(null, Map.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NetworkID is required");
    }

    @Test
    void nullCollectionsDecodeAsEmpty() throws JsonProcessingException {
        CreateNetworkRequest request = mapper.readValue(
                "{\"NetworkID\": \"n\", \"Options\": null, \"IPv4Data\": null, \"IPv6Data\": null}",
                CreateNetworkRequest.class);

        assertThat(request.options()).isEmpty();
        assertThat(request.ipv4Data()).isEmpty();
        assertThat(request.ipv6Data()).isEmpty();
    }

    @Test
    void nestedOptionsDecodeAsUnmodifiableMaps() throws JsonProcessingException {
        CreateNetworkRequest request = mapper.readValue(
                "{\"NetworkID\": \"n\", \"Options\": {\"com.docker.network.generic\": {\"x\": \"y\"}}}",
                CreateNetworkRequest.class);

        @SuppressWarnings("unchecked")
        Map<String, Object> generic = (Map<String, Object>) request.options().get(OptionKeys.GENERIC);
        assertThat(generic).containsExactly(Map.entry("x", "y"));
        assertThatThrownBy(() -> generic.put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }
}
