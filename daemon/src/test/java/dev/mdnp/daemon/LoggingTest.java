package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code --log-stream} points the one console appender of {@link LogSetup} at stdout or stderr. */
class LoggingTest {

    private final CommandLine serve = Main.commandLine(Map.of(), Path.of("/nonexistent/mdnp.conf"))
            .getSubcommands().get("serve");

    @AfterEach
    void backToTheDefaults() {
        Logging.configure(serve, "info", "stderr");
    }

    @Test
    void stdoutMovesTheConsoleAppenderToStandardOutput() {
        Logging.configure(serve, "info", "stdout");

        assertThat(console().getTarget()).isEqualTo("System.out");
        assertThat(console().isStarted()).isTrue();
    }

    @Test
    void stderrIsTheDefaultTarget() {
        Logging.configure(serve, "debug", "stderr");

        assertThat(console().getTarget()).isEqualTo("System.err");
        assertThat(((Logger) LoggerFactory.getLogger("dev.mdnp.daemon")).getLevel().levelStr).isEqualTo("DEBUG");
    }

    private static ConsoleAppender<ILoggingEvent> console() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        return (ConsoleAppender<ILoggingEvent>) root.getAppender(Logging.APPENDER);
    }
}
