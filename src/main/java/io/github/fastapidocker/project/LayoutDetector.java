package io.github.fastapidocker.project;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the application the way {@code fastapi run} does (fastapi-cli's {@code discover.py}): a
 * single file ({@code main.py}, {@code app.py}, {@code api.py}) first, then the package layout of
 * the guide ({@code app/main.py}, ...), then, beyond fastapi-cli, one {@code src/<package>/main.py}
 * (the src layout).
 */
public final class LayoutDetector {
    /** Single-file candidates, in the order {@code fastapi run} tries them (before the package ones). */
    static final List<String> FILE_CANDIDATES = List.of("main.py", "app.py", "api.py");
    /** Package candidates, in the order {@code fastapi run} tries them. */
    static final List<String> PACKAGE_CANDIDATES = List.of("app/main.py", "app/app.py", "app/api.py");
    /** The src layout: {@code src/<package>/main.py}. */
    static final String SRC_LAYOUT = "src/*/main.py";

    private LayoutDetector() {}

    /**
     * @param pythonDirectory the directory holding the Python project
     * @param appPath the application file or package directory, or {@code null} to detect it
     * @param hints how the user names the settings, for messages
     */
    public static PythonLayout detect(Path pythonDirectory, String appPath, Hints hints) {
        return detect(pythonDirectory, appPath, null, hints);
    }

    /**
     * @param appObject the FastAPI object to run, or {@code null} to find it as {@code fastapi run}
     *     does ({@code app}, then {@code api}, then the first FastAPI instance in the file)
     */
    public static PythonLayout detect(Path pythonDirectory, String appPath, String appObject, Hints hints) {
        Found found = find(pythonDirectory, appPath, hints);
        if (appObject != null && !appObject.isBlank()) {
            if (!AppObjects.isIdentifier(appObject.trim())) {
                throw new ConfigurationException(
                        hints.name(Setting.APP) + " must be a Python name, for example api, was '" + appObject + "'");
            }
            return found.layout().withAppObject(appObject.trim());
        }
        if (found.objectNamed()) {
            return found.layout();
        }
        return found.layout().withAppObject(AppObjects.find(found.file()).orElse(null));
    }

    /**
     * The layout, the app file on disk (to read its object from), and whether the project already
     * named the object ({@code [tool.fastapi] entrypoint = "mod:obj"}).
     */
    private record Found(PythonLayout layout, Path file, boolean objectNamed) {
        Found(PythonLayout layout, Path file) {
            this(layout, file, false);
        }
    }

    private static Found find(Path pythonDirectory, String appPath, Hints hints) {
        Path base = pythonDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new ConfigurationException(
                    "Python directory not found: " + base + " (set " + hints.name(Setting.PYTHON_DIRECTORY) + ")");
        }
        if (appPath != null && !appPath.isBlank()) {
            return fromAppPath(base, appPath.trim(), hints);
        }
        Optional<Entrypoint> entrypoint = Entrypoint.read(base);
        if (entrypoint.isPresent()) {
            return fromEntrypoint(base, entrypoint.get());
        }
        List<String> looked = new ArrayList<>();
        for (String candidate : FILE_CANDIDATES) {
            looked.add(candidate);
            if (Files.isRegularFile(base.resolve(candidate))) {
                return new Found(
                        new PythonLayout(PythonLayout.Kind.SINGLE_FILE, candidate, candidate), base.resolve(candidate));
            }
        }
        for (String candidate : PACKAGE_CANDIDATES) {
            looked.add(candidate);
            Path file = base.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return new Found(layoutOf(base, file), file);
            }
        }
        looked.add(SRC_LAYOUT);
        List<String> srcMains = srcMains(base);
        if (srcMains.size() == 1) {
            // The whole src/ is the code: fastapi run puts src/ on the path for src/PKG/main.py.
            return new Found(
                    new PythonLayout(PythonLayout.Kind.PACKAGE, "src", srcMains.get(0)), base.resolve(srcMains.get(0)));
        }
        if (srcMains.size() > 1) {
            throw new ConfigurationException("Several FastAPI applications in " + base.resolve("src") + ": "
                    + String.join(", ", srcMains) + " (set " + hints.name(Setting.APP_PATH) + " to the one to run)");
        }
        throw new ConfigurationException("No FastAPI application found in " + base + ": looked for "
                + looked.stream().collect(Collectors.joining(", "))
                + " (set " + hints.name(Setting.APP_PATH) + " or " + hints.name(Setting.PYTHON_DIRECTORY) + ")");
    }

    /** The module the entrypoint names, as a file of the project; its object too. */
    private static Found fromEntrypoint(Path base, Entrypoint entrypoint) {
        for (String candidate : entrypoint.candidates()) {
            Path file = base.resolve(candidate);
            if (Files.isRegularFile(file)) {
                PythonLayout layout = candidate.startsWith("src/")
                        ? new PythonLayout(PythonLayout.Kind.PACKAGE, "src", candidate)
                        : layoutOf(base, file);
                return new Found(layout.withAppObject(entrypoint.object()), file, entrypoint.object() != null);
            }
        }
        throw new ConfigurationException("[tool.fastapi] entrypoint in " + base.resolve(Entrypoint.PYPROJECT)
                + " names module " + entrypoint.module() + ", but none of " + String.join(", ", entrypoint.candidates())
                + " exists in " + base);
    }

    /** The {@code src/<package>/main.py} files, sorted. */
    private static List<String> srcMains(Path base) {
        Path src = base.resolve("src");
        if (!Files.isDirectory(src)) {
            return List.of();
        }
        try (var dirs = Files.list(src)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("main.py")))
                    .map(d -> "src/" + d.getFileName() + "/main.py")
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + src, e);
        }
    }

    private static Found fromAppPath(Path base, String appPath, Hints hints) {
        Path path = base.resolve(appPath).normalize();
        if (!path.startsWith(base)) {
            throw new ConfigurationException(
                    hints.name(Setting.APP_PATH) + " must be inside the Python directory " + base + ", was " + appPath);
        }
        if (Files.isDirectory(path)) {
            for (String name : FILE_CANDIDATES) {
                if (Files.isRegularFile(path.resolve(name))) {
                    return new Found(layoutOf(base, path.resolve(name)), path.resolve(name));
                }
            }
            throw new ConfigurationException(
                    hints.name(Setting.APP_PATH) + " " + path + " is a directory without main.py, app.py or api.py");
        }
        if (!Files.isRegularFile(path) || !path.getFileName().toString().endsWith(".py")) {
            throw new ConfigurationException(
                    hints.name(Setting.APP_PATH) + " must name a .py file or a package directory, not found: " + path);
        }
        return new Found(layoutOf(base, path), path);
    }

    /** A file inside a package is copied with its whole top-level package, as fastapi run imports it. */
    private static PythonLayout layoutOf(Path base, Path file) {
        Path dir = file.getParent();
        if (dir.equals(base)) {
            String name = file.getFileName().toString();
            return new PythonLayout(PythonLayout.Kind.SINGLE_FILE, name, name);
        }
        // Walk up while the parent is still a package, like fastapi run building the module name.
        Path top = dir;
        while (!top.getParent().equals(base)
                && Files.isRegularFile(top.getParent().resolve("__init__.py"))) {
            top = top.getParent();
        }
        String source = slashes(base.relativize(top));
        String appFile = slashes(top.getParent().relativize(file));
        return new PythonLayout(PythonLayout.Kind.PACKAGE, source, appFile);
    }

    public static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
