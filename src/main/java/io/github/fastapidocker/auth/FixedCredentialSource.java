package io.github.fastapidocker.auth;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A login given as plain values: the POM's {@code <registryUsername>}/{@code <registryPassword>},
 * or a Maven {@code settings.xml} server the Maven layer has already looked up and decrypted.
 * Values apply to whatever registry the image names.
 */
public final class FixedCredentialSource implements CredentialSource {
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{[\\w.-]+\\}");
    private final String description;
    private final String usernameName;
    private final String passwordName;
    private final String username;
    private final String password;

    private FixedCredentialSource(
            String description, String usernameName, String passwordName, String username, String password) {
        this.description = description;
        this.usernameName = usernameName;
        this.passwordName = passwordName;
        this.username = blankToNull(username);
        this.password = password == null || password.isEmpty() ? null : password;
    }

    /** The plugin's own registry username and password settings. */
    public static FixedCredentialSource explicit(String username, String password, Hints hints) {
        String user = hints.name(Setting.REGISTRY_USERNAME);
        String pass = hints.name(Setting.REGISTRY_PASSWORD);
        return new FixedCredentialSource(user + " and " + pass, user, pass, username, password);
    }

    /**
     * A login the build tool keeps for a server (Maven: a {@code settings.xml} server, already
     * decrypted).
     *
     * @param id the server id, which equals the registry host[:port]
     */
    public static FixedCredentialSource server(String id, String username, String password, Hints hints) {
        return new FixedCredentialSource(
                hints.server(id),
                hints.serverField(id, "username"),
                hints.serverField(id, "password"),
                username,
                password);
    }

    @Override
    public String description() {
        return unresolved(username) && unresolved(password)
                ? description + " (" + username + " and " + password + " not set)"
                : description;
    }

    @Override
    public Optional<RegistryCredentials> lookup(String registry) {
        // Both ${env.X} left as they are: the variables are not set here (a developer's machine
        // rather than CI), so the other sources apply. Only one of them: a mistake to name.
        if ((username == null && password == null) || (unresolved(username) && unresolved(password))) {
            return Optional.empty();
        }
        checkResolved(username, usernameName);
        checkResolved(password, passwordName);
        if (username == null) {
            throw new ConfigurationException(passwordName + " is set but " + usernameName + " is empty: set both");
        }
        if (password == null) {
            throw new ConfigurationException(usernameName + " is set but " + passwordName + " is empty: set both");
        }
        return Optional.of(RegistryCredentials.of(username, password, description));
    }

    /** Maven leaves {@code ${env.X}} as it is when X is not set. */
    private static boolean unresolved(String value) {
        return value != null && UNRESOLVED.matcher(value).matches();
    }

    /** Say so rather than send it. */
    private static void checkResolved(String value, String name) {
        if (unresolved(value)) {
            throw new ConfigurationException(name + " is the unresolved expression " + value
                    + ": is that property or environment variable set?");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
