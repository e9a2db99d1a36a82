package io.github.fastapidocker.project;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the application the way {@code fastapi run} does: the package layout of the guide
 * ({@code app/main.py} in a package) first, then a single file ({@code main.py}).
 */
public final class LayoutDetector {
    /** Package candidates, in the order {@code fastapi run} tries them. */
    static final List<String> PACKAGE_CANDIDATES = List.of("app/main.py", "app/app.py", "app/api.py");
    /** Single-file candidates, in the order {@code fastapi run} tries them. */
    static final List<String> FILE_CANDIDATES = List.of("main.py", "app.py", "api.py");

    private LayoutDetector() {}

    /**
     * @param pythonDirectory the directory holding the Python project
     * @param appPath the application file or package directory, or {@code null} to detect it
     * @param hints how the user names the settings, for messages
     */
    public static PythonLayout detect(Path pythonDirectory, String appPath, Hints hints) {
        Path base = pythonDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new ConfigurationException(
                    "Python directory not found: " + base + " (set " + hints.name(Setting.PYTHON_DIRECTORY) + ")");
        }
        if (appPath != null && !appPath.isBlank()) {
            return fromAppPath(base, appPath.trim(), hints);
        }
        List<String> looked = new ArrayList<>();
        for (String candidate : PACKAGE_CANDIDATES) {
            looked.add(candidate);
            Path file = base.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return layoutOf(base, file);
            }
        }
        for (String candidate : FILE_CANDIDATES) {
            looked.add(candidate);
            if (Files.isRegularFile(base.resolve(candidate))) {
                return new PythonLayout(PythonLayout.Kind.SINGLE_FILE, candidate, candidate);
            }
        }
        throw new ConfigurationException("No FastAPI application found in " + base + ": looked for "
                + looked.stream().collect(Collectors.joining(", "))
                + " (set " + hints.name(Setting.APP_PATH) + " or " + hints.name(Setting.PYTHON_DIRECTORY) + ")");
    }

    private static PythonLayout fromAppPath(Path base, String appPath, Hints hints) {
        Path path = base.resolve(appPath).normalize();
        if (!path.startsWith(base)) {
            throw new ConfigurationException(
                    hints.name(Setting.APP_PATH) + " must be inside the Python directory " + base + ", was " + appPath);
        }
        if (Files.isDirectory(path)) {
            for (String name : FILE_CANDIDATES) {
                if (Files.isRegularFile(path.resolve(name))) {
                    return layoutOf(base, path.resolve(name));
                }
            }
            throw new ConfigurationException(
                    hints.name(Setting.APP_PATH) + " " + path + " is a directory without main.py, app.py or api.py");
        }
        if (!Files.isRegularFile(path) || !path.getFileName().toString().endsWith(".py")) {
            throw new ConfigurationException(
                    hints.name(Setting.APP_PATH) + " must name a .py file or a package directory, not found: " + path);
        }
        return layoutOf(base, path);
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
