package io.github.fastapidocker.docker;

import java.time.Duration;
import java.util.Locale;

/**
 * How long the engine may stay silent in a call before the call is abandoned: no answer yet, or
 * no further byte of a streaming answer (a push's progress, a build's output). One setting,
 * {@code silence}, from which every call's limit follows:
 *
 * <ul>
 *   <li>the first contact (connecting, and the ping) waits at most {@link #FIRST_CONTACT}, or
 *       {@code silence} when that is shorter: a live engine answers a ping at once;
 *   <li>a build may be silent at least {@link #BUILD_SILENCE}, or {@code silence} when that is
 *       longer: a {@code RUN pip install} that compiles a package prints nothing for minutes;
 *   <li>stopping a container waits {@code silence} beyond its grace period;
 *   <li>every other call, a push among them, waits {@code silence}.
 * </ul>
 *
 * @param silence the most silence allowed in a call
 * @param howToAllowMore how the user raises {@code silence}, in the words of the tool that runs
 *     the plugin; every timeout message ends with it
 */
public record EngineTimeouts(Duration silence, String howToAllowMore) {
    /** The default silence: long enough for a registry to commit a large layer, short enough to notice a stall. */
    public static final Duration DEFAULT_SILENCE = Duration.ofSeconds(120);

    /** The longest the first contact waits. */
    public static final Duration FIRST_CONTACT = Duration.ofSeconds(10);

    /** The silence a build is always allowed. */
    public static final Duration BUILD_SILENCE = Duration.ofMinutes(30);

    public EngineTimeouts {
        if (silence == null || silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("the engine timeout must be positive, was " + silence);
        }
    }

    /** With a hint that names no tool: for callers that have no setting of their own. */
    public EngineTimeouts(Duration silence) {
        this(silence, "Allow a slow engine more time with a longer engine timeout");
    }

    /** The defaults, for callers that have no setting of their own. */
    public static EngineTimeouts defaults() {
        return new EngineTimeouts(DEFAULT_SILENCE);
    }

    /** Connecting to the engine. */
    public Duration connect() {
        return min(silence, FIRST_CONTACT);
    }

    /** The ping, the first call. */
    public Duration ping() {
        return min(silence, FIRST_CONTACT);
    }

    /** Any call but the first contact, a build and a stop. */
    public Duration call() {
        return silence;
    }

    /** A build: its upload, and its output between steps. */
    public Duration build() {
        return silence.compareTo(BUILD_SILENCE) > 0 ? silence : BUILD_SILENCE;
    }

    /** Stopping a container that is given {@code graceSeconds} to exit. */
    public Duration stop(int graceSeconds) {
        return silence.plusSeconds(Math.max(0, graceSeconds));
    }

    /** A limit as messages show it: {@code 5 s}, {@code 0.3 s}. */
    public static String seconds(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
