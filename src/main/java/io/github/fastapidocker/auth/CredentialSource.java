package io.github.fastapidocker.auth;

import java.util.Optional;

/** One place a registry login may come from; {@link CredentialResolver} asks them in order. */
public interface CredentialSource {

    /** What this source is, for the log ("settings.xml server 'host:5000'"). */
    String description();

    /**
     * The login for {@code registry} (host[:port], or {@code docker.io}), or empty when this
     * source has none for it.
     *
     * @throws CredentialLookupException when the source exists but could not be read (a helper
     *     that hangs or fails); the resolver reports it and goes on to the next source
     * @throws io.github.fastapidocker.kernel.ConfigurationException for a half-configured source
     */
    Optional<RegistryCredentials> lookup(String registry);
}
