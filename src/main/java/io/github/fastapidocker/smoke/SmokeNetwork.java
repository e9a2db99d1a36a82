package io.github.fastapidocker.smoke;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.Locale;

/** How the smoke container is reached from the build. */
public enum SmokeNetwork {
    /**
     * The engine's default network; the container port is published on a free port of 127.0.0.1, or
     * of the {@code ProbeHost} on another engine.
     */
    BRIDGE,
    /**
     * The host's network: the server gets a free port in place of its configured one, so two builds
     * never collide (for engines without a bridge and some CI runners).
     */
    HOST;

    /** The engine's name for it. */
    public String engineName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The network a configured value names; empty means {@link #BRIDGE}.
     *
     * @param hints names the setting in the error
     * @throws ConfigurationException for anything but {@code bridge} or {@code host}
     */
    public static SmokeNetwork parse(String value, Hints hints) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "bridge" -> BRIDGE;
            case "host" -> HOST;
            default -> throw new ConfigurationException(
                    hints.name(Setting.SMOKE_NETWORK) + " must be bridge or host, was '" + value + "'");
        };
    }
}
