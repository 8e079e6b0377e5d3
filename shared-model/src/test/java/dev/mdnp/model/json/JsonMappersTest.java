package dev.mdnp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.StaticRoute;
import dev.mdnp.model.ipam.RequestPoolRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonMappersTest {

    private static final String NETWORK_ID = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void createReturnsANewMapperEachCall() {
        assertThat(JsonMappers.create()).isNotSameAs(JsonMappers.create());
    }

    @Test
    void unknownFieldsAreIgnored() throws JsonProcessingException {
        String json = "{\"NetworkID\": \"" + NETWORK_ID + "\", \"FutureField\": {\"a\": [1, 2]}, \"Extra\": 3}";

        assertThat(mapper.readValue(json, DeleteNetworkRequest.class)).isEqualTo(new DeleteNetworkRequest(NETWORK_ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "4.2", "true"})
    void aNonStringScalarWhereAStringIsExpectedFails(String scalar) {
        assertThatThrownBy(() -> mapper.readValue("{\"NetworkID\": " + scalar + "}", DeleteNetworkRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "\"\"", "1", "0.0"})
    void aNonBooleanWhereABooleanIsExpectedFails(String value) {
        assertThatThrownBy(() -> mapper.readValue("{\"V6\": " + value + "}", RequestPoolRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "\"\"", "1.5", "true"})
    void aNonIntegerWhereAnIntegerIsExpectedFails(String value) {
        assertThatThrownBy(() -> mapper.readValue("{\"Destination\": \"10.0.0.0/8\", \"RouteType\": " + value + "}",
                StaticRoute.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void nullForAPrimitiveFails() {
        assertThatThrownBy(() -> mapper.readValue("{\"V6\": null}", RequestPoolRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void anAbsentPrimitiveDecodesAsItsZeroValue() throws JsonProcessingException {
        assertThat(mapper.readValue("{}", RequestPoolRequest.class).v6()).isFalse();
    }

    @Test
    void trailingTokensFail() {
        assertThatThrownBy(() -> mapper.readValue("{\"NetworkID\": \"n\"} {}", DeleteNetworkRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aTrailingNewlineIsAccepted() throws JsonProcessingException {
        assertThat(mapper.readValue("{\"NetworkID\": \"n\"}\n", DeleteNetworkRequest.class).networkId()).isEqualTo("n");
    }
}
