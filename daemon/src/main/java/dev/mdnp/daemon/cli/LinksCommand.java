package dev.mdnp.daemon.cli;

import static dev.mdnp.daemon.cli.Cells.bytes;
import static dev.mdnp.daemon.cli.Cells.orDash;
import static dev.mdnp.daemon.cli.Cells.shortId;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.LinkView;
import java.io.PrintWriter;
import java.time.InstantSource;
import picocli.CommandLine.Command;

/** {@code mdnp links}: the kernel's view of the daemon's bridges and veths, with drift ({@code /v1/links}). */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"List mdnp's bridges and veth ends as the kernel reports them, and whether they drifted from"
                + " mdnp's state."})
public final class LinksCommand extends ClientCommand {

    LinksCommand() {
        this(InstantSource.system());
    }

    LinksCommand(InstantSource clock) {
        super(clock);
    }

    @Override
    int run(InspectClient client, PrintWriter out) {
        if (json) {
            printJson(out, client.getText("/v1/links"));
            return EXIT_OK;
        }
        TextTable table = new TextTable("NAME", "KIND", "STATE", "MASTER", "PEER", "MTU", "MAC", "RX", "TX",
                "NETWORK ID", "ENDPOINT ID", "DRIFT");
        for (LinkView link : client.links()) {
            boolean missing = link.index() == 0;
            table.row(link.name(), orDash(link.kind()), state(link), orDash(link.master()), orDash(link.peer()),
                    missing ? "-" : Integer.toString(link.mtu()), orDash(link.mac()),
                    missing ? "-" : bytes(link.rxBytes()), missing ? "-" : bytes(link.txBytes()),
                    shortId(link.networkId()), shortId(link.endpointId()), drift(link.drift()));
        }
        table.print(out);
        return EXIT_OK;
    }

    private static String state(LinkView link) {
        if (link.index() == 0) {
            return "missing";
        }
        String oper = orDash(link.operState());
        return link.up() ? oper : oper + ",admin-down";
    }

    private static String drift(Drift drift) {
        switch (drift) {
            case MISSING_IN_KERNEL:
                return "missing in kernel";
            case UNKNOWN_TO_STATE:
                return "unknown to state";
            default:
                return "-";
        }
    }
}
