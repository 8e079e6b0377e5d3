package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinResponseTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void encodingOmitsEveryEmptyField() throws JsonProcessingException {
        JoinResponse response = new JoinResponse(null, "", "", List.of(), false);

        assertThat(mapper.writeValueAsString(response)).isEqualTo("{}");
    }

    @Test
    void encodingKeepsEverySetField() throws JsonProcessingException {
        JoinResponse response = new JoinResponse(new InterfaceName("vc955d00bd54", "eth"), "172.19.0.1", "fd88::1",
                List.of(new StaticRoute("192.168.200.0/24", StaticRoute.CONNECTED, "")), true);

        assertThat(mapper.writeValueAsString(response)).isEqualTo("{"
                + "\"InterfaceName\":{\"SrcName\":\"vc955d00bd54\",\"DstPrefix\":\"eth\"},"
                + "\"Gateway\":\"172.19.0.1\",\"GatewayIPv6\":\"fd88::1\","
                + "\"StaticRoutes\":[{\"Destination\":\"192.168.200.0/24\",\"RouteType\":1}],"
                + "\"DisableGatewayService\":true}");
    }

    @Test
    void anAbsentFieldDecodesAsItsZeroValue() throws JsonProcessingException {
        assertThat(mapper.readValue("{}", JoinResponse.class))
                .isEqualTo(new JoinResponse(null, "", "", List.of(), false));
    }
}
