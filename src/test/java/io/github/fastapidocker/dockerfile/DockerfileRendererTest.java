package io.github.fastapidocker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import io.github.fastapidocker.project.PythonLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Golden files: every variant of FastAPI's container guide, byte for byte. */
class DockerfileRendererTest {
    private static final PythonLayout PACKAGE = new PythonLayout(PythonLayout.Kind.PACKAGE, "app", "app/main.py");
    private static final PythonLayout SINGLE = new PythonLayout(PythonLayout.Kind.SINGLE_FILE, "main.py", "main.py");

    private static final io.github.fastapidocker.project.deps.DependencyLayer GUIDE_LAYER =
            io.github.fastapidocker.project.deps.DependencyLayer.plain(java.nio.file.Path.of("requirements.txt"));

    private static DockerfileOptions guide() {
        return new DockerfileOptions("python:3.14", 80, null, false, null, null);
    }

    @Test
    void packageLayoutIsTheGuidesDockerfile() throws IOException {
        assertEquals(golden("package"), DockerfileRenderer.render(PACKAGE, guide()));
    }

    @Test
    void singleFileLayout() throws IOException {
        assertEquals(golden("single-file"), DockerfileRenderer.render(SINGLE, guide()));
    }

    @Test
    void behindAProxy() throws IOException {
        DockerfileOptions options = new DockerfileOptions("python:3.14", 80, null, true, "*", "/api/v1");
        assertEquals(golden("proxy-headers"), DockerfileRenderer.render(PACKAGE, options));
    }

    @Test
    void fourWorkersOnAnotherPortAndBase() throws IOException {
        DockerfileOptions options = new DockerfileOptions("python:3.12-slim", 8080, 4, false, null, null);
        assertEquals(golden("workers-4"), DockerfileRenderer.render(PACKAGE, options));
    }

    @Test
    void labelsAreOneSortedInstructionBeforeTheCodeWithQuotingAndNoExpansion() throws IOException {
        Map<String, String> labels = Map.of(
                "org.opencontainers.image.version", "1.0.0",
                "org.opencontainers.image.title", "Hello \"quoted\" $HOME");
        assertEquals(golden("labels"), DockerfileRenderer.render(PACKAGE, guide(), labels));
    }

