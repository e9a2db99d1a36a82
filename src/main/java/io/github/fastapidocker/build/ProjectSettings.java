package io.github.fastapidocker.build;

import io.github.fastapidocker.dockerfile.DockerfileOptions;
import io.github.fastapidocker.dockerfile.ProductionImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the Python project is and how its Dockerfile should look; plain values, no Maven.
 *
 * @param pythonDirectory the directory holding the Python project
 * @param requirementsFile the requirements file, relative to {@code pythonDirectory}
 * @param pythonDependencies where the dependencies come from: {@code auto}, {@code requirements},
 *     {@code uv}, {@code poetry}, {@code pyproject}; {@code null} for {@code auto}
 * @param pythonExtras optional dependencies to install too
 * @param appPath the application file or package, or {@code null} to detect it
 * @param userDockerfile the user's own Dockerfile, or {@code null} to generate one
 * @param options what the generated Dockerfile says
 * @param excluded paths never sent in a context (the Maven build directory)
 * @param labels image labels: written into a generated Dockerfile, passed to the engine for a user's
 * @param app the FastAPI object to run, or {@code null} to find it as {@code fastapi run} does
 * @param production what a production image adds to a generated Dockerfile ({@link
 *     ProductionImage#NONE}: nothing)
 */
public record ProjectSettings(
        Path pythonDirectory,
        String requirementsFile,
        String pythonDependencies,
        List<String> pythonExtras,
        String appPath,
        Path userDockerfile,
        DockerfileOptions options,
        Set<Path> excluded,
        Map<String, String> labels,
        String app,
        ProductionImage production) {}
