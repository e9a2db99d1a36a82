package io.github.fastapidocker.smoke;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.Locale;

/** What a stop that was not graceful (killed, or a non-zero exit) does to the build. */
public enum GracefulStop {
    /** Fails the build. */
    FAIL,
    /** Logs a warning. */
    WARN,
    /** Does not stop gracefully at all: the container is removed at once, nothing is checked. */
    OFF;

    /**
     * The behaviour a configured value names; empty means {@link #FAIL}.
     *
     * @param hints names the setting in the error
     * @throws ConfigurationException for anything but {@code fail}, {@code warn} or {@code off}
     */
    public static GracefulStop parse(String value, Hints hints) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "fail" -> FAIL;
            case "warn" -> WARN;
            case "off" -> OFF;
            default -> throw new ConfigurationException(
                    hints.name(Setting.GRACEFUL_STOP) + " must be fail, warn or off, was '" + value + "'");
        };
    }
}
