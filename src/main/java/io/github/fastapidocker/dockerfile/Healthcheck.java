package io.github.fastapidocker.dockerfile;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code HEALTHCHECK} that GETs a path of the server with Python's standard library (slim images
 * have no curl), in exec form. It asks the port the server really listens on: the {@code --port}
 * of process 1's command line (also when the smoke test moves the port), else the configured one.
 *
 * @param path the path to GET, starting with {@code /}
 * @param interval the time between checks, as Docker writes durations ({@code 30s}, {@code 1m30s})
 * @param timeout how long one check may take
 * @param startPeriod how long failures do not count after the container starts
 * @param retries failed checks in a row that make the container unhealthy
 */
public record Healthcheck(String path, String interval, String timeout, String startPeriod, int retries) {
    public static final String DEFAULT_PATH = "/docs";
    public static final String DEFAULT_INTERVAL = "30s";
    public static final String DEFAULT_TIMEOUT = "5s";
    public static final String DEFAULT_START_PERIOD = "5s";
    public static final int DEFAULT_RETRIES = 3;
    static final int MAX_RETRIES = 100;

    /** Docker's durations, in the units that make sense for a health check. */
    private static final Pattern DURATION = Pattern.compile("(?:[0-9]+(?:\\.[0-9]+)?(?:ms|h|m|s))+");

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|h|m|s)");

    /**
     * The check the program runs: argv[1] the path, argv[2] the port to fall back on, argv[3] the
     * timeout in seconds. Any failure (refused, timed out, a status of 400 or more) is an uncaught
     * exception, so the exit code is 1, and the hook prints one line for the health log instead of
     * a traceback.
     */
    static final String PROGRAM = "import sys, urllib.request as u;"
            + " a = open('/proc/1/cmdline').read().split('\\0');"
            + " p = ([a[i + 1] for i, x in enumerate(a[:-1]) if x == '--port']"
            + " + [x[7:] for x in a if x.startswith('--port=')] + [sys.argv[2]])[0];"
            + " sys.excepthook = lambda t, e, b: print('GET', sys.argv[1], 'on port', p + ':', e);"
            + " u.urlopen('http://127.0.0.1:' + p + sys.argv[1], timeout=float(sys.argv[3]))";

    /** Each value given, else its default; blanks count as not given. */
    public static Healthcheck of(String path, String interval, String timeout, String startPeriod, Integer retries) {
        return new Healthcheck(
                orDefault(path, DEFAULT_PATH),
                orDefault(interval, DEFAULT_INTERVAL),
                orDefault(timeout, DEFAULT_TIMEOUT),
                orDefault(startPeriod, DEFAULT_START_PERIOD),
                retries == null ? DEFAULT_RETRIES : retries);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Checks the values; messages name the element through {@code hints}. */
    public Healthcheck validate(Hints hints) {
        String name = hints.name(Setting.HEALTHCHECK);
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConfigurationException(name + hints.element(Setting.HEALTHCHECK, "path")
                    + " must be a path starting with / and without spaces, such as /health, was '" + path + "'");
        }
        duration(interval, "interval", false, hints);
        duration(timeout, "timeout", false, hints);
        duration(startPeriod, "startPeriod", true, hints);
        if (retries < 1 || retries > MAX_RETRIES) {
            throw new ConfigurationException(name + hints.element(Setting.HEALTHCHECK, "retries") + " must be 1-"
                    + MAX_RETRIES + ", was " + retries);
        }
        return this;
    }

    /**
     * Checks a duration.
     *
     * @throws ConfigurationException when it is not one, or is zero where zero is not allowed
     */
    private static void duration(String value, String field, boolean zeroAllowed, Hints hints) {
        String name = hints.name(Setting.HEALTHCHECK) + hints.element(Setting.HEALTHCHECK, field);
        if (!DURATION.matcher(value).matches()) {
            throw new ConfigurationException(name + " must be a duration such as 30s, 1m30s or 500ms (units h, m, s,"
                    + " ms), was '" + value + "'");
        }
        double millis = millis(value);
        if (millis < 1 && !(zeroAllowed && millis == 0)) {
            throw new ConfigurationException(name + " must be at least 1ms, was '" + value + "'");
        }
    }

    /** The milliseconds of a duration such as {@code 1m30s} (already checked). */
    static double millis(String value) {
        double millis = 0;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            millis += switch (part.group(2)) {
                case "h" -> amount * 3_600_000;
                case "m" -> amount * 60_000;
                case "s" -> amount * 1000;
                default -> amount;
            };
        }
        return millis;
    }

    /** The timeout in seconds, for the check's own HTTP timeout. */
    String timeoutSeconds() {
        long millis = Math.max(1, (long) Math.floor(millis(timeout)));
        return millis % 1000 == 0
                ? Long.toString(millis / 1000)
                : String.format(Locale.ROOT, "%.3f", millis / 1000.0).replaceAll("0+$", "");
    }

    /** The instruction, for a server configured to listen on {@code port}. */
    String instruction(int port) {
        return "HEALTHCHECK --interval=" + interval + " --timeout=" + timeout + " --start-period=" + startPeriod
                + " --retries=" + retries + " \\\n"
                + "    CMD " + DockerfileRenderer.execForm(command(port)) + "\n";
    }

    /** What the engine runs. */
    List<String> command(int port) {
        return List.of("python3", "-c", PROGRAM, path, Integer.toString(port), timeoutSeconds());
    }
}
