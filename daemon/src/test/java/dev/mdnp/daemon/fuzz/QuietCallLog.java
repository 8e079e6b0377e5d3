package dev.mdnp.daemon.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Takes the place of the console appenders while the fuzzer runs: the daemon logs one line per call, a few hundred
 * thousand here. Every event is still formatted, as the console would format it, and counted with the length of the
 * longest line; warnings and errors still reach the console.
 *
 * <p>Thread-safe: the daemon's threads log concurrently.
 */
final class QuietCallLog extends AppenderBase<ILoggingEvent> {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<Appender<ILoggingEvent>> console = new ArrayList<>();
    private long lines;
    private long longest;

    /** Replaces the root logger's appenders with this one. */
    void attach() {
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            console.add(it.next());
        }
        console.forEach(root::detachAppender);
        setContext(root.getLoggerContext());
        start();
        root.addAppender(this);
    }

    /** Puts the root logger's appenders back. */
    void detach() {
        root.detachAppender(this);
        stop();
        console.forEach(root::addAppender);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines++;
        longest = Math.max(longest, event.getFormattedMessage().length());
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            console.forEach(appender -> appender.doAppend(event));
        }
    }

    /** Returns how many events were logged. */
    synchronized long lines() {
        return lines;
    }

    /** Returns the length of the longest message. */
    synchronized long longest() {
        return longest;
    }
}
