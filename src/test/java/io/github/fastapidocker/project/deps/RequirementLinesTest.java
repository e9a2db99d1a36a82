package io.github.fastapidocker.project.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.maven.MavenHints;
import io.github.fastapidocker.project.PythonProjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines of a requirements file and strings of a pyproject.toml a careless or hostile user writes. */
class RequirementLinesTest {
    @TempDir
    Path dir;

    private DependencyLayer resolve() {
        return Dependencies.resolve(dir, null, null, List.of(), new RecordingLog(), MavenHints.INSTANCE);
    }

    private String error() {
        return assertThrows(ConfigurationException.class, this::resolve).getMessage();
    }

    private String requirements(String text) throws IOException {
        PythonProjects.write(dir, "requirements.txt", text);
        return error();
    }

    @Test
    void anEnvironmentFileIsNeverARequirementsFile() throws IOException {
        PythonProjects.write(dir, ".env", "SECRET=topsecret\n");
        String message = requirements("fastapi\n-r .env\n");
        assertTrue(message.startsWith(".env is an environment file, not a requirements file"), message);
        assertFalse(message.contains("topsecret"), message);
    }

    @Test
    void anIndexLoginInTheFileIsRefusedWithoutShowingIt() throws IOException {
        for (String line : List.of(
                "--index-url http://fastapi-index:s3cret-index-pass@127.0.0.1:5557/simple/",
                "--extra-index-url=https://u:s3cret-index-pass@host/simple",
                "-i https://ghp_s3cret-index-pass@host/simple",
                "probe @ git+https://bot:s3cret-index-pass@github.com/x/probe",
                "-r https://u:s3cret-index-pass@host/reqs.txt")) {
            String message = requirements("fastapi\n" + line + "\n");
            assertTrue(message.startsWith("requirements.txt line 2: '"), message);
            assertTrue(message.contains("' carries a login, and the file is copied into the image"), message);
            assertTrue(message.contains("<pipIndexUrl>") && message.contains("<pipIndexServerId>"), message);
            assertFalse(message.contains("s3cret-index-pass"), message);
        }
    }

    @Test
    void aUserWithoutPasswordOverSshIsNoLogin() {
        assertFalse(RequirementLines.carriesLogin("probe @ git+ssh://git@github.com/x/probe.git"));
        assertTrue(RequirementLines.carriesLogin("probe @ git+ssh://git:pw@github.com/x/probe.git"));
        assertFalse(RequirementLines.carriesLogin("--index-url https://host/simple"));
        // pip's reference to an environment variable: the file holds no secret.
        assertFalse(RequirementLines.carriesLogin("--index-url https://ci:${INDEX_TOKEN}@host/simple"));
        assertFalse(RequirementLines.carriesLogin("-i https://${INDEX_TOKEN}@host/simple"));
        assertTrue(RequirementLines.carriesLogin("-i https://ci:x${INDEX_TOKEN}@host/simple"));
        assertEquals(
                "-i https://****@host/simple",
                io.github.fastapidocker.kernel.Urls.withoutLogin("-i https://user:pw@host/simple"));
    }

    @Test
    void aLocalFindLinksDirectoryIsRefusedAsALocalPath() throws IOException {
        String message = requirements("fastapi\n--find-links ./wheels\nprobe==1.0.0\n");
        assertTrue(
                message.startsWith("requirements.txt line 2: '--find-links ./wheels' installs a local path"), message);
        PythonProjects.write(dir, "requirements.txt", "fastapi\n-f https://host/wheels/\n");
        assertEquals(DependencyLayer.plain(dir.resolve("requirements.txt")), resolve());
    }

    @Test
    void aByteOrderMarkDoesNotHideAnInclude() throws IOException {
        PythonProjects.write(dir, "base.txt", "uvicorn\n");
        Files.write(dir.resolve("requirements.txt"), "\uFEFF-r base.txt\nfastapi\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of("base.txt", "requirements.txt"),
                resolve().files().stream().map(DependencyFile::name).toList());
    }

