package io.github.fastapidocker.project.deps;

import java.nio.file.Path;
import java.util.List;

/**
 * What the Dockerfile copies before the code and installs: the files, each in one {@code COPY}, in
 * this order, then {@code pip install -r /code/<install>}. Nothing here depends on the code, so the
 * layer is reused until the dependencies themselves change.
 *
 * @param files the files to copy, the one pip is given last
 * @param install the file pip is given, relative to {@code /code}
 * @param origin the project file the dependencies came from, relative to the Python directory, for the log
 */
public record DependencyLayer(List<DependencyFile> files, String install, String origin) {
    /** The name the requirements file gets in the context and under {@code /code}, as in FastAPI's guide. */
    public static final String REQUIREMENTS = "requirements.txt";

    public DependencyLayer {
        files = List.copyOf(files);
    }

    /** The guide's layer: one requirements file, copied as {@code requirements.txt}. */
    public static DependencyLayer plain(Path requirements) {
        return new DependencyLayer(
                List.of(DependencyFile.copied(REQUIREMENTS, requirements)), REQUIREMENTS, REQUIREMENTS);
    }

    /** A requirements file generated from a lock or {@code pyproject.toml}, sent as {@code requirements.txt}. */
    public static DependencyLayer generated(byte[] content, String origin) {
        return new DependencyLayer(List.of(DependencyFile.generated(REQUIREMENTS, content)), REQUIREMENTS, origin);
    }
}
