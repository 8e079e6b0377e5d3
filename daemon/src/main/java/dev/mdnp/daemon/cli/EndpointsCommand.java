package dev.mdnp.daemon.cli;

import static dev.mdnp.daemon.cli.Cells.orDash;
import static dev.mdnp.daemon.cli.Cells.shortId;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.PortView;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code mdnp endpoints}: the endpoints the daemon holds ({@code /v1/endpoints}), with their published ports as
 * {@code docker ps} shows them: {@code docker port} cannot show a remote driver's ports.
 */
@Command(name = "endpoints", mixinStandardHelpOptions = true,
        description = "List the endpoints mdnp holds: id, network, container (name and aliases), veth ends, MAC,"
                + " addresses, joined, published ports (-p).")
public final class EndpointsCommand extends ClientCommand {

    EndpointsCommand() {
        this(InstantSource.system());
    }

    EndpointsCommand(InstantSource clock) {
        super(clock);
    }

    @Override
    int run(InspectClient client, PrintWriter out) {
        if (json) {
            printJson(out, client.getText("/v1/endpoints"));
            return EXIT_OK;
        }
        TextTable table = new TextTable("ENDPOINT ID", "NETWORK ID", "CONTAINER", "HOST IF", "CONTAINER IF", "MAC",
                "IPV4", "IPV6", "JOINED", "PORTS");
        for (EndpointView endpoint : client.endpoints()) {
            table.row(shortId(endpoint.id()), shortId(endpoint.networkId()), container(endpoint.container()),
                    orDash(endpoint.hostIfName()),
                    orDash(endpoint.containerIfName()), orDash(endpoint.mac()), orDash(endpoint.ipv4Address()),
                    orDash(endpoint.ipv6Address()), endpoint.joined() ? "yes" : "no", orDash(ports(endpoint)));
        }
        table.print(out);
        return EXIT_OK;
    }

    /** Returns the container as {@code web (www, api)}: its name and aliases; its short id when nameless. */
    static String container(ContainerRef container) {
        String name = container.name().isEmpty() ? shortId(container.id()) : container.name();
        return container.aliases().isEmpty() ? name : name + " (" + String.join(", ", container.aliases()) + ")";
    }

    /** Returns the ports as {@code docker ps} lists them: {@code 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp}. */
    static String ports(EndpointView endpoint) {
        return endpoint.ports().stream().map(PortView::text).collect(Collectors.joining(", "));
    }
}