    @Test
    void aQuotedIncludeIsThePathInsideTheQuotes() throws IOException {
        PythonProjects.write(dir, "my reqs.txt", "uvicorn\n");
        PythonProjects.write(dir, "requirements.txt", "fastapi\n-r \"my reqs.txt\"\n");
        assertEquals(
                List.of("my reqs.txt", "requirements.txt"),
                resolve().files().stream().map(DependencyFile::name).toList());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheFix() throws IOException {
        Files.write(dir.resolve("requirements.txt"), "# caf\u00e9\nfastapi\n".getBytes("ISO-8859-1"));
        String message = error();
        assertEquals(
                dir.resolve("requirements.txt") + " is not UTF-8 text: save it as UTF-8 (pip reads"
                        + " requirements files as UTF-8)",
                message);
    }

    @Test
    void aLineBreakInAPyprojectDependencyCannotAddAnOption() throws IOException {
        PythonProjects.write(
                dir,
                "pyproject.toml",
                "[project]\nname = \"svc\"\nversion = \"1\"\n"
                        + "dependencies = [\"fastapi\", \"uvicorn\\n--index-url http://evil.invalid/simple/\"]\n");
        String message = error();
        assertTrue(
                message.startsWith("pyproject.toml: 'uvicorn\\x0a--index-url http://evil.invalid/simple/' holds a line"
                        + " break"),
                message);
    }

    @Test
    void aLineSeparatorPipBreaksAtCannotAddAnOptionEither() throws IOException {
        // pip splits with Python's splitlines(): U+2028 and U+0085 end a line as \n does.
        for (String separator : List.of("\\u2028", "\\u0085")) {
            PythonProjects.write(
                    dir,
                    "pyproject.toml",
                    "[project]\nname = \"svc\"\nversion = \"1\"\n" + "dependencies = [\"uvicorn" + separator
                            + "--index-url http://evil.invalid/simple/\"]\n");
            String message = error();
            assertTrue(message.contains("holds a line break or another control character"), message);
        }
    }

    @Test
    void aPyprojectDependencyWithALoginIsRefused() throws IOException {
        PythonProjects.write(
                dir,
                "pyproject.toml",
                "[project]\nname = \"svc\"\nversion = \"1\"\n"
                        + "dependencies = [\"probe @ git+https://bot:ghp_T0KEN@github.com/x/probe\"]\n");
        String message = error();
        assertTrue(message.contains("carries a login"), message);
        assertFalse(message.contains("ghp_T0KEN"), message);
    }

    @Test
    void aUvSourceWithoutALockIsRefusedNotTakenFromTheIndex() throws IOException {
        PythonProjects.write(
                dir,
                "pyproject.toml",
                "[project]\nname = \"svc\"\nversion = \"1\"\n"
                        + "dependencies = [\"fastapi\", \"fastapi_docker_probe>=1\"]\n"
                        + "[tool.uv.sources]\nfastapi-docker-probe = { path = \"libs/probe\", editable = true }\n");
        String message = error();
        assertTrue(
                message.startsWith(
                        "pyproject.toml: fastapi-docker-probe has a [tool.uv.sources] entry (path), which pip"
                                + " does not read"),
                message);
        // A source for a package that is not a dependency changes nothing.
        PythonProjects.write(
                dir,
                "pyproject.toml",
                "[project]\nname = \"svc\"\nversion = \"1\"\n"
                        + "dependencies = [\"fastapi\"]\n[tool.uv.sources]\nother = { workspace = true }\n");
        assertEquals(1, resolve().files().size());
    }

    @Test
    void aUvLockOlderThanThePyprojectIsRefusedAsUvExportRefusesIt() throws IOException {
        Path uv = LockExportsTest.project("uv");
        Files.copy(uv.resolve("uv.lock"), dir.resolve("uv.lock"));
        String pyproject = Files.readString(uv.resolve("pyproject.toml"));
        PythonProjects.write(dir, "pyproject.toml", pyproject.replace("\"uvicorn>=0.32\",", "\"httpx>=0.28\","));
        assertEquals(
                "uv.lock is out of date with pyproject.toml (not locked: httpx; no longer in"
                        + " [project].dependencies: uvicorn): run uv lock",
                error());
        PythonProjects.write(dir, "pyproject.toml", pyproject);
        // The lock as uv wrote it for this pyproject.toml: 14 packages pinned, no error.
        assertEquals(1, resolve().files().size());
    }

    @Test
    void anIncludeOfAVariableOrADirectorySaysWhy() throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("reqs"));
        assertTrue(requirements("-r reqs\n").endsWith(", a directory: an include names a file"));
        String message = requirements("-r ${HOME}/base.txt\n");
        assertTrue(message.contains("pip would put an environment variable's value there"), message);
    }

    @Test
    void aTomlMistakeIsNamedWithItsLine() throws IOException {
        PythonProjects.write(dir, "pyproject.toml", "[project]\nname = \"svc\"\nname = \"again\"\n");
        String message = error();
        assertTrue(message.startsWith("Cannot read " + dir.resolve("pyproject.toml") + " as TOML: "), message);
        // Jackson's position is where it stopped: just after the duplicate on line 3.
        assertTrue(message.endsWith("Duplicate key (the reader stopped at line 4, column 1)"), message);
    }

    @Test
    void aRegistryTheLockNamesIsSaidNotDroppedSilently() throws IOException {
        Path uv = LockExportsTest.project("uv");
        Files.copy(uv.resolve("pyproject.toml"), dir.resolve("pyproject.toml"));
        Files.writeString(
                dir.resolve("uv.lock"),
                Files.readString(uv.resolve("uv.lock"))
                        .replaceFirst(
                                "registry = \"https://pypi.org/simple\"",
                                "registry = \"https://ci:t0ken@nexus.example/simple\""));
        RecordingLog log = new RecordingLog();
        Dependencies.resolve(dir, null, null, List.of(), log, MavenHints.INSTANCE);
        assertTrue(
                log.text()
                        .contains("; uv.lock takes some from https://****@nexus.example/simple: pip takes them"
                                + " from the index <pipIndexUrl> (fastapi.pip.indexUrl) names, PyPI without it"),
                log.text());
        assertFalse(log.text().contains("t0ken"), log.text());
    }

    @Test
    void dependenciesThatAreNotAListAreAMistakeNotAnEmptyImage() throws IOException {
        PythonProjects.write(
                dir, "pyproject.toml", "[project]\nname = \"svc\"\nversion = \"1\"\n" + "dependencies = \"fastapi\"\n");
        assertEquals(
                "[project].dependencies in pyproject.toml must be a list of strings, [\"...\", ...], not \"fastapi\"",
                error());
    }
}
