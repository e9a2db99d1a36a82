package io.github.fastapidocker.maven;

import io.github.fastapidocker.build.BuildPlan;
import io.github.fastapidocker.build.BuildSettings;
import io.github.fastapidocker.build.ImageBuilder;
import io.github.fastapidocker.docker.DockerEngine;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the image with the Docker engine: requirements layer before code layer, from a context
 * the plugin assembles itself (only what the Dockerfile copies, fixed modes and owners), every
 * tag applied, the build streamed to the log, and what was built recorded for {@code smoke} and
 * {@code push}.
 *
 * @since 0.1.0
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractFastApiMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_SKIP, defaultValue = "false")
    protected boolean skipBuild;

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

    @Override
    protected String goal() {
        return "build";
    }

    @Override
    protected boolean skipGoal() {
        return skipBuild;
    }

    @Override
    protected String skipProperty() {
        return PropertyNames.BUILD_SKIP;
    }

    /** The plain build settings; validated before anything is contacted. */
    BuildSettings buildSettings() {
        return new BuildSettings(
                        imageReference(),
                        effectiveTags(),
                        buildArgs == null ? Map.of() : new TreeMap<>(buildArgs),
                        blankToNull(buildNetwork),
                        noCache,
                        pull,
                        outputDirectory.toPath())
                .validate();
    }

    @Override
    protected void run() {
        BuildSettings settings = buildSettings();
        BuildPlan plan = BuildPlan.of(projectSettings(), buildLog());
        try (DockerEngine engine = openEngine()) {
            new ImageBuilder(engine, buildLog()).build(plan, settings, port);
        }
    }
}
