package io.github.fastapidocker.project.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.maven.MavenHints;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden files: each exporter against a realistic project, byte for byte. */
class LockExportsTest {
    static Path project(String name) {
        try {
            return Path.of(LockExportsTest.class.getResource("/deps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String golden(String name) throws IOException {
        try (InputStream in = LockExportsTest.class.getResourceAsStream("/deps/" + name + ".requirements.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String generated(String project, List<String> extras, RecordingLog log) {
        DependencyLayer layer = Dependencies.resolve(project(project), null, "auto", extras, log, MavenHints.INSTANCE);
        assertEquals(1, layer.files().size());
        assertEquals("requirements.txt", layer.install());
        return new String(layer.files().get(0).content(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
        "uv, uv.lock",
        "poetry2, poetry.lock",
        "poetry1, poetry.lock",
        // Poetry 1.4 and older: lock-version 1.1, the hashes in [metadata.files].
        "poetry1-old, poetry.lock",
        "pyproject, pyproject.toml"
    })
    void eachShapeGivesItsGoldenFile(String project, String origin) throws IOException {
        RecordingLog log = new RecordingLog();
        String text = generated(project, List.of(), log);
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(Path.of("src/test/resources/deps/" + project + ".requirements.txt"), text);
        }
        assertEquals(golden(project), text);
        assertTrue(log.text().contains("Python dependencies: " + origin), log.text());
    }
}
