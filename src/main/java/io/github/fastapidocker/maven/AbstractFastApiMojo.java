package io.github.fastapidocker.maven;

import io.github.fastapidocker.build.ProjectSettings;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.InvalidReferenceException;
import io.github.fastapidocker.docker.dockerjava.DockerJavaEngine;
import io.github.fastapidocker.dockerfile.DockerfileOptions;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.FastApiDockerException;
import io.github.fastapidocker.kernel.Setting;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the image, the Python project, the Dockerfile options and the engine.
 * One template {@link #execute()}: skip check first, then the goal's work, with the plugin's own
 * exceptions turned into Maven's (no stack trace for a user's mistake).
 */
public abstract class AbstractFastApiMojo extends AbstractMojo {

    /** The Maven project. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    /**
     * The image name without tag, for example {@code registry.example.com:5000/team/api}. The
     * registry host, when present, is where {@code push} sends the image. Checked against
     * Docker's reference grammar before the engine is contacted.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IMAGE, defaultValue = "${project.artifactId}")
    protected String image;

    /**
     * Every tag to apply; on the command line comma-separated ({@code -Dfastapi.tags=1.0,latest}).
     * Default: the project version.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TAGS, defaultValue = "${project.version}")
    protected List<String> tags;

    /**
     * The Python version of the official base image ({@code python:<pythonVersion>}). Ignored when
     * {@code baseImage} is set.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_VERSION, defaultValue = "3.14")
    protected String pythonVersion;

    /**
     * The image to build from. Default: {@code python:<pythonVersion>}, the official image, as
     * FastAPI's guide recommends (the old {@code tiangolo/uvicorn-gunicorn-fastapi} is deprecated).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BASE_IMAGE)
    protected String baseImage;

    /**
     * The directory that holds the Python project (requirements file and app).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_DIRECTORY, defaultValue = "${project.basedir}")
    protected File pythonDirectory;

    /**
     * The requirements file, relative to {@code pythonDirectory}. It is copied alone and installed
     * before the code, so its layer is reused while only the code changes.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REQUIREMENTS_FILE, defaultValue = "requirements.txt")
    protected String requirementsFile;

    /**
     * The application file ({@code app/main.py}, {@code main.py}) or package directory, relative to
     * {@code pythonDirectory}. Default: detected as {@code fastapi run} does, the package layout
     * ({@code app/main.py}) first, then a single {@code main.py}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.APP_PATH)
    protected String appPath;

    /**
     * The port the server listens on inside the container ({@code fastapi run --port}), 1-65535.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PORT, defaultValue = "80")
    protected int port;

    /**
     * Worker processes ({@code --workers N}); for a one-server setup only. Under Kubernetes leave it
     * unset: one process per container, replicated by the cluster. At least 1.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.WORKERS)
    protected Integer workers;

    /**
     * Adds {@code --proxy-headers}, for a service behind a TLS-terminating proxy (Nginx, Traefik).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROXY_HEADERS, defaultValue = "false")
    protected boolean proxyHeaders;

    /**
     * The proxies whose forwarded headers are trusted ({@code --forwarded-allow-ips}), for example
     * {@code *} or a comma-separated list of addresses. Default: the server's (127.0.0.1).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORWARDED_ALLOW_IPS)
    protected String forwardedAllowIps;

    /**
     * The path prefix a proxy strips ({@code --root-path}), for example {@code /api/v1}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ROOT_PATH)
    protected String rootPath;

    /**
     * Your own Dockerfile, used as it is instead of generating one. The build context is then the
     * whole {@code pythonDirectory} (without caches, virtual environments, VCS data and the Maven
     * build directory). A shell-form CMD gets a warning: SIGTERM never reaches the server.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DOCKERFILE)
    protected File dockerfile;

    /**
     * Image labels, as {@code <name>value</name>}. They are added to the OCI labels taken from the
     * POM ({@code org.opencontainers.image.title}, {@code version}, {@code description}, {@code url},
     * {@code source}) and win over them. No build time is added, so the image stays reproducible.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> labels;

    /**
     * The Docker engine to use, for example {@code unix:///run/docker.sock} or
     * {@code tcp://host:2376}. Default: as the docker CLI finds it (DOCKER_HOST,
     * DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, the current docker context, the default socket).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DOCKER_HOST)
    protected String dockerHost;

    /**
     * Where the plugin writes the Dockerfile, the build context, and what it built.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/fastapi-docker", readonly = true, required = true)
    protected File outputDirectory;

    /** The Maven build directory, never sent to the engine. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("Skipping " + goal() + " (" + (skip ? PropertyNames.SKIP : skipProperty()) + ")");
            return;
        }
        try {
            run();
        } catch (ConfigurationException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (EngineUnavailableException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (EngineException e) {
            // A build or push failure, or another refusal of the engine: the build failed.
            throw new MojoFailureException(e.getMessage());
        } catch (FastApiDockerException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(
                    e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
    }

    /** The goal's work. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The goal's name, for log lines. */
    protected abstract String goal();

