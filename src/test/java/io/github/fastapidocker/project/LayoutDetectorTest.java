package io.github.fastapidocker.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutDetectorTest {
    @TempDir
    Path dir;

    @Test
    void packageLayout() throws IOException {
        PythonProjects.seed(dir);
        PythonLayout layout = LayoutDetector.detect(dir, null, MavenHints.INSTANCE);
        assertEquals(new PythonLayout(PythonLayout.Kind.PACKAGE, "app", "app/main.py"), layout);
    }

    @Test
    void singleFileLayout() throws IOException {
        PythonProjects.singleFile(dir);
        PythonLayout layout = LayoutDetector.detect(dir, null, MavenHints.INSTANCE);
        assertEquals(PythonLayout.Kind.SINGLE_FILE, layout.kind());
        assertEquals("main.py", layout.source());
        assertEquals("main.py", layout.appFile());
    }

    /** fastapi-cli's discover.py tries main.py, app.py, api.py before app/main.py (the plugin had it backwards). */
    @Test
    void aSingleFileWinsOverThePackageAsFastapiRunDoes() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "main.py", "x = 1\n");
        assertEquals(
                PythonLayout.Kind.SINGLE_FILE,
                LayoutDetector.detect(dir, null, MavenHints.INSTANCE).kind());
    }

    @Test
    void theSrcLayoutCopiesSrcAndNamesThePath() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n");
        PythonProjects.write(dir, "src/myservice/__init__.py", "");
        PythonProjects.write(dir, "src/myservice/main.py", "from fastapi import FastAPI\n\napi = FastAPI()\n");
        PythonLayout layout = LayoutDetector.detect(dir, null, null, MavenHints.INSTANCE);
        assertEquals(new PythonLayout(PythonLayout.Kind.PACKAGE, "src", "src/myservice/main.py", "api"), layout);
        assertEquals("src", layout.target());
    }

    @Test
    void severalSrcAppsAskWhichOne() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n");
        PythonProjects.write(dir, "src/a/main.py", "");
        PythonProjects.write(dir, "src/b/main.py", "");
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> LayoutDetector.detect(dir, null, null, MavenHints.INSTANCE));
        assertTrue(
                e.getMessage().contains("src/a/main.py, src/b/main.py (set <appPath> (fastapi.appPath)"),
                e.getMessage());
    }

    @Test
    void theObjectIsFoundAsFastapiRunFindsIt() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n");
        PythonProjects.write(dir, "main.py", "import fastapi\n\nother = 1\napi: fastapi.FastAPI = fastapi.FastAPI()\n");
        assertEquals(
                "api",
                LayoutDetector.detect(dir, null, null, MavenHints.INSTANCE).appObject());
        PythonProjects.write(dir, "main.py", "from fastapi import FastAPI\napi = FastAPI()\napp = FastAPI()\n");
        assertNull(LayoutDetector.detect(dir, null, null, MavenHints.INSTANCE).appObject(), "app is the default");
        PythonProjects.write(dir, "main.py", "from fastapi import FastAPI\nservice = FastAPI(title='x')\n");
        assertEquals(
                "service",
                LayoutDetector.detect(dir, null, null, MavenHints.INSTANCE).appObject());
        // Neither app nor api: the first by name, as dir(module) lists them, not the first in the file.
        PythonProjects.write(dir, "main.py", "from fastapi import FastAPI\npublic = FastAPI()\nadmin = FastAPI()\n");
        assertEquals(
                "admin",
                LayoutDetector.detect(dir, null, null, MavenHints.INSTANCE).appObject());
        PythonProjects.write(dir, "main.py", "from somewhere import app\n");
        assertNull(LayoutDetector.detect(dir, null, null, MavenHints.INSTANCE).appObject(), "the server decides");
    }

    @Test
    void theConfiguredObjectWinsAndMustBeAName() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n");
        PythonProjects.write(dir, "main.py", "from fastapi import FastAPI\napp = FastAPI()\nadmin = FastAPI()\n");
        assertEquals(
                "admin",
                LayoutDetector.detect(dir, null, "admin", MavenHints.INSTANCE).appObject());
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> LayoutDetector.detect(dir, null, "admin; rm -rf /", MavenHints.INSTANCE));
        assertTrue(e.getMessage().startsWith("<app> (fastapi.app) must be a Python name"), e.getMessage());
    }

    @Test
    void appPathOverridesDetection() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "service.py", "from fastapi import FastAPI\napp = FastAPI()\n");
        PythonLayout layout = LayoutDetector.detect(dir, "service.py", MavenHints.INSTANCE);
        assertEquals(new PythonLayout(PythonLayout.Kind.SINGLE_FILE, "service.py", "service.py"), layout);
    }

    @Test
    void appPathInANestedPackageCopiesTheTopPackage() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n");
        PythonProjects.write(dir, "src/shop/__init__.py", "");
        PythonProjects.write(dir, "src/shop/api/__init__.py", "");
        PythonProjects.write(dir, "src/shop/api/main.py", "app = None\n");
        PythonLayout layout = LayoutDetector.detect(dir, "src/shop/api/main.py", MavenHints.INSTANCE);
        assertEquals(PythonLayout.Kind.PACKAGE, layout.kind());
        assertEquals("src/shop", layout.source());
        assertEquals("shop", layout.target());
        assertEquals("shop/api/main.py", layout.appFile());
    }

    @Test
    void appPathDirectoryFindsItsMain() throws IOException {
        PythonProjects.seed(dir);
        assertEquals(
                "app/main.py",
                LayoutDetector.detect(dir, "app", MavenHints.INSTANCE).appFile());
    }

    @Test
    void noAppNamesEveryPathLookedAt() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n");
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> LayoutDetector.detect(dir, null, MavenHints.INSTANCE));
        assertEquals(
                "No FastAPI application found in " + dir.toAbsolutePath().normalize()
                        + ": looked for main.py, app.py, api.py, app/main.py, app/app.py, app/api.py, src/*/main.py (set <appPath> (fastapi.appPath) or <pythonDirectory> (fastapi.pythonDirectory))",
                e.getMessage());
    }

    @Test
    void badAppPaths() throws IOException {
        PythonProjects.seed(dir);
        assertTrue(assertThrows(
                        ConfigurationException.class, () -> LayoutDetector.detect(dir, "nope.py", MavenHints.INSTANCE))
                .getMessage()
                .startsWith("<appPath> (fastapi.appPath) must name a .py file or a package directory, not found: "));
        assertTrue(assertThrows(
                        ConfigurationException.class,
                        () -> LayoutDetector.detect(dir, "../outside.py", MavenHints.INSTANCE))
                .getMessage()
                .startsWith("<appPath> (fastapi.appPath) must be inside the Python directory"));
        assertTrue(assertThrows(
                        ConfigurationException.class,
                        () -> LayoutDetector.detect(dir.resolve("nowhere"), null, MavenHints.INSTANCE))
                .getMessage()
                .endsWith("(set <pythonDirectory> (fastapi.pythonDirectory))"));
    }

    @Test
    void theToolFastapiEntrypointComesBeforeTheDefaultPaths() throws IOException {
        PythonProjects.write(dir, "main.py", "from fastapi import FastAPI\napp = FastAPI()\n");
        PythonProjects.write(dir, "src/myservice/__init__.py", "");
        PythonProjects.write(dir, "src/myservice/main.py", "from fastapi import FastAPI\napi = FastAPI()\n");
        PythonProjects.write(
                dir,
                "pyproject.toml",
                "[project]\nname = \"myservice\"\nversion = \"1.0\"\n\n[tool.fastapi]\nentrypoint = \"myservice.main:api\"\n");
        assertEquals(
                new PythonLayout(PythonLayout.Kind.PACKAGE, "src", "src/myservice/main.py", "api"),
                LayoutDetector.detect(dir, null, MavenHints.INSTANCE));
        assertEquals(
                "main.py",
                LayoutDetector.detect(dir, "main.py", MavenHints.INSTANCE).appFile(),
                "<appPath> comes first");
    }

    @Test
    void anEntrypointInAPackageAndItsObject() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "app/service.py", "from fastapi import FastAPI\nweb = FastAPI()\n");
        PythonProjects.write(dir, "pyproject.toml", "[tool.fastapi]\nentrypoint = \"app.service:web\"\n");
        assertEquals(
                new PythonLayout(PythonLayout.Kind.PACKAGE, "app", "app/service.py", "web"),
                LayoutDetector.detect(dir, null, MavenHints.INSTANCE));
        PythonProjects.write(dir, "pyproject.toml", "[tool.fastapi]\nentrypoint = \"app.service:app\"\n");
        assertNull(LayoutDetector.detect(dir, null, MavenHints.INSTANCE).appObject(), "app is the default");
    }

    @Test
    void aWrongEntrypointNamesTheFileAndWhatWasLookedAt() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "pyproject.toml", "[tool.fastapi]\nentrypoint = \"nowhere.main:app\"\n");
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> LayoutDetector.detect(dir, null, MavenHints.INSTANCE));
        assertTrue(
                e.getMessage()
                        .contains("names module nowhere.main, but none of nowhere/main.py, nowhere/main/__init__.py,"
                                + " src/nowhere/main.py, src/nowhere/main/__init__.py exists"),
                e.getMessage());
        PythonProjects.write(dir, "pyproject.toml", "[tool.fastapi]\nentrypoint = \"app/main.py\"\n");
        assertTrue(
                assertThrows(ConfigurationException.class, () -> LayoutDetector.detect(dir, null, MavenHints.INSTANCE))
                        .getMessage()
                        .contains("must be \"package.module:object\""));
    }
}
