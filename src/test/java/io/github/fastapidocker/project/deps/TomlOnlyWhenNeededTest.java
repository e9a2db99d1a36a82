package io.github.fastapidocker.project.deps;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.project.PythonProjects;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A requirements project never loads the TOML reader; a uv project does. */
class TomlOnlyWhenNeededTest {
    @TempDir
    Path dir;

    /** A fresh loader over the test class path, which tells which classes it has loaded. */
    static final class Probe extends URLClassLoader {
        Probe() {
            super(
                    Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                            .map(Probe::url)
                            .toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
        }

        private static URL url(String path) {
            try {
                return new File(path).toURI().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        void resolve(Path base) throws Exception {
            Object hints = loadClass("io.github.fastapidocker.maven.MavenHints")
                    .getField("INSTANCE")
                    .get(null);
            Class<?> logType = loadClass("io.github.fastapidocker.kernel.BuildLog");
            Object log = logType.getField("SILENT").get(null);
            loadClass(Dependencies.class.getName())
                    .getMethod(
                            "resolve",
                            Path.class,
                            String.class,
                            String.class,
                            List.class,
                            logType,
                            loadClass("io.github.fastapidocker.kernel.Hints"))
                    .invoke(null, base, null, null, List.of(), log, hints);
        }
    }

    @Test
    void onlyALockLoadsTheTomlClasses() throws Exception {
        PythonProjects.write(dir, "requirements.txt", "-r base.txt\n");
        PythonProjects.write(dir, "base.txt", "fastapi\n");
        try (Probe probe = new Probe()) {
            probe.resolve(dir);
            assertTrue(probe.loaded(Dependencies.class.getName()));
            assertFalse(probe.loaded("com.fasterxml.jackson.dataformat.toml.TomlMapper"));
            assertFalse(probe.loaded(Toml.class.getName()));
            assertFalse(probe.loaded(LockExports.class.getName()));
        }
        try (Probe probe = new Probe()) {
            probe.resolve(LockExportsTest.project("uv"));
            assertTrue(probe.loaded("com.fasterxml.jackson.dataformat.toml.TomlMapper"));
        }
    }
}