    @Test
    void sameInputSameBytes() {
        DockerfileOptions options = new DockerfileOptions("python:3.14", 80, 2, true, "10.0.0.1", null);
        Map<String, String> labels = new java.util.HashMap<>(Map.of("b", "2", "a", "1", "c", "3"));
        String first = DockerfileRenderer.render(PACKAGE, options, labels);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, DockerfileRenderer.render(PACKAGE, options, new java.util.LinkedHashMap<>(labels)));
        }
    }

    @Test
    void usesNothingTheClassicBuilderRejects() {
        String dockerfile = DockerfileRenderer.render(
                PACKAGE, new DockerfileOptions("python:3.14", 80, 4, true, "*", "/x"), Map.of("k", "v"));
        assertFalse(dockerfile.contains("--mount"), "RUN --mount needs BuildKit");
        assertFalse(dockerfile.contains("--chmod"), "COPY --chmod needs BuildKit");
        assertFalse(dockerfile.contains("<<"), "heredocs need BuildKit");
        assertFalse(Pattern.compile("(?m)^#\\s*syntax=").matcher(dockerfile).find(), "# syntax= needs BuildKit");
    }

    @Test
    void cmdIsAlwaysExecFormAndEscapesJson() {
        DockerfileOptions options = new DockerfileOptions("python:3.14", 80, null, false, "a\"b\\c", null);
        String cmd = DockerfileRenderer.render(PACKAGE, options)
                .lines()
                .filter(l -> l.startsWith("CMD "))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "CMD [\"fastapi\", \"run\", \"app/main.py\", \"--port\", \"80\", \"--forwarded-allow-ips\", \"a\\\"b\\\\c\"]",
                cmd);
        assertEquals(
                List.of("fastapi", "run", "app/main.py", "--port", "80", "--forwarded-allow-ips", "a\"b\\c"),
                DockerfileRenderer.command(PACKAGE, options));
    }

    @Test
    void invalidOptionsNameTheElement() {
        assertEquals(
                "<port> (fastapi.port) must be 1-65535, was 0",
                assertThrows(ConfigurationException.class, () -> new DockerfileOptions(
                                        "python:3.14", 0, null, false, null, null)
                                .validate(MavenHints.INSTANCE))
                        .getMessage());
        assertEquals(
                "<port> (fastapi.port) must be 1-65535, was 65536",
                assertThrows(ConfigurationException.class, () -> new DockerfileOptions(
                                        "python:3.14", 65536, null, false, null, null)
                                .validate(MavenHints.INSTANCE))
                        .getMessage());
        assertEquals(
                "<workers> (fastapi.workers) must be at least 1, was 0",
                assertThrows(ConfigurationException.class, () -> new DockerfileOptions(
                                        "python:3.14", 80, 0, false, null, null)
                                .validate(MavenHints.INSTANCE))
                        .getMessage());
        assertThrows(ConfigurationException.class, () -> new DockerfileOptions("python 3", 80, null, false, null, null)
                .validate(MavenHints.INSTANCE));
        assertThrows(ConfigurationException.class, () -> new DockerfileOptions(
                        "python:3", 80, null, false, null, "/a\nRUN x")
                .validate(MavenHints.INSTANCE));
    }

    /** The recommended environment, in the order a POM might give it: the Dockerfile sorts it. */
    static Map<String, String> recommendedEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        return env;
    }

    @Test
    void aNonRootUserComesAfterTheCodeWhichStaysRootOwned() throws IOException {
        assertEquals(
                golden("user"),
                DockerfileRenderer.render(
                        PACKAGE, GUIDE_LAYER, guide(), Map.of(), new ProductionImage("10001", Map.of())));
    }

    @Test
    void environmentIsOneSortedEnvAfterTheDependenciesQuotedWithoutExpansion() throws IOException {
        Map<String, String> env = recommendedEnvironment();
        env.put("GREETING", "say \"hi\" to $USER \\o/");
        env.put("EMPTY", null);
        assertEquals(
                golden("environment"),
                DockerfileRenderer.render(PACKAGE, GUIDE_LAYER, guide(), Map.of(), new ProductionImage(null, env)));
    }

    @Test
    void userEnvironmentAndLabelsTogether() throws IOException {
        assertEquals(
                golden("user-environment-labels"),
                DockerfileRenderer.render(
                        SINGLE,
                        GUIDE_LAYER,
                        new DockerfileOptions("python:3.14-slim", 8000, null, false, null, null),
                        Map.of("org.opencontainers.image.version", "1.0.0"),
                        new ProductionImage("10001:10001", recommendedEnvironment())));
    }

    @Test
    void aHealthCheckWithItsDefaultsComesJustBeforeTheCmd() throws IOException {
        assertEquals(
                golden("healthcheck"),
                DockerfileRenderer.render(
                        PACKAGE,
                        GUIDE_LAYER,
                        guide(),
                        Map.of(),
                        new ProductionImage(null, Map.of(), Healthcheck.of(null, null, null, null, null))));
    }

    @Test
    void userEnvironmentHealthCheckAndLabelsTogether() throws IOException {
        assertEquals(
                golden("user-environment-healthcheck"),
                DockerfileRenderer.render(
                        PACKAGE,
                        GUIDE_LAYER,
                        new DockerfileOptions("python:3.14-slim", 8000, 2, true, "*", null),
                        Map.of("org.opencontainers.image.version", "1.0.0"),
                        new ProductionImage(
                                "10001", recommendedEnvironment(), Healthcheck.of("/health", "15s", "3s", "10s", 5))));
    }

    @Test
    void aPrivateIndexMakesABuilderStageWhoseLoginIsOnlyABuildArgument() throws IOException {
        String dockerfile = DockerfileRenderer.render(
                PACKAGE,
                GUIDE_LAYER,
                guide(),
                Map.of(),
                new ProductionImage(
                        null,
                        Map.of(),
                        null,
                        new PackageIndexes("https://nexus.example.com/repository/pypi/simple/", null)));
        assertEquals(golden("index"), dockerfile);
    }

    @Test
    void onlyAnExtraIndexKeepsTheBaseImagesIndex() throws IOException {
        String dockerfile = DockerfileRenderer.render(
                SINGLE,
                GUIDE_LAYER,
                guide(),
                Map.of(),
                new ProductionImage(null, Map.of(), null, new PackageIndexes(null, "https://x.example.com/simple/$a")));
        assertEquals(golden("extra-index"), dockerfile);
    }

    /** Every option at once: the README's example renders this. */
    @Test
    void everythingAProductionImageAdds() throws IOException {
        String dockerfile = DockerfileRenderer.render(
                PACKAGE,
                new io.github.fastapidocker.project.deps.DependencyLayer(
                        List.of(
                                io.github.fastapidocker.project.deps.DependencyFile.copied(
                                        "constraints.txt", java.nio.file.Path.of("constraints.txt")),
                                io.github.fastapidocker.project.deps.DependencyFile.copied(
                                        "requirements.txt", java.nio.file.Path.of("requirements.txt"))),
                        "requirements.txt",
                        "requirements.txt"),
                new DockerfileOptions("python:3.14-slim", 8000, null, true, "*", null),
                Map.of("org.opencontainers.image.title", "hello-fastapi", "org.opencontainers.image.version", "1.0.0"),
                new ProductionImage(
                        "10001",
                        recommendedEnvironment(),
                        Healthcheck.of("/health", null, null, null, null),
                        new PackageIndexes(
                                "https://nexus.example.com/repository/pypi/simple/", "https://pypi.org/simple/")));
        assertEquals(golden("production"), dockerfile);
        assertFalse(dockerfile.contains("--mount"), "classic builder only");
    }

    @Test
    void nothingAddedIsTheGuidesDockerfile() throws IOException {
        assertEquals(
                golden("package"),
                DockerfileRenderer.render(PACKAGE, GUIDE_LAYER, guide(), Map.of(), ProductionImage.NONE));
        assertEquals(
                golden("package"),
                DockerfileRenderer.render(PACKAGE, GUIDE_LAYER, guide(), Map.of(), new ProductionImage(" ", null)));
        assertTrue(new ProductionImage("", Map.of()).isNone());
    }

    static String golden(String name) throws IOException {
        try (InputStream in = DockerfileRendererTest.class.getResourceAsStream("/golden/" + name + ".Dockerfile")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anObjectOtherThanAppIsNamedAfterThePath() {
        PythonLayout src = new PythonLayout(PythonLayout.Kind.PACKAGE, "src", "src/myservice/main.py", "api");
        String dockerfile = DockerfileRenderer.render(src, guide());
        assertTrue(dockerfile.contains("COPY ./src /code/src\n"), dockerfile);
        assertTrue(
                dockerfile.contains(
                        "CMD [\"fastapi\", \"run\", \"src/myservice/main.py\", \"--app\", \"api\", \"--port\", \"80\"]"),
                dockerfile);
    }
}
