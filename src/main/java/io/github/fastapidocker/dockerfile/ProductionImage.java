package io.github.fastapidocker.dockerfile;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a production image adds to the guide's Dockerfile, each part opt-in: environment variables,
 * a user other than root and a health check. {@link #NONE} adds nothing, and the Dockerfile is the
 * guide's.
 *
 * @param user the numeric user (and group) the server runs as ({@code 10001}, {@code 10001:10001}),
 *     or {@code null} for the base image's (root)
 * @param environment {@code ENV} entries, sorted; empty for none
 * @param healthcheck the image's health check, or {@code null} for none
 * @param indexes the package indexes pip installs from; {@link PackageIndexes#NONE} for the base
 *     image's
 */
public record ProductionImage(
        String user, Map<String, String> environment, Healthcheck healthcheck, PackageIndexes indexes) {
    /** Nothing added. */
    public static final ProductionImage NONE = new ProductionImage(null, Map.of(), null, PackageIndexes.NONE);

    /** The largest user or group id accepted: what a 32-bit signed id holds, as every runtime takes. */
    static final long MAX_ID = Integer.MAX_VALUE;

    private static final Pattern NUMERIC_USER = Pattern.compile("([0-9]{1,10})(?::([0-9]{1,10}))?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** {@code scheme://user:password@}, or {@code scheme://token@}: a login in a URL. */
    private static final Pattern URL_LOGIN = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s]+@");

    /** Without a health check. */
    public ProductionImage(String user, Map<String, String> environment) {
        this(user, environment, null, PackageIndexes.NONE);
    }

    /** Without a package index of ours. */
    public ProductionImage(String user, Map<String, String> environment, Healthcheck healthcheck) {
        this(user, environment, healthcheck, PackageIndexes.NONE);
    }

    public ProductionImage {
        user = user == null || user.isBlank() ? null : user.trim();
        TreeMap<String, String> sorted = new TreeMap<>();
        if (environment != null) {
            environment.forEach((k, v) -> sorted.put(k, v == null ? "" : v));
        }
        environment = Collections.unmodifiableMap(sorted);
        indexes = indexes == null ? PackageIndexes.NONE : indexes;
    }

    /** Whether anything is added to the guide's Dockerfile. */
    public boolean isNone() {
        return user == null && environment.isEmpty() && healthcheck == null && indexes.isNone();
    }

    /**
     * Checks the values before anything is written or built; messages name the settings through
     * {@code hints}.
     */
    public ProductionImage validate(Hints hints) {
        if (user != null) {
            validateUser(user, hints.name(Setting.USER));
        }
        environment.forEach((name, value) -> validateVariable(name, value, hints.name(Setting.ENVIRONMENT)));
        if (healthcheck != null) {
            healthcheck.validate(hints);
        }
        indexes.validate(hints);
        return this;
    }

    /**
     * A numeric user (and group) other than root. A name would need a passwd entry, which the
     * python images have for root and system users only; a numeric {@code USER} needs none, on
     * Debian- and Alpine-based images alike. Group 0 is allowed (OpenShift runs any uid in it).
     */
    static void validateUser(String user, String name) {
        var numeric = NUMERIC_USER.matcher(user);
        if (!numeric.matches()) {
            throw new ConfigurationException(name + " must be a numeric user id, optionally with a group id (10001 or"
                    + " 10001:10001), was '" + user + "': a name needs a passwd entry in the image, which the python"
                    + " images do not have, and a numeric USER needs none");
        }
        long uid = Long.parseLong(numeric.group(1));
        if (uid == 0) {
            throw new ConfigurationException(name + " must not be root (uid 0), was '" + user + "': it is there to run"
                    + " the server without root. Use an id such as 10001, or leave it unset for the base image's user");
        }
        if (uid > MAX_ID || (numeric.group(2) != null && Long.parseLong(numeric.group(2)) > MAX_ID)) {
            throw new ConfigurationException(name + " ids must be at most " + MAX_ID + ", was '" + user + "'");
        }
    }

    static void validateVariable(String variable, String value, String name) {
        if (variable == null || !ENV_NAME.matcher(variable).matches()) {
            throw new ConfigurationException(name + " has an invalid variable name '" + variable
                    + "': letters, digits and _, not starting with a digit");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new ConfigurationException(name + " " + variable + " must be a single line");
        }
        if (URL_LOGIN.matcher(value).find()) {
            // Never echo the value: it holds the login.
            throw new ConfigurationException(name + " " + variable + " holds a URL with a login: an ENV is part of the"
                    + " image's configuration, which anyone who pulls the image can read. Pass secrets to the"
                    + " container when it runs instead");
        }
    }
}
