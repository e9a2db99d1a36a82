package io.github.fastapidocker.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that work on a built image ({@code smoke}, {@code push}): which
 * image, and which engine. ({@code build} declares its own, in its own words.)
 */
public abstract class AbstractImageMojo extends AbstractFastApiMojo {

    /** Maven makes the goal before it configures it: the engine client's classes start loading now. */
    protected AbstractImageMojo() {
        EngineConnection.prepare();
    }

    /**
     * The image name without tag, for example {@code registry.example.com:5000/team/api}.
     * {@code push} sends it to its registry host (Docker Hub when it names none); {@code smoke}
     * runs the image {@code build} recorded in this project, else this one with the first tag.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IMAGE, defaultValue = "${project.artifactId}")
    protected String image;

    /**
     * The tags; on the command line comma-separated ({@code -Dfastapi.tags=1.0,latest}). {@code push}
     * pushes every one (a tag missing locally is made from the image {@code build} recorded);
     * {@code smoke} runs the first when nothing was recorded. Default: the project version.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TAGS, defaultValue = "${project.version}")
    protected List<String> tags;

    /**
     * The Docker engine, for example {@code unix:///run/docker.sock} or {@code tcp://host:2376}.
     * Default: as the docker CLI finds it (DOCKER_HOST, DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, the
     * current docker context, the default socket).
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
}
