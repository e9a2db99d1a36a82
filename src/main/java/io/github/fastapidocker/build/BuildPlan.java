package io.github.fastapidocker.build;

import io.github.fastapidocker.dockerfile.DockerfileInspector;
import io.github.fastapidocker.dockerfile.DockerfileRenderer;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.project.LayoutDetector;
import io.github.fastapidocker.project.PythonLayout;
import io.github.fastapidocker.project.deps.Dependencies;
import io.github.fastapidocker.project.deps.DependencyFile;
import io.github.fastapidocker.project.deps.DependencyLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What will be built: the Dockerfile text and the context that goes with it. Both goals that
 * write a Dockerfile use this, so {@code dockerfile} shows exactly what {@code build} sends.
 *
 * @param dockerfile the Dockerfile's text
 * @param context the build context
 * @param layout the detected layout, or {@code null} for a user's Dockerfile
 * @param command the server command of a generated Dockerfile, or {@code null} for a user's Dockerfile
 * @param engineLabels labels the engine must add (a user's Dockerfile cannot carry ours)
 * @param userDockerfile the user's Dockerfile (absolute), or {@code null} for a generated one
 */
public record BuildPlan(
        String dockerfile,
        BuildContext context,
        PythonLayout layout,
        List<String> command,
        Map<String, String> engineLabels,
        Path userDockerfile) {
    public static final String DOCKERFILE = "Dockerfile";

    public boolean generated() {
        return layout != null;
    }

    /**
     * Validates the settings (the one place they are) and plans the build; nothing is contacted.
     *
     * @param hints how the user names the settings, for messages
     */
    public static BuildPlan of(ProjectSettings settings, BuildLog log, Hints hints) {
        if (settings.userDockerfile() != null) {
            return ofUserDockerfile(settings, log, hints);
        }
        settings.options().validate(hints);
        settings.production().validate(hints);
        PythonLayout layout =
                LayoutDetector.detect(settings.pythonDirectory(), settings.appPath(), settings.app(), hints);
        DependencyLayer dependencies = Dependencies.resolve(
                settings.pythonDirectory(),
                settings.requirementsFile(),
                settings.pythonDependencies(),
                settings.pythonExtras(),
                log,
                hints);
        String dockerfile = DockerfileRenderer.render(
                layout, dependencies, settings.options(), settings.labels(), settings.production());
        Path base = settings.pythonDirectory().toAbsolutePath().normalize();
        BuildContext context = new BuildContext(base, ignoreFile(base, null, log))
                .add(ContextEntry.generated(DOCKERFILE, dockerfile.getBytes(StandardCharsets.UTF_8)));
        for (DependencyFile file : dependencies.files()) {
            if (!file.isGenerated()) {
                context.checkNotIgnored(
                        file.name(),
                        "The requirements file",
                        "Take it out of the .dockerignore (for an included one: or remove the -r/-c line that names it)");
            }
            context.add(
                    file.isGenerated()
                            ? ContextEntry.generated(file.name(), file.content())
                            : ContextEntry.file(file.name(), file.source(), false));
        }
        context.addTree(layout.source(), base.resolve(layout.source()), settings.excluded());
        checkAppSent(context, layout, hints);
        if (log.isDebugEnabled()) {
            // Only then: a record's first toString links its method handles, ~40 ms of a fresh JVM.
            log.debug("Layout: " + layout);
        }
        return new BuildPlan(
                dockerfile, context, layout, DockerfileRenderer.command(layout, settings.options()), Map.of(), null);
    }

    /** The file {@code fastapi run} starts must be in the context: a {@code .dockerignore} may have left it out. */
    private static void checkAppSent(BuildContext context, PythonLayout layout, Hints hints) {
        if (!layout.appFile().startsWith(layout.target())) {
            return;
        }
        String name =
                layout.source() + layout.appFile().substring(layout.target().length());
        if (!context.names().contains(name)) {
            throw new ConfigurationException("The app file " + name + ", which fastapi run starts, is one the"
                    + " .dockerignore leaves out, so the image could not serve. Take it out of the .dockerignore,"
                    + " or name another app with " + hints.name(Setting.APP_PATH));
        }
    }

    /**
     * The {@code .dockerignore} that applies, as Docker finds it: beside the user's Dockerfile
     * ({@code Dockerfile.dockerignore}, BuildKit's rule, then {@code .dockerignore} in its
     * directory), else at the context root, the Python directory.
     */
    static DockerIgnore ignoreFile(Path base, Path userDockerfile, BuildLog log) {
        List<Path> candidates = new ArrayList<>();
        if (userDockerfile != null) {
            candidates.add(userDockerfile.resolveSibling(userDockerfile.getFileName() + ".dockerignore"));
            candidates.add(userDockerfile.resolveSibling(".dockerignore"));
        }
        candidates.add(base.resolve(".dockerignore"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                DockerIgnore ignore = DockerIgnore.read(candidate);
                log.info("Leaving out what " + candidate + " lists: " + ignore);
                return ignore;
            }
        }
        return DockerIgnore.NONE;
    }

    private static BuildPlan ofUserDockerfile(ProjectSettings settings, BuildLog log, Hints hints) {
        Path file = settings.userDockerfile().toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(
                    "Dockerfile not found: " + file + " (set " + hints.name(Setting.DOCKERFILE) + ")");
        }
        Path base = settings.pythonDirectory().toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new ConfigurationException(
                    "Python directory not found: " + base + " (set " + hints.name(Setting.PYTHON_DIRECTORY) + ")");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Optional<String> warning = DockerfileInspector.shellFormWarning(text, file.toString());
        warning.ifPresent(log::warn);
        // A user's Dockerfile may COPY anything: send the Python directory, without caches and build output.
        BuildContext context = new BuildContext(base, ignoreFile(base, file, log))
                .addTree("", base, settings.excluded())
                .add(ContextEntry.generated(DOCKERFILE, text.getBytes(StandardCharsets.UTF_8)));
        return new BuildPlan(text, context, null, null, settings.labels(), file);
    }
}
