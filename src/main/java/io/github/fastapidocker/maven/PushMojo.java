package io.github.fastapidocker.maven;

import io.github.fastapidocker.auth.CredentialResolver;
import io.github.fastapidocker.auth.CredentialSource;
import io.github.fastapidocker.auth.DockerConfigCredentialSource;
import io.github.fastapidocker.auth.FixedCredentialSource;
import io.github.fastapidocker.auth.ProcessCredentialHelperClient;
import io.github.fastapidocker.auth.RegistryCredentials;
import io.github.fastapidocker.build.ImageTags;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.config.DockerCliConfig;
import io.github.fastapidocker.push.ImagePusher;
import io.github.fastapidocker.push.PushSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes every tag of the image {@code build} made to the registry named in {@code image}
 * (Docker Hub when it names none), at {@code deploy}. Tags missing locally are made from the
 * recorded image, so {@code mvn fastapi-docker:push} works after an earlier {@code mvn package}.
 *
 * <p>The login comes from the first of: {@code <registryUsername>}/{@code <registryPassword>};
 * the {@code settings.xml} {@code <server>} whose {@code <id>} is the registry host[:port]
 * (encrypted passwords are decrypted); the docker config ({@code $DOCKER_CONFIG/config.json} or
 * {@code ~/.docker/config.json}: {@code credHelpers}, {@code credsStore}, {@code auths}); else
 * the push is anonymous. The log names the source, never the secret. A refused login fails at
 * once; other failures are retried. Writes {@code target/fastapi-docker/push.json} (tag to digest).
 *
 * @since 0.1.0
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends AbstractImageMojo {
    /** The wait before the first retry; it doubles for each further one (1 s, 2 s, 4 s, ...). */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUSH_SKIP, defaultValue = "false")
    protected boolean skipPush;

    /**
     * The registry user. With {@code registryPassword} it wins over every other source; for CI,
     * {@code <registryUsername>${env.REGISTRY_USER}</registryUsername>}. Default: unset (the
     * settings.xml server, then the docker config).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REGISTRY_USERNAME)
    protected String registryUsername;

    /**
     * The registry password or access token, for example
     * {@code <registryPassword>${env.REGISTRY_PASSWORD}</registryPassword>}. Never logged. Prefer a
     * settings.xml {@code <server>} with an encrypted password where you can. Default: unset.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REGISTRY_PASSWORD)
    protected String registryPassword;

    /**
     * How often a failed push of one tag is tried again (after 1 s, 2 s, 4 s, ...), 0-10. A refused
     * login is never retried.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUSH_RETRIES, defaultValue = "2")
    protected int pushRetries;

    /** Maven's settings, for the {@code <server>} named after the registry. */
    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    @Override
    protected Optional<String> skippedBy() {
        return skipPush ? Optional.of(PropertyNames.PUSH_SKIP) : Optional.empty();
    }

    /** The plain push settings; validated before anything is contacted. */
    PushSettings pushSettings() {
        return new PushSettings(
                        ImageTags.reference(image, hints()),
                        ImageTags.parse(tags),
                        pushRetries,
                        FIRST_BACKOFF,
                        outputDirectory.toPath())
                .validate(hints());
    }

    /** The sources, in order; the settings.xml server already decrypted. */
    List<CredentialSource> credentialSources(String registry) {
        Map<String, String> env = System.getenv();
        return List.of(
                FixedCredentialSource.explicit(registryUsername, registryPassword, hints()),
                new SettingsServers(settings, settingsDecrypter, hints()).login(registry),
                new DockerConfigCredentialSource(
                        DockerCliConfig.locate(env, Path.of(System.getProperty("user.home"))),
                        new ProcessCredentialHelperClient(ProcessCredentialHelperClient.DEFAULT_TIMEOUT, env)));
    }

    @Override
    protected void run() {
        PushSettings pushSettings = pushSettings();
        ImageReference image = pushSettings.image();
        try (EngineConnection.Opening opening = EngineConnection.start(dockerHost, engineTimeout, getLog())) {
            RegistryCredentials credentials =
                    new CredentialResolver(credentialSources(image.registry()), buildLog()).resolve(image.registry());
            push(opening.take(), pushSettings, credentials);
        }
    }

    private void push(DockerEngine opened, PushSettings pushSettings, RegistryCredentials credentials) {
        try (DockerEngine engine = opened) {
            new ImagePusher(engine, buildLog(), ImagePusher.Sleeper.REAL, hints()).push(pushSettings, credentials);
        }
    }
}
