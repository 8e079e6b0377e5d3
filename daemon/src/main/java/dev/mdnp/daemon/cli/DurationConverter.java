package dev.mdnp.daemon.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations written as {@code 500ms}, {@code 10s} or {@code 2m}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    /** Returns the duration {@code value} names; throws picocli's {@code TypeConversionException} if none. */
    @Override
    public Duration convert(String value) {
        String text = value.trim();
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
        } catch (NumberFormatException e) {
            throw new TypeConversionException("invalid duration \"" + value + "\": " + e.getMessage());
        }
        throw new TypeConversionException("invalid duration \"" + value + "\": use e.g. 500ms, 10s or 2m");
    }
}
