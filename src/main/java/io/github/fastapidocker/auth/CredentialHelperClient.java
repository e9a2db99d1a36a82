package io.github.fastapidocker.auth;

import java.util.Optional;

/**
 * Asks a Docker credential helper ({@code docker-credential-<name> get}) for a login. Behind an
 * interface so that tests of the docker config source need no real helper.
 */
public interface CredentialHelperClient {

    /**
     * @param helper the helper's name, the part after {@code docker-credential-}
     * @param serverUrl what the docker CLI would send on stdin (host[:port], or Docker Hub's
     *     {@code https://index.docker.io/v1/})
     * @return the login, or empty when the helper has none for the server
     * @throws CredentialLookupException when the helper is missing, fails, or does not answer in time
     */
    Optional<HelperCredentials> get(String helper, String serverUrl);

    /** What a helper answered; {@code toString()} hides the secret. */
    record HelperCredentials(String username, String secret) {
        /** The username helpers use to say the secret is an identity token. */
        public static final String TOKEN_USERNAME = "<token>";

        public boolean isIdentityToken() {
            return TOKEN_USERNAME.equals(username);
        }

        @Override
        public String toString() {
            return "HelperCredentials[user " + username + "]";
        }
    }
}
