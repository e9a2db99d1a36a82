package io.github.fastapidocker.project.deps;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a project's dependencies are read from. */
public enum DependencySource {
    /** The first that exists: requirements file, {@code uv.lock}, {@code poetry.lock}, {@code pyproject.toml}. */
    AUTO,
    /** A pip requirements file, with the files it includes ({@code -r}, {@code -c}). */
    REQUIREMENTS,
    /** {@code uv.lock}: the default dependencies, pinned with hashes. */
    UV,
    /** {@code poetry.lock}: the main group, pinned with hashes. */
    POETRY,
    /** {@code pyproject.toml} {@code [project].dependencies}, as written. */
    PYPROJECT;

    /** The value a user writes: {@code auto}, {@code uv}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code null} or blank is {@link #AUTO}; anything unknown is an error naming the values. */
    public static DependencySource parse(String value, Hints hints) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        for (DependencySource source : values()) {
            if (source.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return source;
            }
        }
        throw new ConfigurationException(hints.name(Setting.PYTHON_DEPENDENCIES) + " must be one of "
                + Arrays.stream(values()).map(DependencySource::value).collect(Collectors.joining(", "))
                + ", was '" + value + "'");
    }
}
