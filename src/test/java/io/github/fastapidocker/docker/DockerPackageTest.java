package io.github.fastapidocker.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine port is the bottom layer: nothing under {@code docker} imports another package of
 * ours, nor speaks of Maven (POM elements, {@code fastapi.*} properties, {@code mvn}).
 */
class DockerPackageTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/fastapidocker/docker");
    private static final Pattern OUR_IMPORT =
            Pattern.compile("^import (?:static )?io\\.github\\.fastapidocker\\.([a-z]+)", Pattern.MULTILINE);
    private static final Pattern MAVEN_WORDS =
            Pattern.compile("\"[^\"\\n]*(?:<[a-z][A-Za-z]*>|fastapi\\.[a-z]|\\bmvn |-Dfastapi)[^\"\\n]*\"");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void importsNothingOfOurs() throws IOException {
        for (Path file : sources()) {
            Matcher m = OUR_IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                assertEquals("docker", m.group(1), file + " imports " + m.group());
            }
        }
    }

    @Test
    void speaksNoMaven() throws IOException {
        for (Path file : sources()) {
            Matcher m = MAVEN_WORDS.matcher(Files.readString(file));
            if (m.find()) {
                fail(file + " has Maven words: " + m.group());
            }
        }
    }

    @Test
    void shortIds() {
        assertEquals(
                "04cccff8a6cd",
                DockerEngine.shortId("sha256:04cccff8a6cd58dce81fa2eebc8131be70a34565b1e593aadf0aa4fff48415dc"));
        assertEquals(
                "596169d0030b",
                DockerEngine.shortId("596169d0030be652b036f0f934e9bb4d4605351884cb06e0a989468ede37b51e"));
        assertEquals("abc", DockerEngine.shortId("abc"));
        assertNull(DockerEngine.shortId(null));
    }
}
