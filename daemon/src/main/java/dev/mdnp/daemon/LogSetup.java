package dev.mdnp.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration, in code rather than XML (parsing XML cost a tenth of the daemon's start): one line per
 * event on stderr, which systemd's journal and the e2e tests read, so the CLI's stdout stays clean for tables and
 * JSON. mdnp's own loggers at INFO, libraries at WARN.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n";
    /** The loggers of every mdnp module: the daemon's package's parent. */
    private static final String PROJECT = Main.class.getPackageName()
            .substring(0, Main.class.getPackageName().lastIndexOf('.'));

    /** For logback's ServiceLoader. */
    public LogSetup() {
        // configured by configure()
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(Logging.APPENDER);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        context.getLogger(PROJECT).setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
