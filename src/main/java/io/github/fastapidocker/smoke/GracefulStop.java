package io.github.fastapidocker.smoke;

import io.github.fastapidocker.kernel.ConfigurationException;
import java.util.Locale;

/** What a stop that was not graceful (killed, or a non-zero exit) does to the build. */
public enum GracefulStop {
    /** Fails the build. */
    FAIL,
    /** Logs a warning. */
    WARN,
    /** Does not stop gracefully at all: the container is removed at once, nothing is checked. */
    OFF;

    public static GracefulStop parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "fail" -> FAIL;
            case "warn" -> WARN;
            case "off" -> OFF;
            default -> throw new ConfigurationException(
                    "<gracefulStop> / fastapi.smoke.gracefulStop must be fail, warn or off, was '" + value + "'");
        };
    }
}
