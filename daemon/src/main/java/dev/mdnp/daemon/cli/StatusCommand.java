package dev.mdnp.daemon.cli;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.InfoView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;

/** {@code mdnp status}: whether the daemon runs, and its summary ({@code /v1/info}). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show whether mdnp runs: version, uptime, sockets, counts.",
            "Exit status: 0 running, 1 it answered with an error, 2 it cannot be reached."})
public final class StatusCommand extends ClientCommand {

    StatusCommand() {
        this(InstantSource.system());
    }

    StatusCommand(InstantSource clock) {
        super(clock);
    }

    @Override
    int run(InspectClient client, PrintWriter out) {
        if (json) {
            printJson(out, client.getText("/v1/info"));
            return EXIT_OK;
        }
        InfoView info = client.info();
        Duration up = Duration.between(info.startedAt(), clock.instant());
        TextTable table = new TextTable("mdnp", "running");
        table.row("plugin", info.name())
                .row("version", info.version())
                .row("started", info.startedAt().truncatedTo(ChronoUnit.SECONDS) + " (up " + uptime(up) + ")")
                .row("plugin socket", info.pluginSocket())
                .row("inspect socket", client.socket().toString())
                .row("state dir", info.stateDir())
                .row("networks", Integer.toString(info.networks()))
                .row("endpoints", Integer.toString(info.endpoints()))
                .row("calls served", Long.toString(info.requests()))
                .row("last call seq", Long.toString(info.lastSeq()))
                .row("history size", Integer.toString(info.historySize()))
                .row("dropped events", Long.toString(info.droppedEvents()));
        table.print(out);
        return EXIT_OK;
    }

    /** Returns an uptime as {@code 2d 3h 4m}, {@code 3h 4m}, {@code 4m 5s} or {@code 5s}. */
    static String uptime(Duration up) {
        long seconds = Math.max(0, up.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h " + minutes + "m";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + seconds % 60 + "s";
        }
        return seconds + "s";
    }
}
