package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpamDataTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void encodingOmitsAMissingGatewayAndNoAuxAddresses() throws JsonProcessingException {
        IpamData data = new IpamData("CnmLocal", "10.88.0.0/16", null, Map.of());

        assertThat(mapper.writeValueAsString(data))
                .isEqualTo("{\"AddressSpace\":\"CnmLocal\",\"Pool\":\"10.88.0.0/16\"}");
    }

    @Test
    void anEmptyGatewayDecodesAsNone() throws JsonProcessingException {
        IpamData data = mapper.readValue("{\"AddressSpace\": \"\", \"Pool\": \"10.66.0.0/24\", \"Gateway\": \"\"}",
                IpamData.class);

        assertThat(data.gateway()).isNull();
    }

    @Test
    void absentStringsDecodeAsEmpty() throws JsonProcessingException {
        IpamData data = mapper.readValue("{}", IpamData.class);

        assertThat(data).isEqualTo(new IpamData("", "", null, Map.of()));
    }
}
