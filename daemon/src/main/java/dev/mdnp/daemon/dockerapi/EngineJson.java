package dev.mdnp.daemon.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads and writes the few Docker Engine API bodies {@link DockerEngine} uses (Engine API v1.41, {@code Network},
 * {@code NetworkContainer}, {@code ContainerInspectResponse}, {@code EventMessage} and {@code ErrorResponse}). Unknown fields are ignored, because newer engines add fields;
 * Go writes a nil map as {@code null} and an unset string as {@code ""}, so both become empty here. Thread-safe.
 */
final class EngineJson {

    /** How many leading characters of a container id Docker shows and resolves as its short id. */
    private static final int SHORT_ID = 12;
    private static final TypeReference<List<NetworkBody>> NETWORK_LIST = new TypeReference<>() {
    };

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Returns the {@code filters} value that selects the networks of one driver: {@code {"driver":["NAME"]}}. */
    String driverFilter(String driverName) {
        try {
            return mapper.writeValueAsString(Map.of("driver", List.of(driverName)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a map of one string list", e);
        }
    }

    /**
     * Returns the {@code filters} value that selects the events of networks and containers that can change a name
     * or an attachment: {@code {"type":["network","container"],"event":[...]}}.
     */
    String nameEventFilter() {
        try {
            return mapper.writeValueAsString(Map.of(
                    "type", List.of("network", "container"),
                    "event", List.of("create", "destroy", "connect", "disconnect", "rename")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a map of string lists", e);
        }
    }

    /** Decodes the body of {@code GET /networks}: a JSON array of networks, each without its endpoints. */
    List<NetworkBody> networkList(byte[] body) throws IOException {
        List<NetworkBody> networks = mapper.readValue(body, NETWORK_LIST);
        if (networks == null || networks.contains(null)) {
            throw new IOException("expected a JSON array of networks");
        }
        return networks;
    }

    /** Decodes the body of {@code GET /networks/{id}} into the network with its endpoints, ordered by container id. */
    DockerNetwork network(byte[] body) throws IOException {
        NetworkBody network = mapper.readValue(body, NetworkBody.class);
        if (network == null) {
            throw new IOException("expected a JSON network object");
        }
        List<DockerEndpoint> endpoints = network.containers().entrySet().stream()
                .map(entry -> endpoint(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(DockerEndpoint::containerId))
                .toList();
        return new DockerNetwork(network.id(), network.name(), endpoints);
    }

    /**
     * Decodes the body of {@code GET /containers/{id}/json} into the container's name and its attachments; each
     * attachment's aliases leave out the container's name and short id, which Docker lists among them.
     */
    DockerContainer container(byte[] body) throws IOException {
        ContainerBody container = mapper.readValue(body, ContainerBody.class);
        if (container == null || container.id().isEmpty()) {
            throw new IOException("expected a JSON container object with an Id");
        }
        String name = container.name().startsWith("/") ? container.name().substring(1) : container.name();
        String shortId = container.id().substring(0, Math.min(SHORT_ID, container.id().length()));
        List<DockerAttachment> attachments = new ArrayList<>();
        container.networkSettings().networks().forEach((networkName, settings) -> attachments.add(
                new DockerAttachment(settings.networkId(), networkName, settings.endpointId(),
                        settings.aliases().stream()
                                .filter(alias -> !alias.equals(name) && !alias.equals(shortId))
                                .distinct()
                                .toList())));
        return new DockerContainer(container.id(), name, attachments);
    }

    /**
     * Returns a reader of the event stream's body: one JSON object per event, read as they come; the reader blocks
     * until the next event or the end of the stream.
     */
    MappingIterator<EventBody> events(InputStream body) throws IOException {
        return mapper.readerFor(EventBody.class).readValues(body);
    }

    /**
     * Decodes the body of {@code GET /networks/{id}} into what the network holds of its IPAM driver's: its subnets,
     * the gateways and auxiliary addresses of its IPAM config, and its endpoints' addresses, all bare but the
     * subnets.
     */
    DockerIpamNetwork ipamNetwork(byte[] body) throws IOException {
        NetworkBody network = mapper.readValue(body, NetworkBody.class);
        if (network == null) {
            throw new IOException("expected a JSON network object");
        }
        List<String> subnets = new ArrayList<>();
        List<String> gateways = new ArrayList<>();
        List<String> aux = new ArrayList<>();
        for (IpamConfigBody config : network.ipam().config()) {
            if (!config.subnet().isEmpty()) {
                subnets.add(config.subnet());
            }
            if (!config.gateway().isEmpty()) {
                gateways.add(bare(config.gateway()));
            }
            config.auxiliaryAddresses().values().forEach(address -> aux.add(bare(address)));
        }
        List<String> addresses = new ArrayList<>();
        for (EndpointBody endpoint : network.containers().values()) {
            for (String address : List.of(endpoint.ipv4Address(), endpoint.ipv6Address())) {
                if (!address.isEmpty()) {
                    addresses.add(bare(address));
                }
            }
        }
        return new DockerIpamNetwork(network.id(), network.driver(), subnets, gateways, aux, addresses);
    }

    /**
     * Returns the {@code message} of an error body, or the body itself as text when it is not Docker's error JSON
     * (a proxy's or an old engine's plain-text answer).
     */
    String errorMessage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        ErrorBody error;
        try {
            error = mapper.readValue(body, ErrorBody.class);
        } catch (IOException notDockersErrorJson) {
            return text;
        }
        return error == null || error.message().isEmpty() ? text : error.message();
    }

    private static DockerEndpoint endpoint(String containerId, EndpointBody body) {
        return new DockerEndpoint(body.endpointId(), containerId, body.ipv4Address(), body.ipv6Address());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Copies {@code map} without its null values; a null map becomes empty. */
    private static Map<String, String> withoutNullValues(Map<String, String> map) {
        return map == null ? Map.of() : map.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /**
     * A network as {@code GET /networks} and {@code GET /networks/{id}} give it; the list may leave
     * {@code Containers} empty.
     *
     * @param id the full network id; JSON {@code "Id"}
     * @param name the network's name; JSON {@code "Name"}
     * @param driver the network's driver; JSON {@code "Driver"}
     * @param containers the endpoints by container id; JSON {@code "Containers"}; {@code null}
     *     becomes empty, a {@code null} entry one of empty strings
     * @param ipam its IPAM driver and config; JSON {@code "IPAM"}; {@code null} becomes empty
     */
    record NetworkBody(
            @JsonProperty("Id") String id,
            @JsonProperty("Name") String name,
            @JsonProperty("Driver") String driver,
            @JsonProperty("Containers") Map<String, EndpointBody> containers,
            @JsonProperty("IPAM") IpamBody ipam) {

        NetworkBody {
            id = text(id);
            name = text(name);
            driver = text(driver);
            containers = containers == null ? Map.of() : copyOf(containers);
            ipam = ipam == null ? new IpamBody("", List.of()) : ipam;
        }

        private static Map<String, EndpointBody> copyOf(Map<String, EndpointBody> containers) {
            Map<String, EndpointBody> copy = new LinkedHashMap<>();
            containers.forEach((key, value) -> copy.put(key, value == null ? new EndpointBody("", "", "") : value));
            return Collections.unmodifiableMap(copy);
        }
    }

    /**
     * A network's {@code IPAM}.
     *
     * @param driver the IPAM driver; JSON {@code "Driver"}
     * @param config its pools; JSON {@code "Config"}; {@code null} and {@code null} entries are left out
     */
    record IpamBody(
            @JsonProperty("Driver") String driver,
            @JsonProperty("Config") List<IpamConfigBody> config) {

        IpamBody {
            driver = text(driver);
            config = config == null ? List.of() : config.stream().filter(Objects::nonNull).toList();
        }
    }

    /**
     * One pool of a network's {@code IPAM.Config}.
     *
     * @param subnet JSON {@code "Subnet"}
     * @param gateway JSON {@code "Gateway"}, {@code ""} when Docker shows none
     * @param auxiliaryAddresses JSON {@code "AuxiliaryAddresses"}, by name
     */
    record IpamConfigBody(
            @JsonProperty("Subnet") String subnet,
            @JsonProperty("Gateway") String gateway,
            @JsonProperty("AuxiliaryAddresses") Map<String, String> auxiliaryAddresses) {

        IpamConfigBody {
            subnet = text(subnet);
            gateway = text(gateway);
            auxiliaryAddresses = withoutNullValues(auxiliaryAddresses);
        }
    }

    /**
     * One entry of a network's {@code Containers}.
     *
     * @param endpointId JSON {@code "EndpointID"}
     * @param ipv4Address JSON {@code "IPv4Address"}, CIDR form or {@code ""}
     * @param ipv6Address JSON {@code "IPv6Address"}, CIDR form or {@code ""}
     */
    record EndpointBody(
            @JsonProperty("EndpointID") String endpointId,
            @JsonProperty("IPv4Address") String ipv4Address,
            @JsonProperty("IPv6Address") String ipv6Address) {

        EndpointBody {
            endpointId = text(endpointId);
            ipv4Address = text(ipv4Address);
            ipv6Address = text(ipv6Address);
        }
    }

    /**
     * A container as {@code GET /containers/{id}/json} gives it.
     *
     * @param id the full container id; JSON {@code "Id"}
     * @param name its name with Docker's leading {@code /}; JSON {@code "Name"}
     * @param networkSettings JSON {@code "NetworkSettings"}; {@code null} becomes empty
     */
    record ContainerBody(
            @JsonProperty("Id") String id,
            @JsonProperty("Name") String name,
            @JsonProperty("NetworkSettings") NetworkSettingsBody networkSettings) {

        ContainerBody {
            id = text(id);
            name = text(name);
            networkSettings = networkSettings == null ? new NetworkSettingsBody(Map.of()) : networkSettings;
        }
    }

    /**
     * A container's {@code NetworkSettings}.
     *
     * @param networks its attachments by network name; JSON {@code "Networks"}; {@code null} and {@code null}
     *     entries are left out
     */
    record NetworkSettingsBody(@JsonProperty("Networks") Map<String, EndpointSettingsBody> networks) {

        NetworkSettingsBody {
            Map<String, EndpointSettingsBody> copy = new LinkedHashMap<>();
            if (networks != null) {
                networks.forEach((name, settings) -> {
                    if (settings != null) {
                        copy.put(name, settings);
                    }
                });
            }
            networks = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * One entry of a container's {@code NetworkSettings.Networks}.
     *
     * @param networkId JSON {@code "NetworkID"}
     * @param endpointId JSON {@code "EndpointID"}, {@code ""} while the container does not run
     * @param aliases JSON {@code "Aliases"}; {@code null} becomes empty
     */
    record EndpointSettingsBody(
            @JsonProperty("NetworkID") String networkId,
            @JsonProperty("EndpointID") String endpointId,
            @JsonProperty("Aliases") List<String> aliases) {

        EndpointSettingsBody {
            networkId = text(networkId);
            endpointId = text(endpointId);
            aliases = aliases == null ? List.of() : aliases.stream().filter(Objects::nonNull).toList();
        }
    }

    /**
     * One event of {@code GET /events}.
     *
     * @param type JSON {@code "Type"}
     * @param action JSON {@code "Action"}
     * @param actor JSON {@code "Actor"}; {@code null} becomes empty
     */
    record EventBody(
            @JsonProperty("Type") String type,
            @JsonProperty("Action") String action,
            @JsonProperty("Actor") ActorBody actor) {

        EventBody {
            type = text(type);
            action = text(action);
            actor = actor == null ? new ActorBody("", Map.of()) : actor;
        }

        DockerEvent event() {
            return new DockerEvent(type, action, actor.id(), actor.attributes());
        }
    }

    /**
     * An event's {@code Actor}.
     *
     * @param id JSON {@code "ID"}
     * @param attributes JSON {@code "Attributes"}; {@code null} and {@code null} values are left out
     */
    record ActorBody(
            @JsonProperty("ID") String id,
            @JsonProperty("Attributes") Map<String, String> attributes) {

        ActorBody {
            id = text(id);
            attributes = withoutNullValues(attributes);
        }
    }

    /**
     * Docker's error body.
     *
     * @param message the error text; JSON {@code "message"}
     */
    record ErrorBody(@JsonProperty("message") String message) {

        ErrorBody {
            message = text(message);
        }
    }
}
