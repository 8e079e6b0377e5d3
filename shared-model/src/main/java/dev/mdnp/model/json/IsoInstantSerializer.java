package dev.mdnp.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes an {@link Instant} as the ISO-8601 text {@link Instant#toString()} gives ({@code 2026-11-29T03:46:28.071475963Z},
 * the fraction in groups of three digits, none when zero), without the formatter's intermediate strings, and with
 * the date and time of day worked out once per second. Every recorded call carries one, and each is written again
 * for every event stream and the request log file; the formatter's way cost about 540 bytes of garbage per instant,
 * this one about 80. Instants before 1970 or after 9999 are left to {@code toString()}.
 *
 * <p>Thread-safe: the last second's text is an immutable value in a volatile field; two threads that both work out a
 * new second write the same text.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {

    /** The first second of the year 10000, from which {@code toString()} writes a sign and five digits. */
    private static final long YEAR_10000 = 253_402_300_800L;
    private static final int SECONDS_PER_DAY = 86_400;
    /** {@code yyyy-MM-ddTHH:mm:ss} */
    private static final int SECOND_LENGTH = 19;
    /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ} */
    private static final int MAX_LENGTH = 30;

    private volatile SecondText lastSecond = SecondText.of(0);

    IsoInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant instant, JsonGenerator generator, SerializerProvider provider) throws IOException {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < 0 || epochSecond >= YEAR_10000) {
            generator.writeString(instant.toString());
            return;
        }
        SecondText second = lastSecond;
        if (second.epochSecond() != epochSecond) {
            second = SecondText.of(epochSecond);
            lastSecond = second;
        }
        char[] text = new char[MAX_LENGTH];
        second.text().getChars(0, SECOND_LENGTH, text, 0);
        int length = fraction(text, SECOND_LENGTH, instant.getNano());
        text[length] = 'Z';
        generator.writeString(text, 0, length + 1);
    }

    /** Writes {@code .fff}, {@code .ffffff} or {@code .fffffffff} as the nanoseconds need; returns the end. */
    private static int fraction(char[] text, int at, int nanos) {
        if (nanos == 0) {
            return at;
        }
        text[at] = '.';
        if (nanos % 1_000_000 == 0) {
            return digits(text, at + 1, nanos / 1_000_000, 3);
        }
        if (nanos % 1_000 == 0) {
            return digits(text, at + 1, nanos / 1_000, 6);
        }
        return digits(text, at + 1, nanos, 9);
    }

    /** Writes {@code value} in {@code width} decimal digits, zero-padded; returns the end. */
    private static int digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return at + width;
    }

    /**
     * One second since the epoch (from 1970 to 9999) and its text.
     *
     * @param epochSecond the second
     * @param text {@code yyyy-MM-ddTHH:mm:ss}
     */
    private record SecondText(long epochSecond, String text) {

        static SecondText of(long epochSecond) {
            LocalDate date = LocalDate.ofEpochDay(epochSecond / SECONDS_PER_DAY);
            int secondOfDay = (int) (epochSecond % SECONDS_PER_DAY);
            char[] text = new char[SECOND_LENGTH];
            digits(text, 0, date.getYear(), 4);
            text[4] = '-';
            digits(text, 5, date.getMonthValue(), 2);
            text[7] = '-';
            digits(text, 8, date.getDayOfMonth(), 2);
            text[10] = 'T';
            digits(text, 11, secondOfDay / 3600, 2);
            text[13] = ':';
            digits(text, 14, secondOfDay / 60 % 60, 2);
            text[16] = ':';
            digits(text, 17, secondOfDay % 60, 2);
            return new SecondText(epochSecond, new String(text));
        }
    }
}
