package dev.mdnp.daemon.cli;

import static dev.mdnp.daemon.cli.Cells.ago;
import static dev.mdnp.daemon.cli.Cells.orDash;
import static dev.mdnp.daemon.cli.Cells.shortId;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.NetworkView;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code mdnp networks}: the networks the daemon holds ({@code /v1/networks}). */
@Command(name = "networks", mixinStandardHelpOptions = true,
        description = "List the networks mdnp holds: id, Docker's name, bridge, subnets, gateways, MTU, endpoints,"
                + " age.")
public final class NetworksCommand extends ClientCommand {

    NetworksCommand() {
        this(InstantSource.system());
    }

    NetworksCommand(InstantSource clock) {
        super(clock);
    }

    @Override
    int run(InspectClient client, PrintWriter out) {
        if (json) {
            printJson(out, client.getText("/v1/networks"));
            return EXIT_OK;
        }
        Instant now = clock.instant();
        TextTable table = new TextTable("NETWORK ID", "NAME", "BRIDGE", "SUBNETS", "GATEWAYS", "MTU", "ENDPOINTS",
                "CREATED");
        for (NetworkView network : client.networks()) {
            List<String> subnets = new ArrayList<>(network.ipv4Subnets());
            subnets.addAll(network.ipv6Subnets());
            table.row(shortId(network.id()), orDash(network.name()), network.bridge(), orDash(String.join(",", subnets)),
                    orDash(String.join(",", network.gateways())),
                    network.mtu() == 0 ? "default" : Integer.toString(network.mtu()),
                    Integer.toString(network.endpoints()), ago(network.createdAt(), now));
        }
        table.print(out);
        return EXIT_OK;
    }
}
