package io.github.fastapidocker.maven;

import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.FastApiDockerException;
import io.github.fastapidocker.kernel.Hints;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares, and nothing more: the project, the global skip and the output
 * directory. One template {@link #execute()}: command-line values first (they win over the POM),
 * then the skip check, then the goal's work, with the plugin's own exceptions turned into Maven's
 * (no stack trace for a user's mistake).
 */
public abstract class AbstractFastApiMojo extends AbstractMojo {

    /** The Maven project. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The Maven session, for the user properties given on the command line. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** This goal's execution, for the parameters it declares. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    /**
     * Where the plugin writes the Dockerfile, the build context, and what it built.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/fastapi-docker", readonly = true, required = true)
    protected File outputDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            if (session != null && mojoExecution != null) {
                CommandLineOverrides.apply(
                        this,
                        mojoExecution.getMojoDescriptor(),
                        mojoExecution.getConfiguration(),
                        session.getUserProperties(),
                        getLog());
            }
            Optional<String> skippedBy = skip ? Optional.of(PropertyNames.SKIP) : skippedBy();
            if (skippedBy.isPresent()) {
                getLog().info("Skipping " + goal() + " (" + skippedBy.get() + ")");
                return;
            }
            run();
        } catch (EngineUnavailableException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (EngineException | FastApiDockerException e) {
            // A refusal of the engine, a failed smoke test, a mistake in the configuration.
            throw new MojoFailureException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(
                    e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
    }

    /** The goal's work. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The property of the goal's own skip switch when one is on (the global one is handled here). */
    protected Optional<String> skippedBy() {
        return Optional.empty();
    }

    /** The goal's name, from the class: {@code BuildMojo} is {@code build}. */
    protected final String goal() {
        String name = getClass().getSimpleName().replaceFirst("Mojo$", "");
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    protected BuildLog buildLog() {
        return new MavenBuildLog(getLog());
    }

    protected Hints hints() {
        return MavenHints.INSTANCE;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
