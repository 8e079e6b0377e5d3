package dev.mdnp.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Applies {@code serve}'s {@code --log-level} and {@code --log-stream} to the one console appender that
 * {@link LogSetup} declares.
 */
final class Logging {

    /** The name of the console appender {@link LogSetup} declares. */
    static final String APPENDER = "CONSOLE";

    private Logging() {
    }

    /**
     * Sets the level of mdnp's loggers and points the console appender at stdout or stderr.
     *
     * @throws ParameterException if the level or the stream is unknown; it names the option
     */
    static void configure(CommandLine command, String level, String stream) {
        Level parsed = Level.toLevel(level, null);
        if (parsed == null) {
            throw new ParameterException(command, "unknown log level \"" + level
                    + "\": use error, warn, info, debug or trace", command.getCommandSpec().findOption("--log-level"),
                    level);
        }
        String target = switch (stream.toLowerCase(Locale.ROOT)) {
            case "stderr" -> "System.err";
            case "stdout" -> "System.out";
            default -> throw new ParameterException(command, "unknown log stream \"" + stream
                    + "\": use stderr or stdout", command.getCommandSpec().findOption("--log-stream"), stream);
        };
        ((Logger) LoggerFactory.getLogger(Main.class.getPackageName())).setLevel(parsed);
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
        if (appender instanceof ConsoleAppender<ILoggingEvent> console && !console.getTarget().equals(target)) {
            console.stop();
            console.setTarget(target);
            console.start();
        }
    }
}
