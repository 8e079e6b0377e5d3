package dev.mdnp.daemon.cli;

import static dev.mdnp.daemon.cli.Cells.bytes;
import static dev.mdnp.daemon.cli.Cells.orDash;
import static dev.mdnp.daemon.cli.Cells.shortId;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NetworkView;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/**
 * {@code mdnp containers}: the containers mdnp's endpoints are joined to ({@code /v1/containers}), one row per
 * interface as the container sees it (name, state, counters), with the network's name and the endpoint's address;
 * why an interface could not be read is listed under the table.
 */
@Command(name = "containers", mixinStandardHelpOptions = true,
        description = "List the containers mdnp's endpoints are joined to: each interface as the container sees it"
                + " (eth0, eth1, ...), its network, address, state and traffic.")
public final class ContainersCommand extends ClientCommand {

    ContainersCommand() {
        this(InstantSource.system());
    }

    ContainersCommand(InstantSource clock) {
        super(clock);
    }

    @Override
    int run(InspectClient client, PrintWriter out) {
        if (json) {
            printJson(out, client.getText("/v1/containers"));
            return EXIT_OK;
        }
        List<ContainerView> containers = client.containers();
        Map<String, EndpointView> endpoints = client.endpoints().stream()
                .collect(Collectors.toMap(EndpointView::id, Function.identity(), (first, second) -> first));
        Map<String, NetworkView> networks = client.networks().stream()
                .collect(Collectors.toMap(NetworkView::id, Function.identity(), (first, second) -> first));
        TextTable table = new TextTable("CONTAINER", "INTERFACE", "NETWORK", "ADDRESS", "STATE", "RX", "TX");
        List<String> problems = new ArrayList<>();
        for (ContainerView container : containers) {
            String name = name(container);
            for (ContainerInterfaceView view : container.interfaces()) {
                boolean read = view.isRead();
                table.row(name, read ? view.name() : "?", network(view.networkId(), networks.get(view.networkId())),
                        address(endpoints.get(view.endpointId())), read ? orDash(view.operState()) : "unread",
                        read ? bytes(view.rxBytes()) : "-", read ? bytes(view.txBytes()) : "-");
                if (!read) {
                    problems.add(name + ", endpoint " + shortId(view.endpointId()) + ": " + view.problem());
                }
            }
        }
        table.print(out);
        if (!problems.isEmpty()) {
            out.println();
            problems.forEach(problem -> out.println("unread: " + problem));
            out.flush();
        }
        return EXIT_OK;
    }

    /** Returns Docker's name of the container, else its short id, else the last part of its sandbox key. */
    private static String name(ContainerView container) {
        if (!container.container().name().isEmpty()) {
            return container.container().name();
        }
        if (!container.container().id().isEmpty()) {
            return shortId(container.container().id());
        }
        String key = container.sandboxKey();
        return "sandbox " + key.substring(key.lastIndexOf('/') + 1);
    }

    private static String network(String id, @Nullable NetworkView network) {
        return network == null || network.name().isEmpty() ? shortId(id) : network.name();
    }

    private static String address(@Nullable EndpointView endpoint) {
        if (endpoint == null) {
            return "-";
        }
        return orDash(endpoint.ipv4Address().isEmpty() ? endpoint.ipv6Address() : endpoint.ipv4Address());
    }
}
