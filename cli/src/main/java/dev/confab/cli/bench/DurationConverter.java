package dev.confab.cli.bench;

import dev.confab.server.app.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Lets duration options be written as in the configuration: 500ms, 30s, 5m. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
