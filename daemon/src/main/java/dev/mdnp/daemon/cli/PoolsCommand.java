package dev.mdnp.daemon.cli;

import static dev.mdnp.daemon.cli.Cells.orDash;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.PoolView;
import java.io.PrintWriter;
import java.time.InstantSource;
import picocli.CommandLine.Command;

/** {@code mdnp pools}: the IPAM pools with their use ({@code /v1/ipam/pools}). */
@Command(name = "pools", mixinStandardHelpOptions = true,
        description = "List the address pools of mdnp's IPAM driver with used and free addresses.")
public final class PoolsCommand extends ClientCommand {

    PoolsCommand() {
        this(InstantSource.system());
    }

    PoolsCommand(InstantSource clock) {
        super(clock);
    }

    @Override
    int run(InspectClient client, PrintWriter out) {
        if (json) {
            printJson(out, client.getText("/v1/ipam/pools"));
            return EXIT_OK;
        }
        TextTable table = new TextTable("POOL ID", "ADDRESS SPACE", "POOL", "SUB POOL", "USED", "FREE");
        for (PoolView pool : client.pools()) {
            table.row(pool.poolId(), pool.addressSpace(), pool.pool(), orDash(pool.subPool()),
                    Long.toString(pool.used()), Long.toString(pool.free()));
        }
        table.print(out);
        return EXIT_OK;
    }
}
