package dev.mdnp.daemon.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mdnp.daemon.api.PluginApi;
import dev.mdnp.model.cnm.AllocateNetworkRequest;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.DiscoveryNotification;
import dev.mdnp.model.cnm.EndpointOperInfoRequest;
import dev.mdnp.model.cnm.FreeNetworkRequest;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestPoolRequest;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the reply to a case must be, as far as the protocol fixes it without knowing mdnp's checks:
 * <ul>
 *   <li>a body over the 1 MiB limit: 413;</li>
 *   <li>a body that is not JSON, or not an object (cnm-remote-api.md §1.3; blank means "no arguments"), or holds a
 *       string or member name that is not Unicode (an unpaired surrogate, escaped or made of an invalid UTF-8
 *       sequence; Go never writes one), or whose members do not have the types of the route's request (a string
 *       where a number goes, a missing id): 400;</li>
 *   <li>a route without arguments, with no body or an object: 200;</li>
 *   <li>EndpointOperInfo with no body at all: 200, the answer of an unknown endpoint (Docker resends it so after a
 *       plugin restart cut it off, moby/moby#39331, and an error would fail the command it belongs to);</li>
 *   <li>a delete of well-formed ids, known or not (DeleteNetwork, DeleteEndpoint, Leave, Revoke, FreeNetwork,
 *       ReleasePool): 200, "must be idempotent and accept unknown ids" (§2.3, §2.8, §3.4, §7.12);</li>
 *   <li>a Join or CreateEndpoint on a network mdnp does not know: not 200.</li>
 * </ul>
 * Anything else may succeed or fail (with a 4xx and an {@code Err}), as mdnp's own checks decide.
 *
 * <p>The types come from shared-model's request records read with the protocol's mapper, the same the daemon uses:
 * the oracle checks that a decoding failure becomes a 400, not how Go would decode.
 */
final class Oracle {

    /** What the reply must be. */
    enum Expectation {
        TOO_LARGE(413), MALFORMED(400), ILL_TYPED(400), SUCCESS(200), FAILURE(-1), ANY(0);

        private final int status;

        Expectation(int status) {
            this.status = status;
        }

        /** Returns true when {@code status} meets the expectation. */
        boolean allows(int status) {
            return switch (this) {
                case ANY -> true;
                case FAILURE -> status != 200;
                default -> status == this.status;
            };
        }
    }

    private static final Pattern DOCKER_ID = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final Map<String, Class<?>> REQUESTS = Map.ofEntries(
            Map.entry(Routes.CREATE_NETWORK, CreateNetworkRequest.class),
            Map.entry(Routes.DELETE_NETWORK, DeleteNetworkRequest.class),
            Map.entry(Routes.ALLOCATE_NETWORK, AllocateNetworkRequest.class),
            Map.entry(Routes.FREE_NETWORK, FreeNetworkRequest.class),
            Map.entry(Routes.CREATE_ENDPOINT, CreateEndpointRequest.class),
            Map.entry(Routes.DELETE_ENDPOINT, DeleteEndpointRequest.class),
            Map.entry(Routes.ENDPOINT_OPER_INFO, EndpointOperInfoRequest.class),
            Map.entry(Routes.JOIN, JoinRequest.class),
            Map.entry(Routes.LEAVE, LeaveRequest.class),
            Map.entry(Routes.PROGRAM, ProgramExternalConnectivityRequest.class),
            Map.entry(Routes.REVOKE, RevokeExternalConnectivityRequest.class),
            Map.entry(Routes.DISCOVER_NEW, DiscoveryNotification.class),
            Map.entry(Routes.DISCOVER_DELETE, DiscoveryNotification.class),
            Map.entry(Routes.REQUEST_POOL, RequestPoolRequest.class),
            Map.entry(Routes.RELEASE_POOL, ReleasePoolRequest.class),
            Map.entry(Routes.REQUEST_ADDRESS, RequestAddressRequest.class),
            Map.entry(Routes.RELEASE_ADDRESS, ReleaseAddressRequest.class));
    private static final Set<String> DELETES_BY_NETWORK = Set.of(Routes.DELETE_NETWORK, Routes.FREE_NETWORK);
    private static final Set<String> DELETES_BY_ENDPOINT = Set.of(Routes.DELETE_ENDPOINT, Routes.LEAVE,
            Routes.REVOKE);
    private static final Set<String> NEED_NETWORK = Set.of(Routes.JOIN, Routes.CREATE_ENDPOINT);

    private final ObjectMapper json = JsonMappers.create();

    /** Returns what the reply to {@code route} with {@code body} must be, given the networks mdnp knows. */
    Expectation expect(String route, byte[] body, Set<String> knownNetworks) {
        if (body.length > PluginApi.MAX_BODY_BYTES) {
            return Expectation.TOO_LARGE;
        }
        if (body.length == 0 && route.equals(Routes.ENDPOINT_OPER_INFO)) {
            return Expectation.SUCCESS;
        }
        JsonNode tree;
        if (isBlank(body)) {
            tree = json.createObjectNode();
        } else {
            try {
                tree = json.readTree(body);
            } catch (IOException e) {
                return Expectation.MALFORMED;
            }
            if (!(tree instanceof ObjectNode) || !isUnicode(tree)) {
                return Expectation.MALFORMED;
            }
        }
        Class<?> type = REQUESTS.get(route);
        if (type == null) {
            return Expectation.SUCCESS;
        }
        try {
            json.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            return Expectation.ILL_TYPED;
        }
        String network = tree.path("NetworkID").asText("");
        String endpoint = tree.path("EndpointID").asText("");
        if (DELETES_BY_NETWORK.contains(route) && DOCKER_ID.matcher(network).matches()
                || DELETES_BY_ENDPOINT.contains(route) && DOCKER_ID.matcher(network).matches()
                        && DOCKER_ID.matcher(endpoint).matches()
                || route.equals(Routes.RELEASE_POOL)) {
            return Expectation.SUCCESS;
        }
        if (NEED_NETWORK.contains(route) && !knownNetworks.contains(network)) {
            return Expectation.FAILURE;
        }
        return Expectation.ANY;
    }

    /** Returns true when no member name or string of the tree holds an unpaired surrogate. */
    private static boolean isUnicode(JsonNode node) {
        if (node.isTextual()) {
            return isUnicode(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!isUnicode(member.getKey()) || !isUnicode(member.getValue())) {
                    return false;
                }
            }
        }
        for (JsonNode element : node.isArray() ? node : List.<JsonNode>of()) {
            if (!isUnicode(element)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnicode(String text) {
        return text.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
