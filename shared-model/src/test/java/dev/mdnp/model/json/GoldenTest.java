package dev.mdnp.model.json;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mdnp.model.cnm.ActivateResponse;
import dev.mdnp.model.cnm.AllocateNetworkRequest;
import dev.mdnp.model.cnm.AllocateNetworkResponse;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateEndpointResponse;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.DiscoveryNotification;
import dev.mdnp.model.cnm.EmptyResponse;
import dev.mdnp.model.cnm.EndpointOperInfoRequest;
import dev.mdnp.model.cnm.EndpointOperInfoResponse;
import dev.mdnp.model.cnm.ErrorResponse;
import dev.mdnp.model.cnm.FreeNetworkRequest;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.JoinResponse;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import dev.mdnp.model.ipam.GetDefaultAddressSpacesResponse;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestAddressResponse;
import dev.mdnp.model.ipam.RequestPoolRequest;
import dev.mdnp.model.ipam.RequestPoolResponse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every golden body of {@code src/test/resources/golden} (Docker's captures from
 * {@code cnm-remote-api.md}, see the README there) into its record and checks that re-encoding gives an equivalent
 * document.
 */
class GoldenTest {

    /** Which record a golden decodes into, keyed by {@code <dir>/<Method>.<request|response>}. */
    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            entry("cnm/Activate.response", ActivateResponse.class),
            entry("cnm/GetCapabilities.response", dev.mdnp.model.cnm.GetCapabilitiesResponse.class),
            entry("cnm/CreateNetwork.request", CreateNetworkRequest.class),
            entry("cnm/CreateNetwork.response", EmptyResponse.class),
            entry("cnm/DeleteNetwork.request", DeleteNetworkRequest.class),
            entry("cnm/DeleteNetwork.response", EmptyResponse.class),
            entry("cnm/AllocateNetwork.request", AllocateNetworkRequest.class),
            entry("cnm/AllocateNetwork.response", AllocateNetworkResponse.class),
            entry("cnm/FreeNetwork.request", FreeNetworkRequest.class),
            entry("cnm/FreeNetwork.response", EmptyResponse.class),
            entry("cnm/CreateEndpoint.request", CreateEndpointRequest.class),
            entry("cnm/CreateEndpoint.response", CreateEndpointResponse.class),
            entry("cnm/Join.request", JoinRequest.class),
            entry("cnm/Join.response", JoinResponse.class),
            entry("cnm/Leave.request", LeaveRequest.class),
            entry("cnm/Leave.response", EmptyResponse.class),
            entry("cnm/DeleteEndpoint.request", DeleteEndpointRequest.class),
            entry("cnm/DeleteEndpoint.response", EmptyResponse.class),
            entry("cnm/EndpointOperInfo.request", EndpointOperInfoRequest.class),
            entry("cnm/EndpointOperInfo.response", EndpointOperInfoResponse.class),
            entry("cnm/ProgramExternalConnectivity.request", ProgramExternalConnectivityRequest.class),
            entry("cnm/ProgramExternalConnectivity.response", EmptyResponse.class),
            entry("cnm/RevokeExternalConnectivity.request", RevokeExternalConnectivityRequest.class),
            entry("cnm/RevokeExternalConnectivity.response", EmptyResponse.class),
            entry("cnm/DiscoverNew.request", DiscoveryNotification.class),
            entry("cnm/DiscoverNew.response", EmptyResponse.class),
            entry("cnm/DiscoverDelete.request", DiscoveryNotification.class),
            entry("cnm/DiscoverDelete.response", EmptyResponse.class),
            entry("ipam/GetCapabilities.response", dev.mdnp.model.ipam.GetCapabilitiesResponse.class),
            entry("ipam/GetDefaultAddressSpaces.response", GetDefaultAddressSpacesResponse.class),
            entry("ipam/RequestPool.request", RequestPoolRequest.class),
            entry("ipam/RequestPool.response", RequestPoolResponse.class),
            entry("ipam/ReleasePool.request", ReleasePoolRequest.class),
            entry("ipam/ReleasePool.response", EmptyResponse.class),
            entry("ipam/RequestAddress.request", RequestAddressRequest.class),
            entry("ipam/RequestAddress.response", RequestAddressResponse.class),
            entry("ipam/ReleaseAddress.request", ReleaseAddressRequest.class),
            entry("ipam/ReleaseAddress.response", EmptyResponse.class));

    /** The variant of a failed call's body, {@code {"Err": ...}} (§1.4), whatever the method. */
    private static final String ERROR_VARIANT = "error";

    /**
     * Members the spec marks optional, where Docker reads an absent member as {@code ""} or {@code false}:
     * {@code Gateway} of {@code IPAMData} (§2.2) and every field of the {@code Join} reply (§2.6).
     */
    private static final Set<String> OPTIONAL_ZERO_MEMBERS =
            Set.of("Gateway", "GatewayIPv6", "NextHop", "DisableGatewayService");

    private final ObjectMapper mapper = JsonMappers.create();

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void reencodesToAnEquivalentDocument(String golden) throws IOException {
        String text = read(golden);
        Object decoded = mapper.readValue(text, recordFor(golden));

        JsonNode reencoded = mapper.readTree(mapper.writeValueAsString(decoded));

        assertThat(normalize(reencoded)).as(golden).isEqualTo(normalize(mapper.readTree(text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void decodesItsOwnEncodingToAnEqualRecord(String golden) throws IOException {
        Class<?> type = recordFor(golden);
        Object decoded = mapper.readValue(read(golden), type);

        assertThat(mapper.readValue(mapper.writeValueAsString(decoded), type)).as(golden).isEqualTo(decoded);
    }

    @Test
    void everyRecordHasAGolden() throws IOException {
        Set<String> covered = goldens().map(GoldenTest::keyOf).collect(Collectors.toSet());

        assertThat(covered).containsAll(RECORDS.keySet());
    }

    static Stream<String> goldens() throws IOException {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files
                    .filter(path -> path.getFileName().toString().endsWith(".json"))
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    /**
     * Brings a body into the form two equivalent bodies share. The rule, applied at every depth:
     * <ol>
     *   <li>a member whose value is {@code null}, {@code []} or {@code {}} is dropped: Go writes a nil map or slice as
     *       {@code null} and an empty one as {@code {}}/{@code []}, and both sides decode them alike (§0);</li>
     *   <li>a member named in {@link #OPTIONAL_ZERO_MEMBERS} whose value is {@code ""} or {@code false} is dropped,
     *       because the spec says those may be absent.</li>
     * </ol>
     * Nothing else is equivalent: other empty strings, {@code false} values, numbers and member names must match.
     */
    static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!isEquivalentToAbsent(member.getKey(), member.getValue())) {
                    out.set(member.getKey(), normalize(member.getValue()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(normalize(element)));
            return out;
        }
        return node;
    }

    private static boolean isEquivalentToAbsent(String name, JsonNode value) {
        if (value.isNull() || (value.isContainerNode() && value.isEmpty())) {
            return true;
        }
        boolean zero = (value.isTextual() && value.textValue().isEmpty())
                || (value.isBoolean() && !value.booleanValue());
        return zero && OPTIONAL_ZERO_MEMBERS.contains(name);
    }

    private static Class<?> recordFor(String golden) {
        if (variantOf(golden).equals(ERROR_VARIANT)) {
            return ErrorResponse.class;
        }
        return Objects.requireNonNull(RECORDS.get(keyOf(golden)), () -> "no record mapped for golden " + golden);
    }

    /** {@code cnm/Join.response.error.json} gives {@code cnm/Join.response}. */
    private static String keyOf(String golden) {
        String[] parts = golden.split("\\.", 3);
        return parts[0] + "." + parts[1];
    }

    /** {@code cnm/Join.response.error.json} gives {@code error}; no variant gives {@code ""}. */
    private static String variantOf(String golden) {
        String[] parts = golden.substring(0, golden.length() - ".json".length()).split("\\.", 3);
        return parts.length < 3 ? "" : parts[2];
    }

    private static String read(String golden) throws IOException {
        return Files.readString(root().resolve(golden), StandardCharsets.UTF_8);
    }

    private static Path root() {
        URL url = Objects.requireNonNull(GoldenTest.class.getResource("/golden"), "golden directory on class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad golden directory URL " + url, e);
        }
    }
}
