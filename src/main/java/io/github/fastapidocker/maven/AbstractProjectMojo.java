package io.github.fastapidocker.maven;

import io.github.fastapidocker.build.OciLabels;
import io.github.fastapidocker.dockerfile.DockerfileOptions;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that write a Dockerfile ({@code dockerfile}, {@code build}): where
 * the Python project is and what the guide's Dockerfile says ({@link AbstractProductionMojo} adds
 * what a production image adds to it).
 */
public abstract class AbstractProjectMojo extends AbstractFastApiMojo {

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
     * The requirements file, relative to {@code pythonDirectory}. It is copied (with the files it
     * includes with {@code -r} and {@code -c}) and installed before the code, so its layer is reused
     * while only the code changes. When the default {@code requirements.txt} does not exist,
     * {@code pythonDependencies} {@code auto} looks for {@code uv.lock}, {@code poetry.lock} and
     * {@code pyproject.toml}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REQUIREMENTS_FILE, defaultValue = "requirements.txt")
    protected String requirementsFile;

    /**
     * Where the Python dependencies come from: {@code auto} (default) takes the first that exists of
     * {@code requirementsFile}, {@code uv.lock}, {@code poetry.lock} and {@code pyproject.toml}
     * {@code [project].dependencies}; or {@code requirements}, {@code uv}, {@code poetry},
     * {@code pyproject} to choose. A lock is turned into a pinned, hashed {@code requirements.txt}
     * (the default dependencies of {@code uv.lock}, the main group of {@code poetry.lock}), which
     * pip installs before the code is copied; no uv or Poetry is needed in the image. Default:
     * {@code auto}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PYTHON_DEPENDENCIES, defaultValue = "auto")
    protected String pythonDependencies;

    /**
     * Optional dependencies of the project to install too, by extra name ({@code [project.optional-dependencies]},
     * the root's extras in {@code uv.lock}, {@code [tool.poetry.extras]}); on the command line
     * comma-separated. Ignored for a requirements file. Default: none.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PYTHON_EXTRAS)
    protected List<String> pythonExtras;

    /**
     * The application file ({@code app/main.py}, {@code main.py}) or package directory, relative to
     * {@code pythonDirectory}. Default: detected as {@code fastapi run} does: a single file first
     * ({@code main.py}, {@code app.py}, {@code api.py}), then the package layout ({@code app/main.py},
     * {@code app/app.py}, {@code app/api.py}), then one {@code src/<package>/main.py} (the src
     * layout, whose whole {@code src/} is copied).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.APP_PATH)
    protected String appPath;

    /**
     * The FastAPI object to run ({@code fastapi run --app NAME}), for a module that defines it under
     * another name than {@code app} or defines several. Default: found as {@code fastapi run} does
     * ({@code app}, then {@code api}, then the first FastAPI instance), read from the app file.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.APP)
    protected String app;

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

    /** The Maven build directory, never sent to the engine. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    /** What the generated Dockerfile's {@code FROM} and {@code CMD} say; validated by the core. */
    DockerfileOptions dockerfileOptions() {
        return new DockerfileOptions(
                DockerfileOptions.baseImage(baseImage, pythonVersion),
                port,
                workers,
                proxyHeaders,
                blankToNull(forwardedAllowIps),
                blankToNull(rootPath));
    }

    /** OCI labels from the POM, then the user's. */
    Map<String, String> effectiveLabels() {
        return OciLabels.of(
                new OciLabels.ProjectInfo(
                        project.getName() != null ? project.getName() : project.getArtifactId(),
                        project.getVersion(),
                        project.getDescription(),
                        project.getUrl(),
                        project.getScm() != null ? project.getScm().getUrl() : null),
                labels,
                buildLog());
    }
}
