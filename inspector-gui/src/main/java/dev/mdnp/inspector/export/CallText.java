package dev.mdnp.inspector.export;

import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Formats a recorded call's fields as the request log shows them, and a whole call as one tab-separated row
 * ("copy row"), which pastes into a spreadsheet cell by cell.
 */
public final class CallText {


    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private CallText() {
    }

    /**
     * Returns {@code call} as one line: seq, time, method, network id, endpoint id, status, error text and
     * duration in milliseconds, separated by tabs; ids are whole, tabs and line breaks inside values become spaces.
     */
    public static String row(RequestRecord call, ZoneId zone) {
        StringJoiner row = new StringJoiner("\t");
        row.add(Long.toString(call.seq()))
                .add(time(call.start(), zone))
                .add(call.method())
                .add(call.networkId())
                .add(call.endpointId())
                .add(Integer.toString(call.status()))
                .add(call.error().replaceAll("[\\t\\r\\n]+", " "))
                .add(millis(call.durationMicros()));
        return row.toString();
    }

    /** Returns the wall-clock time of {@code instant} in {@code zone}, as {@code HH:mm:ss.SSS}. */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** Returns the date and wall-clock time of {@code instant} in {@code zone}, as {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** Returns {@code micros} as milliseconds with two decimals, such as {@code 1.25}. */
    public static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    /** Returns the method without its {@code NetworkDriver.} or {@code IpamDriver.} prefix. */
    public static String shortMethod(String method) {
        if (method.startsWith("NetworkDriver.") || method.startsWith("IpamDriver.")) {
            return method.substring(method.indexOf('.') + 1);
        }
        return method;
    }


    /** Returns "OK" for a successful call, else its status and error text, such as {@code 500 no such sandbox}. */
    public static String result(RequestRecord call) {
        if (call.ok()) {
            return "OK";
        }
        return call.error().isEmpty() ? Integer.toString(call.status()) : call.status() + " " + call.error();
    }
}
