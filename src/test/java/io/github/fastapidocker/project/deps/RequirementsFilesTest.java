package io.github.fastapidocker.project.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.maven.MavenHints;
import io.github.fastapidocker.project.PythonProjects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsFilesTest {
    @TempDir
    Path dir;

    private DependencyLayer resolve(String requirementsFile, String source, RecordingLog log) {
        return Dependencies.resolve(dir, requirementsFile, source, List.of(), log, MavenHints.INSTANCE);
    }

    private String error(String requirementsFile, String source) {
        return assertThrows(ConfigurationException.class, () -> resolve(requirementsFile, source, new RecordingLog()))
                .getMessage();
    }

    @Test
    void aPlainFileIsTheGuidesLayer() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi[standard]\n-i https://pypi.example/simple\n");
        RecordingLog log = new RecordingLog();
        DependencyLayer layer = resolve("requirements.txt", "auto", log);
        assertEquals(DependencyLayer.plain(dir.resolve("requirements.txt")), layer);
        assertEquals(List.of("Python dependencies: requirements.txt (found requirements.txt)"), log.infos());
    }

    @Test
    void includesAndConstraintsGoIntoTheLayerAtTheirPaths() {
        Path base = LockExportsTest.project("requirements");
        RecordingLog log = new RecordingLog();
        DependencyLayer layer = Dependencies.resolve(base, null, null, List.of(), log, MavenHints.INSTANCE);
        assertEquals(
                List.of("constraints.txt", "requirements/base.txt", "requirements/common.txt", "requirements.txt"),
                layer.files().stream().map(DependencyFile::name).toList());
        assertEquals(
                base.resolve("requirements/common.txt"), layer.files().get(2).source());
        assertEquals("requirements.txt", layer.install());
        assertTrue(
                log.infos()
                        .get(0)
                        .endsWith("with the 3 files it includes: constraints.txt, requirements/base.txt,"
                                + " requirements/common.txt"),
                log.text());
    }

    @Test
    void aRequirementsFileInASubdirectoryKeepsItsPathWhenItIncludes() throws IOException {
        PythonProjects.write(dir, "deps/prod.txt", "-r base.txt\nuvicorn\n");
        PythonProjects.write(dir, "deps/base.txt", "fastapi\n");
        DependencyLayer layer = resolve("deps/prod.txt", "requirements", new RecordingLog());
        assertEquals(
                List.of("deps/base.txt", "deps/prod.txt"),
                layer.files().stream().map(DependencyFile::name).toList());
        assertEquals("deps/prod.txt", layer.install());
        // Without includes it is copied as the guide's requirements.txt.
        PythonProjects.write(dir, "deps/alone.txt", "fastapi\n");
        assertEquals(
                DependencyLayer.plain(dir.resolve("deps/alone.txt")),
                resolve("deps/alone.txt", null, new RecordingLog()));
    }

    @Test
    void anIncludeOutsideThePythonDirectoryIsRefused() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n-r ../shared/base.txt\n");
        String message = error(null, "auto");
        assertTrue(message.startsWith("requirements.txt line 2: '-r ../shared/base.txt' includes "), message);
        assertTrue(message.contains("outside the Python directory"), message);
    }

    @Test
    void aMissingIncludeNamesTheLine() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "--requirement=base.txt\n");
        assertEquals(
                "requirements.txt line 1: '--requirement=base.txt' includes " + dir.resolve("base.txt")
                        + ", which does not exist",
                error(null, null));
    }

    @Test
    void localPathsCannotBeInstalledBeforeTheCode() throws IOException {
        for (String line :
                List.of("-e .", "--editable ./libs/x", "./libs/shared", "file:///src/x", "x @ file:///src/x")) {
            PythonProjects.write(dir, "requirements.txt", "# deps\nfastapi\n" + line + "\n");
            String message = error(null, null);
            assertTrue(message.startsWith("requirements.txt line 3: '" + line + "' installs a local path"), message);
            assertTrue(message.contains("<dockerfile> (fastapi.dockerfile)"), message);
        }
        for (String line :
                List.of("-e git+https://example.com/x.git#egg=x", "x @ https://example.com/x.whl", "fastapi>=0.1")) {
            PythonProjects.write(dir, "requirements.txt", line + "\n");
            resolve(null, null, new RecordingLog());
        }
    }

    @Test
    void optionValues() {
        assertEquals("a.txt", RequirementLines.value("-ra.txt", List.of("-r")));
        assertEquals("a.txt", RequirementLines.value("-r  a.txt", List.of("-r")));
        assertEquals("a.txt", RequirementLines.value("--constraint = a.txt", List.of("--constraint")));
        assertNull(RequirementLines.value("--requirementx", List.of("--requirement")));
    }

    @Test
    void nothingToInstallNamesEveryFileLookedFor() {
        assertEquals(
                "No Python dependencies found in " + dir.toAbsolutePath().normalize() + ": looked for requirements.txt,"
                        + " uv.lock, poetry.lock, pyproject.toml [project].dependencies. Add one of them, or set"
                        + " <requirementsFile> (fastapi.requirementsFile) and"
                        + " <pythonDependencies>requirements</pythonDependencies> (-Dfastapi.pythonDependencies=requirements)",
                error(null, "auto"));
    }

    @Test
    void aNamedRequirementsFileMustExist() {
        assertEquals(
                "requirements file not found: "
                        + dir.toAbsolutePath().normalize().resolve("requirements/prod.txt")
                        + " (set <requirementsFile> (fastapi.requirementsFile))",
                error("requirements/prod.txt", "auto"));
        assertTrue(error(null, "requirements").startsWith("requirements file not found: "));
    }

    @Test
    void anUnknownSourceNamesTheValues() {
        assertEquals(
                "<pythonDependencies> (fastapi.pythonDependencies) must be one of auto, requirements, uv, poetry,"
                        + " pyproject, was 'pipenv'",
                error(null, "pipenv"));
    }
}
