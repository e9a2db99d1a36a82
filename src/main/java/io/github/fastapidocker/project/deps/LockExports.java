package io.github.fastapidocker.project.deps;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The TOML side: the only way in to the classes that read {@code uv.lock}, {@code poetry.lock} and {@code pyproject.toml}. */
final class LockExports {
    private LockExports() {}

    /**
     * @param lookedFor for {@code auto}: what was looked for, named in the error when
     *     {@code pyproject.toml} declares nothing; otherwise {@code null}
     */
    static Generated export(DependencySource source, Path base, List<String> extras, Hints hints, String lookedFor) {
        Pyproject pyproject = Pyproject.read(base);
        return switch (source) {
            case UV -> {
                require(base, UvLockExport.FILE, source, hints);
                yield UvLockExport.export(base, pyproject, extras, hints);
            }
            case POETRY -> {
                require(base, PoetryLockExport.FILE, source, hints);
                require(base, Pyproject.FILE, source, hints);
                yield PoetryLockExport.export(base, pyproject, extras, hints);
            }
            case PYPROJECT -> {
                require(base, Pyproject.FILE, source, hints);
                yield PyprojectExport.export(pyproject, extras, hints, lookedFor);
            }
            default -> throw new IllegalArgumentException(source.toString());
        };
    }

    private static void require(Path base, String file, DependencySource source, Hints hints) {
        if (!Files.isRegularFile(base.resolve(file))) {
            throw new ConfigurationException(file + " not found in " + base + ", which "
                    + hints.set(Setting.PYTHON_DEPENDENCIES, source.value()) + " reads (set "
                    + hints.name(Setting.PYTHON_DEPENDENCIES) + " or " + hints.name(Setting.PYTHON_DIRECTORY) + ")");
        }
    }
}
