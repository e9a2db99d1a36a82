package io.github.fastapidocker.auth;

import io.github.fastapidocker.docker.DockerEngine.RegistryAuth;

/**
 * A login for one registry and where it came from. {@link #toString()} and {@link #describe()}
 * never show the secret; {@link #redact(String)} removes it from any text that goes to the user.
 *
 * @param username the user, or {@code null} when anonymous or when only a token is known
 * @param password the password, or {@code null}
 * @param identityToken an identity (refresh) token from a credential helper, or {@code null}
 * @param source where the login came from, for the log and error messages ("settings.xml server
 *     'registry.example.com'"); for an anonymous push, what was tried
 */
public record RegistryCredentials(String username, String password, String identityToken, String source) {
    private static final String MASK = "****";

    public static RegistryCredentials of(String username, String password, String source) {
        return new RegistryCredentials(username, password, null, source);
    }

    public static RegistryCredentials token(String token, String source) {
        return new RegistryCredentials(null, null, token, source);
    }

    /** No login: the push goes out anonymously. */
    public static RegistryCredentials anonymous(String source) {
        return new RegistryCredentials(null, null, null, source);
    }

    public boolean isAnonymous() {
        return password == null && identityToken == null;
    }

    /** The source and the user, never the secret. */
    public String describe() {
        if (isAnonymous()) {
            return "none (" + source + ")";
        }
        return source + (username != null ? ", user '" + username + "'" : ", identity token");
    }

    /** What the engine needs, or {@code null} for an anonymous push. */
    public RegistryAuth toAuth(String serverAddress) {
        return isAnonymous() ? null : new RegistryAuth(serverAddress, username, password, identityToken);
    }

    /** The text with every occurrence of the secret replaced; for anything shown to the user. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : new String[] {password, identityToken}) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "RegistryCredentials[" + describe() + "]";
    }
}
