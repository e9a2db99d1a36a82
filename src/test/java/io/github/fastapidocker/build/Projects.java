package io.github.fastapidocker.build;

import io.github.fastapidocker.dockerfile.DockerfileOptions;
import io.github.fastapidocker.dockerfile.ProductionImage;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.maven.MavenHints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a Python project for tests: the guide's defaults, with only what a test changes
 * named (no positional {@code null}s).
 */
final class Projects {
    private Path directory;
    private String requirementsFile = "requirements.txt";
    private String dependencies;
    private Path dockerfile;
    private Set<Path> excluded;
    private Map<String, String> labels = Map.of();
    private ProductionImage production = ProductionImage.NONE;

    private Projects(Path directory) {
        this.directory = directory;
        this.excluded = Set.of(directory.resolve("target"));
    }

    static Projects in(Path directory) {
        return new Projects(directory);
    }

    Projects requirementsFile(String file) {
        this.requirementsFile = file;
        return this;
    }

    Projects dependencies(String source) {
        this.dependencies = source;
        return this;
    }

    Projects dockerfile(Path file) {
        this.dockerfile = file;
        return this;
    }

    Projects excluded(Set<Path> paths) {
        this.excluded = paths;
        return this;
    }

    Projects labels(Map<String, String> labels) {
        this.labels = labels;
        return this;
    }

    Projects production(ProductionImage production) {
        this.production = production;
        return this;
    }

    ProjectSettings settings() {
        return new ProjectSettings(
                directory,
                requirementsFile,
                dependencies,
                List.of(),
                null,
                dockerfile,
                new DockerfileOptions("python:3.14", 80, null, false, null, null),
                excluded,
                labels,
                null,
                production);
    }

    BuildPlan plan(BuildLog log) {
        return BuildPlan.of(settings(), log, MavenHints.INSTANCE);
    }
}
