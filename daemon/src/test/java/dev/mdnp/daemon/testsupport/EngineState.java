package dev.mdnp.daemon.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the private engine holds on one plugin's networks, read with {@code docker network inspect} and
 * {@code docker inspect}: the networks (with their IPAM driver and subnets) and every container endpoint on them (with
 * its address and gateway). The truth the e2e audits compare mdnp with.
 *
 * <p>A container's endpoint counts only when the network lists the container: after a {@code docker network connect}
 * that failed in the driver (a plugin killed during the join), Docker 20.10 undoes the endpoint (Leave,
 * DeleteEndpoint, ReleaseAddress) but keeps the network in the container's {@code NetworkSettings}, with the deleted
 * endpoint's id, until the container is removed: {@code docker inspect} then names a network the container is not
 * on.
 *
 * @param networks the networks whose driver is the plugin
 * @param attachments the endpoints of containers on them, as Docker lists them in the networks
 */
public record EngineState(List<EngineNetwork> networks, List<Attachment> attachments) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the lists. */
    public EngineState {
        networks = List.copyOf(networks);
        attachments = List.copyOf(attachments);
    }

    /**
     * A network of the plugin.
     *
     * @param id Docker's id
     * @param name its name
     * @param ipamDriver its IPAM driver, {@code default} for Docker's own
     * @param subnets its subnets in CIDR form
     */
    public record EngineNetwork(String id, String name, String ipamDriver, List<String> subnets) {

        /** Copies the list. */
        public EngineNetwork {
            subnets = List.copyOf(subnets);
        }
    }

    /**
     * A container's endpoint on one of the plugin's networks.
     *
     * @param container the container's id
     * @param containerName its name, without the leading slash
     * @param networkId the network's id
     * @param networkName the network's name
     * @param endpointId Docker's endpoint id
     * @param ipv4 its IPv4 address, bare, {@code ""} when none
     * @param gateway its IPv4 gateway, {@code ""} when none
     * @param ipv6 its IPv6 address, bare, {@code ""} when none
     */
    public record Attachment(String container, String containerName, String networkId, String networkName,
            String endpointId, String ipv4, String gateway, String ipv6) {
    }

    /** Reads what the engine behind {@code docker} holds on the networks whose driver is {@code driver}. */
    public static EngineState read(DockerCli docker, String driver) throws IOException, InterruptedException {
        List<String> ids = lines(docker.ok("network", "ls", "-q", "--no-trunc", "--filter", "driver=" + driver));
        if (ids.isEmpty()) {
            return new EngineState(List.of(), List.of());
        }
        List<EngineNetwork> networks = new ArrayList<>();
        Map<String, Set<String>> containersOf = new LinkedHashMap<>();
        for (JsonNode network : inspect(docker, "network", ids)) {
            if (!driver.equals(network.path("Driver").asText())) {
                continue; // the filter matches by substring
            }
            List<String> subnets = new ArrayList<>();
            network.path("IPAM").path("Config").forEach(config -> subnets.add(config.path("Subnet").asText()));
            networks.add(new EngineNetwork(network.path("Id").asText(), network.path("Name").asText(),
                    network.path("IPAM").path("Driver").asText(), subnets));
            Set<String> listed = new LinkedHashSet<>();
            network.path("Containers").fieldNames().forEachRemaining(listed::add);
            containersOf.put(network.path("Id").asText(), listed);
        }
        return new EngineState(networks, attachments(docker, containersOf));
    }

    /** Returns the endpoints of the containers each network lists, by network id. */
    private static List<Attachment> attachments(DockerCli docker, Map<String, Set<String>> containersOf)
            throws IOException, InterruptedException {
        Set<String> containers = new LinkedHashSet<>();
        containersOf.values().forEach(containers::addAll);
        List<Attachment> attachments = new ArrayList<>();
        if (containers.isEmpty()) {
            return attachments;
        }
        // Containers listed in a network come and go: one removed since is simply not in the answer.
        for (JsonNode node : inspect(docker, "container", List.copyOf(containers))) {
            String name = node.path("Name").asText().replaceFirst("^/", "");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("NetworkSettings").path("Networks").fields();
                    it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode settings = entry.getValue();
                String networkId = settings.path("NetworkID").asText();
                boolean listed = containersOf.getOrDefault(networkId, Set.of()).contains(node.path("Id").asText());
                if (listed && !settings.path("EndpointID").asText().isEmpty()) {
                    attachments.add(new Attachment(node.path("Id").asText(), name, networkId, entry.getKey(),
                            settings.path("EndpointID").asText(), settings.path("IPAddress").asText(),
                            settings.path("Gateway").asText(), settings.path("GlobalIPv6Address").asText()));
                }
            }
        }
        return attachments;
    }

    /** Returns the endpoints on the network with this id. */
    public List<Attachment> attachmentsOn(String networkId) {
        return attachments.stream().filter(attachment -> attachment.networkId().equals(networkId)).toList();
    }

    private static JsonNode inspect(DockerCli docker, String type, List<String> ids)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(type, "inspect"));
        args.addAll(ids);
        // An object removed between listing and inspecting makes inspect fail, but it still prints the others.
        DockerCli.Result result = docker.run(args.toArray(String[]::new));
        return JSON.readTree(result.out().isEmpty() ? "[]" : result.out());
    }

    private static List<String> lines(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }
}
