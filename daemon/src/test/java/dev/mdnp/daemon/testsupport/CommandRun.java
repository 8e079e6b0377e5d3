package dev.mdnp.daemon.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The outcome of one command run through picocli with captured output.
 *
 * @param exitCode the exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
public record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code command} with {@code args} as picocli would from {@code main}, capturing both streams. */
    public static CommandRun of(Object command, String... args) {
        return of(new CommandLine(command), args);
    }

    /** Runs {@code args} on a command line already built, capturing what it prints. */
    public static CommandRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
