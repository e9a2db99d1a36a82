package io.github.fastapidocker.project.deps;

import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a project's dependencies as the buildpacks do and plans the layer that installs them
 * before the code: the requirements file (with what it includes), else {@code uv.lock}, else
 * {@code poetry.lock}, else {@code pyproject.toml}. A lock becomes a pinned, hashed requirements
 * file; pip installs it, so no uv or Poetry is needed in the image.
 */
public final class Dependencies {
    static final String UV_LOCK = "uv.lock";
    static final String POETRY_LOCK = "poetry.lock";
    static final String PYPROJECT = "pyproject.toml";

    private Dependencies() {}

    /**
     * @param pythonDirectory the Python project
     * @param requirementsFile the requirements file, relative to it; blank for {@code requirements.txt}
     * @param source {@code auto}, {@code requirements}, {@code uv}, {@code poetry} or {@code pyproject}
     * @param extras optional dependency groups to install too (each entry may be comma-separated)
     */
    public static DependencyLayer resolve(
            Path pythonDirectory,
            String requirementsFile,
            String source,
            List<String> extras,
            BuildLog log,
            Hints hints) {
        Path base = pythonDirectory.toAbsolutePath().normalize();
        DependencySource chosen = DependencySource.parse(source, hints);
        String name = requirementsFile == null || requirementsFile.isBlank()
                ? DependencyLayer.REQUIREMENTS
                : requirementsFile.trim();
        Path requirements = base.resolve(name).normalize();
        if (!requirements.startsWith(base)) {
            // The context holds the Python directory's files only: a file from elsewhere (../, an
            // absolute path) would carry host files into the image.
            throw new ConfigurationException(hints.name(Setting.REQUIREMENTS_FILE)
                    + " must be inside the Python directory " + base + ", was " + requirementsFile);
        }
        List<String> wanted = split(extras);
        String why;
        String lookedFor = null;
        if (chosen == DependencySource.AUTO) {
            List<String> looked = new ArrayList<>(List.of(name));
            if (Files.isRegularFile(requirements) || !name.equals(DependencyLayer.REQUIREMENTS)) {
                chosen = DependencySource.REQUIREMENTS;
                why = "found " + name;
            } else if (Files.isRegularFile(base.resolve(UV_LOCK))) {
                chosen = DependencySource.UV;
                why = "no " + name + ", found " + UV_LOCK;
            } else if (Files.isRegularFile(base.resolve(POETRY_LOCK))) {
                chosen = DependencySource.POETRY;
                why = "no " + name + " or " + UV_LOCK + ", found " + POETRY_LOCK;
            } else if (Files.isRegularFile(base.resolve(PYPROJECT))) {
                chosen = DependencySource.PYPROJECT;
                why = "no " + name + ", " + UV_LOCK + " or " + POETRY_LOCK + ", found " + PYPROJECT;
                lookedFor = "looked for " + name + ", " + UV_LOCK + ", " + POETRY_LOCK + " first";
            } else {
                looked.addAll(List.of(UV_LOCK, POETRY_LOCK, PYPROJECT + " [project].dependencies"));
                throw new ConfigurationException("No Python dependencies found in " + base + ": looked for "
                        + String.join(", ", looked) + ". Add one of them, or set "
                        + hints.name(Setting.REQUIREMENTS_FILE) + " and "
                        + hints.set(Setting.PYTHON_DEPENDENCIES, DependencySource.REQUIREMENTS.value()));
            }
        } else {
            why = "set to " + chosen.value();
        }
        DependencyLayer layer;
        if (chosen == DependencySource.REQUIREMENTS) {
            if (!Files.isRegularFile(requirements)) {
                throw new ConfigurationException("requirements file not found: " + requirements + " (set "
                        + hints.name(Setting.REQUIREMENTS_FILE) + ")");
            }
            if (!wanted.isEmpty()) {
                log.warn(hints.name(Setting.PYTHON_EXTRAS) + " is ignored for a requirements file: list the"
                        + " extras in it (for example fastapi[standard])");
            }
            layer = RequirementsFiles.layer(base, requirements, hints);
            int included = layer.files().size() - 1;
            log.info("Python dependencies: " + layer.install() + " (" + why + ")"
                    + (included == 0 ? "" : ", with the " + included + " files it includes: " + includes(layer)));
        } else {
            Generated generated = LockExports.export(chosen, base, wanted, hints, lookedFor);
            layer = DependencyLayer.generated(generated.content(), generated.origin());
            log.info("Python dependencies: " + generated.origin() + " (" + why + "), " + generated.summary()
                    + " into a generated " + layer.install());
        }
        return layer;
    }

    private static String includes(DependencyLayer layer) {
        return String.join(
                ", ",
                layer.files().stream()
                        .limit(layer.files().size() - 1L)
                        .map(DependencyFile::name)
                        .toList());
    }

    static List<String> split(List<String> extras) {
        List<String> out = new ArrayList<>();
        if (extras != null) {
            for (String entry : extras) {
                if (entry == null) {
                    continue;
                }
                for (String part : entry.split(",")) {
                    if (!part.isBlank() && !out.contains(part.trim())) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }
}
