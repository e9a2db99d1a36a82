package io.github.fastapidocker.maven;

import io.github.fastapidocker.build.BuildPlan;
import io.github.fastapidocker.build.BuildSettings;
import io.github.fastapidocker.build.ContextTar;
import io.github.fastapidocker.build.ImageBuilder;
import io.github.fastapidocker.build.ImageTags;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.dockerfile.PackageIndexes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Builds the image with the Docker engine: requirements layer before code layer, from a context
 * the plugin assembles itself (only what the Dockerfile copies, fixed modes and owners), every
 * tag applied, the build streamed to the log, and what was built recorded for {@code smoke} and
 * {@code push}.
 *
 * @since 0.1.0
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractProductionMojo {

    /** Maven makes the goal before it configures it: the engine client's classes start loading now. */
    public BuildMojo() {
        EngineConnection.prepare();
    }

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_SKIP, defaultValue = "false")
    protected boolean skipBuild;

    /**
     * The name the image is built under, without tag, for example
     * {@code registry.example.com:5000/team/api}; its registry host is where {@code push} sends it.
     * Checked against Docker's reference grammar before the engine is contacted.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IMAGE, defaultValue = "${project.artifactId}")
    protected String image;

    /**
     * Every tag the built image gets; on the command line comma-separated
     * ({@code -Dfastapi.tags=1.0,latest}). Default: the project version.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TAGS, defaultValue = "${project.version}")
    protected List<String> tags;

    /**
     * The Docker engine that builds, for example {@code unix:///run/docker.sock} or
     * {@code tcp://host:2376}. Default: as the docker CLI finds it (DOCKER_HOST,
     * DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, the current docker context, the default socket).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DOCKER_HOST)
    protected String dockerHost;

    /**
     * How many seconds the Docker engine may stay silent in one call before the goal gives up on
     * it, with an error that names the call and the engine: no answer yet, or no further push
     * progress or build output. A registry that stalls an upload, or an address that accepts
     * connections and never answers, then fails the goal instead of hanging it. Connecting and the
     * first ping wait at most 10 s of it (a live engine answers at once); a build may always be
     * silent for 30 minutes (a {@code RUN pip install} can print nothing for minutes). 1-86400.
     * Default: 120, enough for a registry to commit a large layer.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.ENGINE_TIMEOUT, defaultValue = "120")
    protected int engineTimeout;

    /**
     * Build arguments ({@code --build-arg}), as {@code <NAME>value</NAME>}; for your own Dockerfile's
     * {@code ARG}s.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> buildArgs;

    /**
     * The network RUN steps use, for example {@code host} or {@code none}. Default: the engine's.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_NETWORK)
    protected String buildNetwork;

    /**
     * Builds without the layer cache.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_NO_CACHE, defaultValue = "false")
    protected boolean noCache;

    /**
     * Always tries to pull a newer version of the base image.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_PULL, defaultValue = "false")
    protected boolean pull;

    /**
     * The {@code settings.xml} {@code <server>} whose login {@code pipIndexUrl} needs, when its
     * {@code <id>} is not the index's host[:port]. Its password may be encrypted. Default: the
     * index's host[:port].
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PIP_INDEX_SERVER_ID)
    protected String pipIndexServerId;

    /** Maven's settings, for the package index's {@code <server>}. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    @Override
    protected Optional<String> skippedBy() {
        return skipBuild ? Optional.of(PropertyNames.BUILD_SKIP) : Optional.empty();
    }

    /** The plain build settings, validated (once) before anything is contacted. */
    BuildSettings buildSettings() {
        return buildSettings(Map.of());
    }

    /** With the build arguments that carry the package index logins. */
    BuildSettings buildSettings(Map<String, String> secretBuildArgs) {
        return new BuildSettings(
                        ImageTags.reference(image, hints()),
                        ImageTags.parse(tags),
                        buildArgs == null ? Map.of() : new TreeMap<>(buildArgs),
                        blankToNull(buildNetwork),
                        noCache,
                        pull,
                        outputDirectory.toPath(),
                        secretBuildArgs)
                .validate(hints());
    }

    @Override
    protected void run() {
        buildSettings();
        try (EngineConnection.Opening opening = EngineConnection.start(dockerHost, engineTimeout, getLog())) {
            build(opening);
        }
    }

    private void build(EngineConnection.Opening opening) {
        BuildPlan plan = BuildPlan.of(projectSettings(), buildLog(), hints());
        PackageIndexes indexes = productionImage().indexes().validate(hints());
        BuildSettings settings = buildSettings(PackageIndexLogins.resolve(
                indexes,
                blankToNull(pipIndexServerId),
                new SettingsServers(this.settings, settingsDecrypter, hints()),
                hints(),
                getLog()));
        // The context is written while the engine connection is still being opened.
        try (ContextTar context = ContextTar.write(plan, settings.outputDirectory(), buildLog());
                DockerEngine engine = opening.take()) {
            ImageBuilder.Result built = new ImageBuilder(engine, buildLog(), hints()).build(context, settings, port);
            new BuiltThisRun(built.imageId(), engine.host(), blankToNull(dockerHost)).remember(project);
        }
    }
}
