package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredIdsTest {

    private static final String ID = "955d00bd54bbba40eea9a89430fced54a431f91baa6a86cd9488cc1d47ccb6a5";

    private final ObjectMapper mapper = JsonMappers.create();

    static Stream<Arguments> requestsMissingAnId() {
        String endpoint = "\"EndpointID\": \"" + ID + "\"";
        String network = "\"NetworkID\": \"" + ID + "\"";
        return Stream.of(
                Arguments.of(CreateNetworkRequest.class, "{}", "NetworkID"),
                Arguments.of(DeleteNetworkRequest.class, "{\"NetworkID\": null}", "NetworkID"),
                Arguments.of(AllocateNetworkRequest.class, "{}", "NetworkID"),
                Arguments.of(FreeNetworkRequest.class, "{\"NetworkID\": \"\"}", "NetworkID"),
                Arguments.of(CreateEndpointRequest.class, "{" + endpoint + "}", "NetworkID"),
                Arguments.of(CreateEndpointRequest.class, "{" + network + "}", "EndpointID"),
                Arguments.of(DeleteEndpointRequest.class, "{" + network + "}", "EndpointID"),
                Arguments.of(EndpointOperInfoRequest.class, "{" + endpoint + "}", "NetworkID"),
                Arguments.of(JoinRequest.class, "{" + network + "}", "EndpointID"),
                Arguments.of(LeaveRequest.class, "{" + endpoint + "}", "NetworkID"),
                Arguments.of(ProgramExternalConnectivityRequest.class, "{" + network + "}", "EndpointID"),
                Arguments.of(RevokeExternalConnectivityRequest.class, "{" + network + "}", "EndpointID"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requestsMissingAnId")
    void aMissingIdFailsNamingIt(Class<?> type, String json, String field) {
        assertThatThrownBy(() -> mapper.readValue(json, type))
                .hasMessageContaining(field + " is required")
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + " is required");
    }
}
