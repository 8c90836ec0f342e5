package org.evidencegateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;

/**
 * One configuration key: kebab-case name, default value (as text, exactly as it would be written in the file),
 * a one-sentence description, and how its text becomes a typed value.
 *
 * @param <T> the type of the value
 */
public record ConfigKey<T>(String name, String defaultValue, String description, Function<String, T> parser) {

    /** Reads the key's value from text, or fails with {@link ErrorCode#CONFIG_INVALID} naming the key. */
    public T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new CodedException(ErrorCode.CONFIG_INVALID, e, name, "\"" + text + "\": " + e.getMessage());
        }
    }

    static ConfigKey<String> text(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, ConfigKey::nonEmpty);
    }

    static ConfigKey<Path> path(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, t -> Path.of(nonEmpty(t)));
    }

    static ConfigKey<Boolean> flag(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, t -> switch (t) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    static ConfigKey<Integer> port(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, t -> inRange(Integer.parseInt(t), 0, 65535));
    }

    static ConfigKey<Integer> count(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, t -> inRange(Integer.parseInt(t), 1, Integer.MAX_VALUE));
    }

    static ConfigKey<Long> bytes(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, ConfigKey::byteSize);
    }

    static ConfigKey<Duration> duration(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, t -> {
            Duration d = Duration.parse(t);
            if (d.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return d;
        });
    }

    static ConfigKey<List<String>> list(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description,
                t -> t.isEmpty() ? List.of() : Arrays.stream(t.split(",")).map(String::trim).toList());
    }

    private static String nonEmpty(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return text;
    }

    private static int inRange(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return value;
    }

    /** {@code 123}, {@code 64KiB}, {@code 16MiB}, {@code 4GiB}, {@code 1TiB}. */
    private static long byteSize(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        String[] units = {"TIB", "GIB", "MIB", "KIB"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (t.endsWith(units[i])) {
                return Math.multiplyExact(Long.parseLong(t.substring(0, t.length() - units[i].length()).trim()),
                        1L << shifts[i]);
            }
        }
        long value = Long.parseLong(t);
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return value;
    }
}