    /** Whether the goal's own skip switch is on. */
    protected boolean skipGoal() {
        return false;
    }

    /** The goal's own skip property, for the log line. */
    protected String skipProperty() {
        return PropertyNames.SKIP;
    }

    protected BuildLog buildLog() {
        return new MavenBuildLog(getLog());
    }

    /** The base image, defaulting to the official one for {@code pythonVersion}. */
    protected String effectiveBaseImage() {
        return baseImage != null && !baseImage.isBlank() ? baseImage.trim() : "python:" + pythonVersion;
    }

    protected DockerfileOptions dockerfileOptions() {
        return new DockerfileOptions(
                effectiveBaseImage(),
                port,
                workers,
                proxyHeaders,
                blankToNull(forwardedAllowIps),
                blankToNull(rootPath));
    }

    /** The plain settings the core plans from. */
    protected ProjectSettings projectSettings() {
        return new ProjectSettings(
                pythonDirectory.toPath(),
                requirementsFile,
                blankToNull(appPath),
                dockerfile == null ? null : dockerfile.toPath(),
                dockerfileOptions(),
                Set.of(buildDirectory.toPath()),
                effectiveLabels());
    }

    protected ImageReference imageReference() {
        try {
            return ImageReference.parse(image, "image");
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException("<image> "
                    + (e.kind() == InvalidReferenceException.Kind.TAG_OR_DIGEST
                            ? "must be an image name without tag or digest (put tags in <tags>), was '" + e.value()
                                    + "'"
                            : e.problem()));
        }
    }

    /** The tags, trimmed, empty ones dropped. */
    protected List<String> effectiveTags() {
        List<String> result = new ArrayList<>();
        if (tags != null) {
            for (String tag : tags) {
                for (String part : tag.split(",")) {
                    if (!part.isBlank() && !result.contains(part.trim())) {
                        result.add(part.trim());
                    }
                }
            }
        }
        return result;
    }

    /** Opens the engine and checks it answers; the caller closes it. */
    protected DockerEngine openEngine() {
        long start = System.nanoTime();
        DockerEngine engine = DockerJavaEngine.connect(engineLocation());
        try {
            engine.ping();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        getLog().debug("Docker engine: " + engine.host());
        getLog().debug("timing: engine client + ping " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return engine;
    }

    /** The engine to use, with the Maven words for where it was set and how to change it. */
    EngineLocation engineLocation() {
        String element = "<" + MavenHints.element(Setting.DOCKER_HOST) + ">";
        String property = MavenHints.property(Setting.DOCKER_HOST);
        return new EngineLocation(
                blankToNull(dockerHost),
                element + " / " + property,
                "Start the Docker engine, or point the plugin at one with DOCKER_HOST, 'docker context use NAME', or "
                        + element + " / -D" + property + "=unix:///path/docker.sock or tcp://host:2376");
    }

    /** OCI labels from the POM, then the user's. */
    Map<String, String> effectiveLabels() {
        Map<String, String> result = new TreeMap<>();
        Map<String, String> oci = new LinkedHashMap<>();
        oci.put("title", project.getName() != null ? project.getName() : project.getArtifactId());
        oci.put("version", project.getVersion());
        oci.put("description", project.getDescription());
        oci.put("url", project.getUrl());
        oci.put("source", project.getScm() != null ? project.getScm().getUrl() : null);
        oci.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                result.put("org.opencontainers.image." + k, v.strip());
            }
        });
        if (labels != null) {
            result.putAll(labels);
        }
        return result;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
