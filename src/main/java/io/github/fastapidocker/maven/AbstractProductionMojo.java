package io.github.fastapidocker.maven;

import io.github.fastapidocker.build.ProjectSettings;
import io.github.fastapidocker.dockerfile.PackageIndexes;
import io.github.fastapidocker.dockerfile.ProductionImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of what a production image adds to the guide's Dockerfile, each opt-in, for the
 * goals that write one ({@code dockerfile}, {@code build}); and the plain settings the core plans
 * from.
 */
public abstract class AbstractProductionMojo extends AbstractProjectMojo {

    /**
     * Runs the server as this user instead of root: a numeric user id, optionally with a group id,
     * for example {@code 10001} or {@code 10001:10001} ({@code USER} after the code, which stays
     * owned by root and read-only to the server). A numeric id needs no passwd entry, so it works
     * on Debian- and Alpine-based python images alike; a name, {@code root} and {@code 0} are
     * refused. A port below 1024 then needs an engine that lets unprivileged processes bind it
     * (Docker 20.10 and later does on its own networks): prefer {@code port} 8000. {@code smoke}
     * checks that the server process does not run as uid 0. Default: unset (the base image's user,
     * root for the python images).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.USER)
    protected String user;

    /**
     * Environment variables of the image ({@code ENV}), as {@code <NAME>value</NAME>}, written after
     * the dependencies are installed, so changing one never reinstalls them. Recommended for
     * production: {@code <PYTHONUNBUFFERED>1</PYTHONUNBUFFERED>} (log lines reach the container log
     * at once) and {@code <PYTHONDONTWRITEBYTECODE>1</PYTHONDONTWRITEBYTECODE>} (no {@code .pyc}
     * files written at run time, where the code is read-only anyway). Not for secrets: anyone who
     * pulls the image can read them; a value holding a URL with a login is refused. Default: none.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> environment;

    /**
     * A health check for the image ({@code HEALTHCHECK}, in exec form, with Python's standard
     * library: slim images have no curl): {@code <healthcheck><path>/health</path></healthcheck>}
     * GETs {@code path} (default {@code /docs}) on the port the server listens on, every
     * {@code interval} (default {@code 30s}), each try within {@code timeout} (default {@code 5s});
     * {@code retries} failures in a row (default 3), after {@code startPeriod} (default {@code 5s}),
     * make the container unhealthy. Durations as Docker writes them: {@code 30s}, {@code 1m30s},
     * {@code 500ms}. {@code <healthcheck/>} takes every default. {@code smoke} then waits for the
     * engine to report the container healthy and fails with the last health log when it reports it
     * unhealthy. Default: none.
     *
     * @since 0.2.0
     */
    @Parameter
    protected HealthcheckParameters healthcheck;

    /**
     * The package index pip installs from instead of the base image's (PyPI for the official
     * images), for example a Nexus or Artifactory repository
     * {@code https://nexus.example.com/repository/pypi/simple/}: pip's {@code --index-url}. Its login
     * comes from the {@code settings.xml} {@code <server>} {@code pipIndexServerId} names, else the
     * one whose {@code <id>} is the URL's host[:port] (its password may be encrypted, as for
     * {@code push}); a URL with a login in it is refused (Maven's {@code -X} would print it). The
     * Dockerfile then has a builder stage that installs the dependencies with the login, which it
     * gets as a build argument, and the image copies only the installed packages: the login is in
     * no layer, history entry or setting of the image (the builder stage stays in the local
     * engine's cache). Default: unset (the base image's index, one stage).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PIP_INDEX_URL)
    protected String pipIndexUrl;

    /**
     * A second package index pip also looks in ({@code --extra-index-url}), for example the
     * private one while the packages everyone has still come from PyPI. Its login comes from the
     * {@code settings.xml} {@code <server>} whose {@code <id>} is its host[:port]. Like
     * {@code pipIndexUrl}, it makes the Dockerfile two stages. Default: unset.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PIP_EXTRA_INDEX_URL)
    protected String pipExtraIndexUrl;

    /** The plain settings the core plans from. */
    ProjectSettings projectSettings() {
        return new ProjectSettings(
                pythonDirectory.toPath(),
                requirementsFile,
                pythonDependencies,
                pythonExtras == null ? List.of() : pythonExtras,
                blankToNull(appPath),
                dockerfile == null ? null : dockerfile.toPath(),
                dockerfileOptions(),
                Set.of(buildDirectory.toPath()),
                effectiveLabels(),
                blankToNull(app),
                productionImage());
    }

    /** What a production image adds to the guide's Dockerfile; validated by the core. */
    ProductionImage productionImage() {
        return new ProductionImage(
                blankToNull(user),
                environment,
                healthcheck == null ? null : healthcheck.toHealthcheck(),
                new PackageIndexes(pipIndexUrl, pipExtraIndexUrl));
    }
}
