package dev.confab.server.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Raw configuration text merged from defaults, a file, the environment and flags (later wins), with
 * typed accessors that fail with a {@link ConfigException} naming the key.
 */
public final class ConfigValues {

    private final Map<String, String> values;

    private ConfigValues(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param file        a properties file, or null
     * @param environment the process environment (only CONFAB_* variables that name a key are read)
     * @param overrides   values from flags, by key name
     */
    public static ConfigValues load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(ConfigKeys.defaults());
        if (file != null) {
            readFile(file).forEach((k, v) -> merged.put(requireKnown(k, "in " + file), v));
        }
        for (ConfigKey key : ConfigKeys.ALL) {
            String fromEnv = environment.get(key.environmentVariable());
            if (fromEnv != null) {
                merged.put(key.name(), fromEnv);
            }
        }
        overrides.forEach((k, v) -> merged.put(requireKnown(k, "on the command line"), v));
        return new ConfigValues(merged);
    }

    public String text(String key) {
        return values.get(requireKnown(key, "in code")).strip();
    }

    public int integer(String key, int min, int max) {
        long value = longValue(key, min, max);
        return (int) value;
    }

    public long longValue(String key, long min, long max) {
        try {
            long value = Long.parseLong(text(key));
            if (value < min || value > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, got '" + text(key) + "'");
        }
    }

    public Duration duration(String key) {
        String raw = text(key);
        try {
            return Durations.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + " " + e.getMessage());
        }
    }

    public List<String> list(String key) {
        String raw = text(key);
        return raw.isEmpty() ? List.of() : Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String oneOf(String key, String... allowed) {
        String raw = text(key).toUpperCase(java.util.Locale.ROOT);
        if (!Arrays.asList(allowed).contains(raw)) {
            throw new ConfigException(key + " must be one of " + String.join(", ", allowed) + ", got '" + text(key) + "'");
        }
        return raw;
    }

    private static String requireKnown(String key, String where) {
        if (ConfigKeys.ALL.stream().noneMatch(k -> k.name().equals(key))) {
            throw new ConfigException("unknown configuration key '" + key + "' " + where
                    + " (see confab.example.properties for every key)");
        }
        return key;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new HashMap<>();
        properties.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }
}
